-- rasp: OpenRASP agents, detection algorithms (rules), attacks, runtime vulnerabilities,
-- virtual patches, agent telemetry, alerts and notification integrations.
-- Columns: docs domain-model.md §4. Enums are text + CHECK; every foreign key is indexed.
-- Cross-domain foreign keys declared here (rasp runs after both targets' domains):
-- rasp_alerts.incident_id → incidents (incidents crate), rasp_integrations.key_id →
-- encryption_keys (data_security crate).

-- ---------------------------------------------------------------------------------------------
-- Liveness (logic #11): online iff now() − last_heartbeat_at ≤ heartbeat_interval_s + 180 s.
-- status caches that verdict (set on heartbeat, cleared by the liveness sweep).
CREATE TABLE rasp_agents (
    id                    uuid        NOT NULL DEFAULT gen_random_uuid(),
    rasp_id               text        NOT NULL,
    app_id                uuid        NOT NULL,
    version               text        NOT NULL,
    hostname              text        NOT NULL,
    register_ip           inet,
    language              text        NOT NULL,
    language_version      text,
    server_type           text,
    server_version        text,
    rasp_home             text,
    plugin_version        text,
    host_type             text        NOT NULL DEFAULT 'bare',
    heartbeat_interval_s  integer     NOT NULL DEFAULT 180,
    last_heartbeat_at     timestamptz,
    registered_at         timestamptz NOT NULL DEFAULT now(),
    mode                  text        NOT NULL DEFAULT 'monitor',
    environ               jsonb       NOT NULL DEFAULT '{}',
    status                text        NOT NULL DEFAULT 'offline',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rasp_agents_pkey PRIMARY KEY (id),
    CONSTRAINT rasp_agents_rasp_id_key UNIQUE (rasp_id),
    CONSTRAINT rasp_agents_app_id_fkey FOREIGN KEY (app_id)
        REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT rasp_agents_language_check
        CHECK (language IN ('java', 'php', 'python', 'nodejs', 'dotnet', 'go')),
    CONSTRAINT rasp_agents_host_type_check
        CHECK (host_type IN ('bare', 'docker', 'kubernetes')),
    CONSTRAINT rasp_agents_mode_check CHECK (mode IN ('block', 'monitor', 'disabled')),
    CONSTRAINT rasp_agents_status_check CHECK (status IN ('online', 'offline')),
    CONSTRAINT rasp_agents_heartbeat_interval_s_check CHECK (heartbeat_interval_s > 0),
    CONSTRAINT rasp_agents_environ_check CHECK (jsonb_typeof(environ) = 'object')
);
COMMENT ON TABLE rasp_agents IS 'RASP agent deployments';
CREATE INDEX rasp_agents_app_id_idx ON rasp_agents (app_id);
CREATE INDEX rasp_agents_status_idx ON rasp_agents (status);
-- Liveness sweep and "last seen" ordering.
CREATE INDEX rasp_agents_last_heartbeat_at_idx ON rasp_agents (last_heartbeat_at);
CREATE INDEX rasp_agents_hostname_idx ON rasp_agents (hostname);
CREATE INDEX rasp_agents_created_at_idx ON rasp_agents (created_at);

-- ---------------------------------------------------------------------------------------------
-- One row per OpenRASP detection algorithm (algorithmConfig key); scope_app_id null = global
-- default, else an application's override of the same key.
CREATE TABLE rasp_rules (
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    key             text        NOT NULL,
    attack_type     text        NOT NULL,
    name            text        NOT NULL,
    action          text        NOT NULL DEFAULT 'log',
    enabled         boolean     NOT NULL DEFAULT true,
    min_confidence  smallint    NOT NULL DEFAULT 0,
    options         jsonb       NOT NULL DEFAULT '{}',
    scope_app_id    uuid,
    version         integer     NOT NULL DEFAULT 1,
    updated_by      uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rasp_rules_pkey PRIMARY KEY (id),
    -- One global row per key (NULLS NOT DISTINCT) and at most one override per application.
    CONSTRAINT rasp_rules_key_scope_app_id_key UNIQUE NULLS NOT DISTINCT (key, scope_app_id),
    CONSTRAINT rasp_rules_scope_app_id_fkey FOREIGN KEY (scope_app_id)
        REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT rasp_rules_updated_by_fkey FOREIGN KEY (updated_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT rasp_rules_attack_type_check
        CHECK (attack_type IN ('sql', 'sql_exception', 'command', 'xxe', 'directory', 'rename',
                               'readFile', 'include', 'writeFile', 'ssrf', 'ognl', 'webdav',
                               'fileUpload', 'deserialization', 'xss_echo', 'xss_userinput',
                               'webshell_callable', 'webshell_eval', 'webshell_command',
                               'webshell_file_put_contents', 'webshell_ld_preload')),
    CONSTRAINT rasp_rules_action_check CHECK (action IN ('block', 'log', 'ignore')),
    CONSTRAINT rasp_rules_min_confidence_check CHECK (min_confidence BETWEEN 0 AND 100),
    CONSTRAINT rasp_rules_version_check CHECK (version >= 1),
    CONSTRAINT rasp_rules_options_check CHECK (jsonb_typeof(options) = 'object')
);
COMMENT ON TABLE rasp_rules IS 'RASP security rules';
CREATE INDEX rasp_rules_scope_app_id_idx ON rasp_rules (scope_app_id);
CREATE INDEX rasp_rules_updated_by_idx ON rasp_rules (updated_by);
CREATE INDEX rasp_rules_attack_type_idx ON rasp_rules (attack_type);

-- ---------------------------------------------------------------------------------------------
-- Confirmed runtime weaknesses, aggregated from attacks on the same sink
-- (app, attack type, path pattern, parameter, stack signature).
CREATE TABLE rasp_vulnerabilities (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    app_id            uuid        NOT NULL,
    attack_type       text        NOT NULL,
    path_pattern      text        NOT NULL,
    parameter         text,
    stack_md5         text,
    cwe_id            integer,
    severity          text        NOT NULL,
    title             text        NOT NULL,
    description       text,
    status            text        NOT NULL DEFAULT 'open',
    hit_count         integer     NOT NULL DEFAULT 0,
    blocked_count     integer     NOT NULL DEFAULT 0,
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at      timestamptz NOT NULL DEFAULT now(),
    project_issue_id  uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rasp_vulnerabilities_pkey PRIMARY KEY (id),
    CONSTRAINT rasp_vulnerabilities_app_id_fkey FOREIGN KEY (app_id)
        REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT rasp_vulnerabilities_project_issue_id_fkey FOREIGN KEY (project_issue_id)
        REFERENCES project_issues (id) ON DELETE SET NULL,
    CONSTRAINT rasp_vulnerabilities_attack_type_check
        CHECK (attack_type IN ('sql', 'sql_exception', 'command', 'xxe', 'directory', 'rename',
                               'readFile', 'include', 'writeFile', 'ssrf', 'ognl', 'webdav',
                               'fileUpload', 'deserialization', 'xss_echo', 'xss_userinput',
                               'webshell_callable', 'webshell_eval', 'webshell_command',
                               'webshell_file_put_contents', 'webshell_ld_preload')),
    CONSTRAINT rasp_vulnerabilities_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT rasp_vulnerabilities_status_check
        CHECK (status IN ('open', 'confirmed', 'patched_virtually', 'fixed', 'ignored')),
    CONSTRAINT rasp_vulnerabilities_stack_md5_check CHECK (stack_md5 ~ '^[0-9a-f]{32}$'),
    CONSTRAINT rasp_vulnerabilities_cwe_id_check CHECK (cwe_id >= 0),
    CONSTRAINT rasp_vulnerabilities_hit_count_check CHECK (hit_count >= 0),
    CONSTRAINT rasp_vulnerabilities_blocked_count_check
        CHECK (blocked_count >= 0 AND blocked_count <= hit_count),
    CONSTRAINT rasp_vulnerabilities_last_seen_at_check CHECK (last_seen_at >= first_seen_at)
);
COMMENT ON TABLE rasp_vulnerabilities IS 'Runtime vulnerabilities';
-- Aggregation lookups (app, attack type, …); also the app_id FK index.
CREATE INDEX rasp_vulnerabilities_app_id_attack_type_idx
    ON rasp_vulnerabilities (app_id, attack_type);
CREATE INDEX rasp_vulnerabilities_project_issue_id_idx ON rasp_vulnerabilities (project_issue_id);
CREATE INDEX rasp_vulnerabilities_stack_md5_idx ON rasp_vulnerabilities (stack_md5);
CREATE INDEX rasp_vulnerabilities_status_idx ON rasp_vulnerabilities (status);
CREATE INDEX rasp_vulnerabilities_severity_idx ON rasp_vulnerabilities (severity);
CREATE INDEX rasp_vulnerabilities_last_seen_at_idx ON rasp_vulnerabilities (last_seen_at);
CREATE INDEX rasp_vulnerabilities_created_at_idx ON rasp_vulnerabilities (created_at);

-- ---------------------------------------------------------------------------------------------
-- app_id null = applies to every protected application.
CREATE TABLE rasp_virtual_patches (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    name              text        NOT NULL,
    app_id            uuid,
    vulnerability_id  uuid,
    cve_id            text,
    match             jsonb       NOT NULL,
    action            text        NOT NULL DEFAULT 'block',
    status            text        NOT NULL DEFAULT 'draft',
    expires_at        timestamptz,
    hit_count         integer     NOT NULL DEFAULT 0,
    last_hit_at       timestamptz,
    approved_by       uuid,
    approved_at       timestamptz,
    created_by        uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rasp_virtual_patches_pkey PRIMARY KEY (id),
    CONSTRAINT rasp_virtual_patches_app_id_fkey FOREIGN KEY (app_id)
        REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT rasp_virtual_patches_vulnerability_id_fkey FOREIGN KEY (vulnerability_id)
        REFERENCES rasp_vulnerabilities (id) ON DELETE SET NULL,
    CONSTRAINT rasp_virtual_patches_approved_by_fkey FOREIGN KEY (approved_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT rasp_virtual_patches_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT rasp_virtual_patches_action_check CHECK (action IN ('block', 'log')),
    CONSTRAINT rasp_virtual_patches_status_check
        CHECK (status IN ('draft', 'active', 'disabled', 'expired')),
    CONSTRAINT rasp_virtual_patches_cve_id_check CHECK (cve_id ~ '^CVE-[0-9]{4}-[0-9]{4,}$'),
    CONSTRAINT rasp_virtual_patches_match_check CHECK (jsonb_typeof(match) = 'object'),
    CONSTRAINT rasp_virtual_patches_hit_count_check CHECK (hit_count >= 0)
);
COMMENT ON TABLE rasp_virtual_patches IS 'Virtual patch implementations';
CREATE INDEX rasp_virtual_patches_app_id_idx ON rasp_virtual_patches (app_id);
CREATE INDEX rasp_virtual_patches_vulnerability_id_idx ON rasp_virtual_patches (vulnerability_id);
CREATE INDEX rasp_virtual_patches_approved_by_idx ON rasp_virtual_patches (approved_by);
CREATE INDEX rasp_virtual_patches_created_by_idx ON rasp_virtual_patches (created_by);
CREATE INDEX rasp_virtual_patches_status_idx ON rasp_virtual_patches (status);
CREATE INDEX rasp_virtual_patches_cve_id_idx ON rasp_virtual_patches (cve_id);
-- Expiry sweep over the active patches only.
CREATE INDEX rasp_virtual_patches_expires_at_idx ON rasp_virtual_patches (expires_at)
    WHERE status = 'active';

-- ---------------------------------------------------------------------------------------------
-- Notification unit grouping attacks. One open (new / acknowledged) alert per dedupe_key.
CREATE TABLE rasp_alerts (
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    app_id          uuid        NOT NULL,
    title           text        NOT NULL,
    severity        text        NOT NULL,
    attack_type     text        NOT NULL,
    attack_count    integer     NOT NULL DEFAULT 0,
    first_event_at  timestamptz NOT NULL,
    last_event_at   timestamptz NOT NULL,
    status          text        NOT NULL DEFAULT 'new',
    channels        text[]      NOT NULL DEFAULT '{}',
    notified_at     timestamptz,
    resolved_at     timestamptz,
    -- References incidents (incidents crate): plain column in the entity, FK here.
    incident_id     uuid,
    dedupe_key      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rasp_alerts_pkey PRIMARY KEY (id),
    CONSTRAINT rasp_alerts_app_id_fkey FOREIGN KEY (app_id)
        REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT rasp_alerts_incident_id_fkey FOREIGN KEY (incident_id)
        REFERENCES incidents (id) ON DELETE SET NULL,
    CONSTRAINT rasp_alerts_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT rasp_alerts_attack_type_check
        CHECK (attack_type IN ('sql', 'sql_exception', 'command', 'xxe', 'directory', 'rename',
                               'readFile', 'include', 'writeFile', 'ssrf', 'ognl', 'webdav',
                               'fileUpload', 'deserialization', 'xss_echo', 'xss_userinput',
                               'webshell_callable', 'webshell_eval', 'webshell_command',
                               'webshell_file_put_contents', 'webshell_ld_preload')),
    CONSTRAINT rasp_alerts_status_check
        CHECK (status IN ('new', 'acknowledged', 'resolved', 'suppressed')),
    CONSTRAINT rasp_alerts_attack_count_check CHECK (attack_count >= 0),
    CONSTRAINT rasp_alerts_last_event_at_check CHECK (last_event_at >= first_event_at)
);
COMMENT ON TABLE rasp_alerts IS 'Security alerts';
CREATE INDEX rasp_alerts_app_id_idx ON rasp_alerts (app_id);
CREATE INDEX rasp_alerts_incident_id_idx ON rasp_alerts (incident_id);
-- The alert queue.
CREATE INDEX rasp_alerts_status_severity_idx ON rasp_alerts (status, severity);
CREATE INDEX rasp_alerts_severity_idx ON rasp_alerts (severity);
CREATE INDEX rasp_alerts_attack_type_idx ON rasp_alerts (attack_type);
CREATE INDEX rasp_alerts_last_event_at_idx ON rasp_alerts (last_event_at);
CREATE INDEX rasp_alerts_created_at_idx ON rasp_alerts (created_at);
-- Grouping: new attacks join the open alert with the same dedupe_key.
CREATE UNIQUE INDEX rasp_alerts_dedupe_key_open_idx ON rasp_alerts (dedupe_key)
    WHERE status IN ('new', 'acknowledged');

-- ---------------------------------------------------------------------------------------------
-- One detected attack (OpenRASP attack alarm). Append-mostly, high volume.
CREATE TABLE rasp_attacks (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    event_time         timestamptz NOT NULL,
    agent_id           uuid        NOT NULL,
    request_id         text,
    rule_id            uuid,
    virtual_patch_id   uuid,
    attack_type        text        NOT NULL,
    intercept_state    text        NOT NULL,
    plugin_name        text,
    plugin_algorithm   text,
    plugin_message     text,
    plugin_confidence  smallint,
    attack_source      inet,
    client_ip          inet,
    attack_location    jsonb,
    target             text,
    server_ip          inet,
    url                text,
    path               text,
    request_method     text,
    attack_params      jsonb       NOT NULL DEFAULT '{}',
    stack_trace        text,
    stack_md5          text,
    user_agent         text,
    referer            text,
    headers            jsonb       NOT NULL DEFAULT '{}',
    severity           text        NOT NULL,
    vulnerability_id   uuid,
    alert_id           uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rasp_attacks_pkey PRIMARY KEY (id),
    CONSTRAINT rasp_attacks_agent_id_fkey FOREIGN KEY (agent_id)
        REFERENCES rasp_agents (id) ON DELETE CASCADE,
    CONSTRAINT rasp_attacks_rule_id_fkey FOREIGN KEY (rule_id)
        REFERENCES rasp_rules (id) ON DELETE SET NULL,
    CONSTRAINT rasp_attacks_virtual_patch_id_fkey FOREIGN KEY (virtual_patch_id)
        REFERENCES rasp_virtual_patches (id) ON DELETE SET NULL,
    CONSTRAINT rasp_attacks_vulnerability_id_fkey FOREIGN KEY (vulnerability_id)
        REFERENCES rasp_vulnerabilities (id) ON DELETE SET NULL,
    CONSTRAINT rasp_attacks_alert_id_fkey FOREIGN KEY (alert_id)
        REFERENCES rasp_alerts (id) ON DELETE SET NULL,
    CONSTRAINT rasp_attacks_attack_type_check
        CHECK (attack_type IN ('sql', 'sql_exception', 'command', 'xxe', 'directory', 'rename',
                               'readFile', 'include', 'writeFile', 'ssrf', 'ognl', 'webdav',
                               'fileUpload', 'deserialization', 'xss_echo', 'xss_userinput',
                               'webshell_callable', 'webshell_eval', 'webshell_command',
                               'webshell_file_put_contents', 'webshell_ld_preload')),
    CONSTRAINT rasp_attacks_intercept_state_check
        CHECK (intercept_state IN ('block', 'log', 'ignore')),
    CONSTRAINT rasp_attacks_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT rasp_attacks_plugin_confidence_check CHECK (plugin_confidence BETWEEN 0 AND 100),
    CONSTRAINT rasp_attacks_stack_md5_check CHECK (stack_md5 ~ '^[0-9a-f]{32}$'),
    CONSTRAINT rasp_attacks_attack_params_check CHECK (jsonb_typeof(attack_params) = 'object'),
    CONSTRAINT rasp_attacks_headers_check CHECK (jsonb_typeof(headers) = 'object')
);
COMMENT ON TABLE rasp_attacks IS 'Attack attempts detected';
-- An agent's attack timeline; also the agent_id FK index.
CREATE INDEX rasp_attacks_agent_id_event_time_idx ON rasp_attacks (agent_id, event_time);
CREATE INDEX rasp_attacks_rule_id_idx ON rasp_attacks (rule_id);
CREATE INDEX rasp_attacks_virtual_patch_id_idx ON rasp_attacks (virtual_patch_id);
CREATE INDEX rasp_attacks_vulnerability_id_idx ON rasp_attacks (vulnerability_id);
CREATE INDEX rasp_attacks_alert_id_idx ON rasp_attacks (alert_id);
-- High-volume: BRIN on the event time for range scans, btree for "latest first" and filters.
CREATE INDEX rasp_attacks_event_time_brin_idx ON rasp_attacks USING brin (event_time);
CREATE INDEX rasp_attacks_event_time_idx ON rasp_attacks (event_time);
CREATE INDEX rasp_attacks_attack_type_event_time_idx ON rasp_attacks (attack_type, event_time);
CREATE INDEX rasp_attacks_severity_idx ON rasp_attacks (severity);
CREATE INDEX rasp_attacks_intercept_state_idx ON rasp_attacks (intercept_state);
CREATE INDEX rasp_attacks_attack_source_idx ON rasp_attacks (attack_source);
CREATE INDEX rasp_attacks_stack_md5_idx ON rasp_attacks (stack_md5);
CREATE INDEX rasp_attacks_request_id_idx ON rasp_attacks (request_id);

-- ---------------------------------------------------------------------------------------------
-- Time series per agent (OpenRASP heartbeat / statistics). Append-only, high volume.
CREATE TABLE rasp_telemetry (
    id               uuid         NOT NULL DEFAULT gen_random_uuid(),
    agent_id         uuid         NOT NULL,
    reported_at      timestamptz  NOT NULL,
    ingested_at      timestamptz  NOT NULL DEFAULT now(),
    cpu_pct          numeric(6,2),
    memory_mb        integer,
    requests_total   bigint       NOT NULL DEFAULT 0,
    requests_per_s   numeric(12,2),
    hook_calls       jsonb        NOT NULL DEFAULT '{}',
    avg_overhead_us  integer,
    alarms_dropped   integer      NOT NULL DEFAULT 0,
    plugin_errors    integer      NOT NULL DEFAULT 0,
    policy_alarms    integer      NOT NULL DEFAULT 0,
    crash            boolean      NOT NULL DEFAULT false,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT rasp_telemetry_pkey PRIMARY KEY (id),
    -- Idempotent ingestion (one sample per agent and instant); also the agent_id FK index.
    CONSTRAINT rasp_telemetry_agent_id_reported_at_key UNIQUE (agent_id, reported_at),
    CONSTRAINT rasp_telemetry_agent_id_fkey FOREIGN KEY (agent_id)
        REFERENCES rasp_agents (id) ON DELETE CASCADE,
    -- Per process: may exceed 100 on several cores.
    CONSTRAINT rasp_telemetry_cpu_pct_check CHECK (cpu_pct >= 0),
    CONSTRAINT rasp_telemetry_memory_mb_check CHECK (memory_mb >= 0),
    CONSTRAINT rasp_telemetry_requests_total_check CHECK (requests_total >= 0),
    CONSTRAINT rasp_telemetry_requests_per_s_check CHECK (requests_per_s >= 0),
    CONSTRAINT rasp_telemetry_avg_overhead_us_check CHECK (avg_overhead_us >= 0),
    CONSTRAINT rasp_telemetry_counts_check
        CHECK (alarms_dropped >= 0 AND plugin_errors >= 0 AND policy_alarms >= 0),
    CONSTRAINT rasp_telemetry_hook_calls_check CHECK (jsonb_typeof(hook_calls) = 'object')
);
COMMENT ON TABLE rasp_telemetry IS 'Runtime telemetry data';
CREATE INDEX rasp_telemetry_reported_at_idx ON rasp_telemetry USING brin (reported_at);
-- Crash reports are rare: keep them one index scan away.
CREATE INDEX rasp_telemetry_crash_idx ON rasp_telemetry (reported_at) WHERE crash;

-- ---------------------------------------------------------------------------------------------
-- Where alerts and attacks are forwarded. Credentials: a vault path (secret_ref) or ciphertext
-- (credentials_encrypted) with its key (key_id → encryption_keys, data_security crate).
CREATE TABLE rasp_integrations (
    id                     uuid        NOT NULL DEFAULT gen_random_uuid(),
    name                   text        NOT NULL,
    type                   text        NOT NULL,
    endpoint               text        NOT NULL,
    config                 jsonb       NOT NULL DEFAULT '{}',
    secret_ref             text,
    credentials_encrypted  bytea,
    key_id                 uuid,
    event_filter           jsonb       NOT NULL DEFAULT '{}',
    enabled                boolean     NOT NULL DEFAULT true,
    status                 text        NOT NULL DEFAULT 'healthy',
    last_success_at        timestamptz,
    last_error             text,
    team_id                uuid,
    created_by             uuid,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT rasp_integrations_pkey PRIMARY KEY (id),
    -- Also the index of rasp_integrations_team_id_fkey (team_id leads).
    CONSTRAINT rasp_integrations_team_id_name_key UNIQUE NULLS NOT DISTINCT (team_id, name),
    CONSTRAINT rasp_integrations_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT rasp_integrations_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT rasp_integrations_key_id_fkey FOREIGN KEY (key_id)
        REFERENCES encryption_keys (id) ON DELETE SET NULL,
    CONSTRAINT rasp_integrations_type_check
        CHECK (type IN ('webhook', 'syslog', 'kafka', 'email', 'siem', 'ticketing')),
    CONSTRAINT rasp_integrations_status_check
        CHECK (status IN ('healthy', 'failing', 'disabled')),
    CONSTRAINT rasp_integrations_config_check CHECK (jsonb_typeof(config) = 'object'),
    CONSTRAINT rasp_integrations_event_filter_check
        CHECK (jsonb_typeof(event_filter) = 'object')
);
COMMENT ON TABLE rasp_integrations IS 'RASP integrations';
CREATE INDEX rasp_integrations_created_by_idx ON rasp_integrations (created_by);
CREATE INDEX rasp_integrations_key_id_idx ON rasp_integrations (key_id);
CREATE INDEX rasp_integrations_type_idx ON rasp_integrations (type);
CREATE INDEX rasp_integrations_status_idx ON rasp_integrations (status);
