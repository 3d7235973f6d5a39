-- endpoint: device control (USBGuard-style policies, device events, enforcement outcomes) and
-- endpoint agents (Wazuh-like) with their threat detections.
-- Columns: docs domain-model.md §8. Enums are text + CHECK; every foreign key is indexed.
-- Depends on iam (users, teams, iam_users) and incidents (endpoint_threats.incident_id).

-- ---------------------------------------------------------------------------------------------
-- Lookup: kinds of endpoints and peripherals. Seeded by m20261129_100019_endpoint_reference_data.
CREATE TABLE device_types (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    key           text        NOT NULL,
    name          text        NOT NULL,
    category      text        NOT NULL,
    usb_class     text,
    default_risk  text        NOT NULL DEFAULT 'medium',
    description   text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT device_types_pkey PRIMARY KEY (id),
    CONSTRAINT device_types_key_key UNIQUE (key),
    CONSTRAINT device_types_category_check CHECK (category IN ('endpoint', 'peripheral')),
    -- USB base class code, two lower-case hex digits (08 mass storage, 03 HID, e0 wireless…).
    CONSTRAINT device_types_usb_class_check CHECK (usb_class ~ '^[0-9a-f]{2}$'),
    CONSTRAINT device_types_default_risk_check
        CHECK (default_risk IN ('critical', 'high', 'medium', 'low', 'info'))
);
COMMENT ON TABLE device_types IS 'Device type classifications';
CREATE INDEX device_types_category_idx ON device_types (category);

-- ---------------------------------------------------------------------------------------------
-- Lookup: kinds of device events. Seeded by m20261129_100019_endpoint_reference_data.
CREATE TABLE event_types (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    key               text        NOT NULL,
    name              text        NOT NULL,
    category          text        NOT NULL,
    default_severity  text        NOT NULL DEFAULT 'info',
    description       text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT event_types_pkey PRIMARY KEY (id),
    CONSTRAINT event_types_key_key UNIQUE (key),
    CONSTRAINT event_types_default_severity_check
        CHECK (default_severity IN ('critical', 'high', 'medium', 'low', 'info'))
);
COMMENT ON TABLE event_types IS 'Event type classifications';
CREATE INDEX event_types_category_idx ON event_types (category);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE devices (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    hostname           text        NOT NULL,
    hardware_uuid      uuid,
    serial             text,
    device_type_id     uuid,
    os_platform        text,
    os_version         text,
    os_build           text,
    cpu                text,
    memory_mb          integer,
    primary_ip         inet,
    -- MAC-48 as lower-case colon-separated hex (text: the API has no macaddr type).
    primary_mac        text,
    owner_user_id      uuid,
    owner_iam_user_id  uuid,
    team_id            uuid,
    disk_encrypted     boolean,
    enrollment         text        NOT NULL DEFAULT 'pending',
    last_seen_at       timestamptz,
    tags               text[]      NOT NULL DEFAULT '{}',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT devices_pkey PRIMARY KEY (id),
    CONSTRAINT devices_hardware_uuid_key UNIQUE (hardware_uuid),
    CONSTRAINT devices_device_type_id_fkey FOREIGN KEY (device_type_id)
        REFERENCES device_types (id) ON DELETE SET NULL,
    CONSTRAINT devices_owner_user_id_fkey FOREIGN KEY (owner_user_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT devices_owner_iam_user_id_fkey FOREIGN KEY (owner_iam_user_id)
        REFERENCES iam_users (id) ON DELETE SET NULL,
    CONSTRAINT devices_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT devices_os_platform_check
        CHECK (os_platform IN ('windows', 'macos', 'linux', 'ios', 'android', 'chromeos')),
    CONSTRAINT devices_enrollment_check CHECK (enrollment IN ('enrolled', 'pending', 'unenrolled')),
    CONSTRAINT devices_memory_mb_check CHECK (memory_mb >= 0),
    CONSTRAINT devices_primary_mac_check CHECK (primary_mac ~ '^([0-9a-f]{2}:){5}[0-9a-f]{2}$')
);
COMMENT ON TABLE devices IS 'Endpoint device management';
CREATE INDEX devices_device_type_id_idx ON devices (device_type_id);
CREATE INDEX devices_owner_user_id_idx ON devices (owner_user_id);
CREATE INDEX devices_owner_iam_user_id_idx ON devices (owner_iam_user_id);
CREATE INDEX devices_team_id_idx ON devices (team_id);
CREATE INDEX devices_hostname_idx ON devices (hostname);
CREATE INDEX devices_primary_ip_idx ON devices (primary_ip);
CREATE INDEX devices_primary_mac_idx ON devices (primary_mac);
CREATE INDEX devices_os_platform_idx ON devices (os_platform);
CREATE INDEX devices_enrollment_idx ON devices (enrollment);
CREATE INDEX devices_last_seen_at_idx ON devices (last_seen_at);
CREATE INDEX devices_created_at_idx ON devices (created_at);
CREATE INDEX devices_tags_idx ON devices USING gin (tags);

-- ---------------------------------------------------------------------------------------------
-- Status history: the latest row per device is its current status.
CREATE TABLE device_status (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    device_id      uuid        NOT NULL,
    reported_at    timestamptz NOT NULL DEFAULT now(),
    status         text        NOT NULL,
    compliance     text        NOT NULL DEFAULT 'unknown',
    checks         jsonb       NOT NULL DEFAULT '{}',
    agent_version  text,
    risk_score     smallint,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT device_status_pkey PRIMARY KEY (id),
    CONSTRAINT device_status_device_id_fkey FOREIGN KEY (device_id)
        REFERENCES devices (id) ON DELETE CASCADE,
    CONSTRAINT device_status_status_check
        CHECK (status IN ('online', 'offline', 'isolated', 'quarantined', 'decommissioned')),
    CONSTRAINT device_status_compliance_check
        CHECK (compliance IN ('compliant', 'non_compliant', 'unknown')),
    CONSTRAINT device_status_checks_check CHECK (jsonb_typeof(checks) = 'object'),
    CONSTRAINT device_status_risk_score_check CHECK (risk_score BETWEEN 0 AND 100)
);
COMMENT ON TABLE device_status IS 'Device status tracking';
-- "Current status of a device" (latest row); also the FK index.
CREATE INDEX device_status_device_id_reported_at_idx ON device_status (device_id, reported_at DESC);
CREATE INDEX device_status_reported_at_idx ON device_status (reported_at);
CREATE INDEX device_status_status_idx ON device_status (status);
CREATE INDEX device_status_compliance_idx ON device_status (compliance);

-- ---------------------------------------------------------------------------------------------
-- USBGuard-style ordered rules: the enabled policy with the lowest priority that matches wins;
-- when none matches, `default_target` applies.
CREATE TABLE device_policies (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    name              text        NOT NULL,
    description       text,
    priority          integer     NOT NULL DEFAULT 100,
    target            text        NOT NULL,
    access            text        NOT NULL DEFAULT 'full',
    device_type_id    uuid,
    vendor_product    text,
    serial            text,
    name_pattern      text,
    hash              text,
    via_port          text,
    with_interface    text[]      NOT NULL DEFAULT '{}',
    team_ids          uuid[]      NOT NULL DEFAULT '{}',
    device_ids        uuid[]      NOT NULL DEFAULT '{}',
    os_platforms      text[]      NOT NULL DEFAULT '{}',
    default_target    text        NOT NULL DEFAULT 'block',
    enabled           boolean     NOT NULL DEFAULT true,
    notify_user       boolean     NOT NULL DEFAULT false,
    created_by        uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT device_policies_pkey PRIMARY KEY (id),
    CONSTRAINT device_policies_name_key UNIQUE (name),
    CONSTRAINT device_policies_device_type_id_fkey FOREIGN KEY (device_type_id)
        REFERENCES device_types (id) ON DELETE SET NULL,
    CONSTRAINT device_policies_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT device_policies_target_check CHECK (target IN ('allow', 'block', 'reject')),
    CONSTRAINT device_policies_access_check CHECK (access IN ('full', 'read_only', 'no_execute')),
    CONSTRAINT device_policies_default_target_check CHECK (default_target IN ('allow', 'block')),
    CONSTRAINT device_policies_priority_check CHECK (priority >= 0),
    CONSTRAINT device_policies_os_platforms_check
        CHECK (os_platforms <@ ARRAY['windows', 'macos', 'linux', 'ios', 'android', 'chromeos']::text[])
);
COMMENT ON TABLE device_policies IS 'Device security policies';
CREATE INDEX device_policies_device_type_id_idx ON device_policies (device_type_id);
CREATE INDEX device_policies_created_by_idx ON device_policies (created_by);
-- Evaluation order of the active rule set.
CREATE INDEX device_policies_priority_idx ON device_policies (priority) WHERE enabled;
CREATE INDEX device_policies_team_ids_idx ON device_policies USING gin (team_ids);
CREATE INDEX device_policies_device_ids_idx ON device_policies USING gin (device_ids);

-- ---------------------------------------------------------------------------------------------
-- High-volume, append-only (partitioning by month comes later).
CREATE TABLE device_events (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    event_time     timestamptz NOT NULL,
    ingested_at    timestamptz NOT NULL DEFAULT now(),
    device_id      uuid        NOT NULL,
    event_type_id  uuid        NOT NULL,
    user_name      text,
    peripheral     jsonb,
    file           jsonb,
    process        text,
    policy_id      uuid,
    action         text,
    severity       text        NOT NULL DEFAULT 'info',
    raw            jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT device_events_pkey PRIMARY KEY (id),
    CONSTRAINT device_events_device_id_fkey FOREIGN KEY (device_id)
        REFERENCES devices (id) ON DELETE CASCADE,
    CONSTRAINT device_events_event_type_id_fkey FOREIGN KEY (event_type_id)
        REFERENCES event_types (id) ON DELETE RESTRICT,
    CONSTRAINT device_events_policy_id_fkey FOREIGN KEY (policy_id)
        REFERENCES device_policies (id) ON DELETE SET NULL,
    CONSTRAINT device_events_action_check
        CHECK (action IN ('allowed', 'blocked', 'rejected', 'logged')),
    CONSTRAINT device_events_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT device_events_peripheral_check CHECK (jsonb_typeof(peripheral) = 'object'),
    CONSTRAINT device_events_file_check CHECK (jsonb_typeof(file) = 'object')
);
COMMENT ON TABLE device_events IS 'Device security events';
CREATE INDEX device_events_event_time_idx ON device_events USING brin (event_time);
-- A device's timeline; also the FK index.
CREATE INDEX device_events_device_id_event_time_idx ON device_events (device_id, event_time);
CREATE INDEX device_events_event_type_id_idx ON device_events (event_type_id);
CREATE INDEX device_events_policy_id_idx ON device_events (policy_id);
CREATE INDEX device_events_severity_event_time_idx ON device_events (severity, event_time);
CREATE INDEX device_events_action_idx ON device_events (action);

-- ---------------------------------------------------------------------------------------------
-- Enforcement outcomes; a null policy means the rule set's default target applied.
CREATE TABLE policy_actions (
    id                      uuid        NOT NULL DEFAULT gen_random_uuid(),
    policy_id               uuid,
    device_id               uuid        NOT NULL,
    device_event_id         uuid,
    action                  text        NOT NULL,
    result                  text        NOT NULL DEFAULT 'applied',
    reason                  text,
    override_by             uuid,
    override_justification  text,
    acted_at                timestamptz NOT NULL DEFAULT now(),
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT policy_actions_pkey PRIMARY KEY (id),
    CONSTRAINT policy_actions_policy_id_fkey FOREIGN KEY (policy_id)
        REFERENCES device_policies (id) ON DELETE SET NULL,
    CONSTRAINT policy_actions_device_id_fkey FOREIGN KEY (device_id)
        REFERENCES devices (id) ON DELETE CASCADE,
    CONSTRAINT policy_actions_device_event_id_fkey FOREIGN KEY (device_event_id)
        REFERENCES device_events (id) ON DELETE SET NULL,
    CONSTRAINT policy_actions_override_by_fkey FOREIGN KEY (override_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT policy_actions_action_check
        CHECK (action IN ('allow', 'block', 'reject', 'read_only', 'log', 'notify', 'isolate_host')),
    CONSTRAINT policy_actions_result_check CHECK (result IN ('applied', 'failed', 'overridden'))
);
COMMENT ON TABLE policy_actions IS 'Policy enforcement actions';
CREATE INDEX policy_actions_policy_id_idx ON policy_actions (policy_id);
CREATE INDEX policy_actions_device_id_acted_at_idx ON policy_actions (device_id, acted_at);
CREATE INDEX policy_actions_device_event_id_idx ON policy_actions (device_event_id);
CREATE INDEX policy_actions_override_by_idx ON policy_actions (override_by);
CREATE INDEX policy_actions_acted_at_idx ON policy_actions (acted_at);
CREATE INDEX policy_actions_result_idx ON policy_actions (result);

-- ---------------------------------------------------------------------------------------------
-- Wazuh-like agents. Liveness (logic #11): `active` while the last keepalive is within the
-- window, `disconnected` after it; status changes also write device_status rows.
CREATE TABLE endpoint_agents (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    device_id          uuid        NOT NULL,
    agent_uid          text        NOT NULL,
    name               text        NOT NULL,
    version            text,
    ip                 inet,
    status             text        NOT NULL DEFAULT 'never_connected',
    groups             text[]      NOT NULL DEFAULT '{}',
    manager_node       text,
    last_keepalive_at  timestamptz,
    registered_at      timestamptz NOT NULL DEFAULT now(),
    config_sync        text        NOT NULL DEFAULT 'not_synced',
    modules            text[]      NOT NULL DEFAULT '{}',
    isolated           boolean     NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT endpoint_agents_pkey PRIMARY KEY (id),
    CONSTRAINT endpoint_agents_agent_uid_key UNIQUE (agent_uid),
    CONSTRAINT endpoint_agents_device_id_fkey FOREIGN KEY (device_id)
        REFERENCES devices (id) ON DELETE CASCADE,
    CONSTRAINT endpoint_agents_status_check
        CHECK (status IN ('active', 'disconnected', 'pending', 'never_connected')),
    CONSTRAINT endpoint_agents_config_sync_check CHECK (config_sync IN ('synced', 'not_synced'))
);
COMMENT ON TABLE endpoint_agents IS 'Endpoint security agent management';
CREATE INDEX endpoint_agents_device_id_idx ON endpoint_agents (device_id);
CREATE INDEX endpoint_agents_status_idx ON endpoint_agents (status);
-- Liveness sweep: active agents whose keepalive is older than the window.
CREATE INDEX endpoint_agents_last_keepalive_at_idx ON endpoint_agents (last_keepalive_at)
    WHERE status = 'active';
CREATE INDEX endpoint_agents_groups_idx ON endpoint_agents USING gin (groups);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE endpoint_threats (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    detected_at       timestamptz NOT NULL DEFAULT now(),
    agent_id          uuid,
    device_id         uuid        NOT NULL,
    rule_id           text,
    rule_level        smallint,
    rule_description  text,
    rule_groups       text[]      NOT NULL DEFAULT '{}',
    mitre_tactics     text[]      NOT NULL DEFAULT '{}',
    mitre_techniques  text[]      NOT NULL DEFAULT '{}',
    threat_type       text        NOT NULL,
    threat_name       text,
    file_path         text,
    sha256            text,
    process_name      text,
    process_pid       integer,
    command_line      text,
    parent_process    text,
    user_name         text,
    severity          text        NOT NULL,
    confidence        smallint,
    action_taken      text        NOT NULL DEFAULT 'detected',
    status            text        NOT NULL DEFAULT 'new',
    -- References incidents (incidents crate, earlier in the migration order).
    incident_id       uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT endpoint_threats_pkey PRIMARY KEY (id),
    CONSTRAINT endpoint_threats_agent_id_fkey FOREIGN KEY (agent_id)
        REFERENCES endpoint_agents (id) ON DELETE SET NULL,
    CONSTRAINT endpoint_threats_device_id_fkey FOREIGN KEY (device_id)
        REFERENCES devices (id) ON DELETE CASCADE,
    CONSTRAINT endpoint_threats_incident_id_fkey FOREIGN KEY (incident_id)
        REFERENCES incidents (id) ON DELETE SET NULL,
    CONSTRAINT endpoint_threats_rule_level_check CHECK (rule_level BETWEEN 0 AND 15),
    CONSTRAINT endpoint_threats_threat_type_check
        CHECK (threat_type IN ('malware', 'ransomware', 'pup', 'exploit', 'suspicious_behavior',
                               'credential_access', 'lateral_movement', 'persistence', 'rootkit')),
    CONSTRAINT endpoint_threats_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT endpoint_threats_process_pid_check CHECK (process_pid >= 0),
    CONSTRAINT endpoint_threats_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT endpoint_threats_confidence_check CHECK (confidence BETWEEN 0 AND 100),
    CONSTRAINT endpoint_threats_action_taken_check
        CHECK (action_taken IN ('detected', 'blocked', 'quarantined', 'killed', 'remediated', 'none')),
    CONSTRAINT endpoint_threats_status_check
        CHECK (status IN ('new', 'investigating', 'contained', 'resolved', 'false_positive'))
);
COMMENT ON TABLE endpoint_threats IS 'Endpoint threat detection';
CREATE INDEX endpoint_threats_agent_id_idx ON endpoint_threats (agent_id);
CREATE INDEX endpoint_threats_device_id_status_idx ON endpoint_threats (device_id, status);
CREATE INDEX endpoint_threats_incident_id_idx ON endpoint_threats (incident_id);
-- Triage queue.
CREATE INDEX endpoint_threats_status_severity_idx ON endpoint_threats (status, severity);
CREATE INDEX endpoint_threats_detected_at_idx ON endpoint_threats (detected_at);
CREATE INDEX endpoint_threats_threat_type_idx ON endpoint_threats (threat_type);
CREATE INDEX endpoint_threats_sha256_idx ON endpoint_threats (sha256);
CREATE INDEX endpoint_threats_mitre_techniques_idx ON endpoint_threats USING gin (mitre_techniques);

-- ---------------------------------------------------------------------------------------------
-- Foreign keys of an earlier domain (data_security) into devices: that domain runs before this
-- one, so the constraints are added here (its columns are already indexed).
ALTER TABLE encrypted_assets ADD CONSTRAINT encrypted_assets_device_id_fkey
    FOREIGN KEY (device_id) REFERENCES devices (id) ON DELETE SET NULL;
ALTER TABLE dlp_incidents ADD CONSTRAINT dlp_incidents_device_id_fkey
    FOREIGN KEY (device_id) REFERENCES devices (id) ON DELETE SET NULL;
