-- data_security: key management, encryption coverage, DLP, sensitive-data discovery, database
-- security (connections, pgAudit-shaped audit logs, just-in-time access, vulnerabilities),
-- masking, tokenization, compliance status and reports.
-- Columns: docs domain-model.md §7. Enums are text + CHECK; every foreign key is indexed.
-- Depends on iam (users, teams, iam_users), projects (project_issues), incidents (incidents)
-- and compliance (compliance_frameworks), whose migrations run before this one.
-- Rows about a database carry its identity: db_engine, db_host, db_port, db_name and an
-- optional asset_id → cloud_assets; asset_id / device_id reference tables of the cloud and
-- endpoint domains, which run later and add those foreign keys in their own migrations.
-- This migration also adds the foreign keys of earlier domains into encryption_keys
-- (mfa_devices.key_id, external_integrations.key_id) at the end.

-- ---------------------------------------------------------------------------------------------
CREATE TABLE encryption_keys (
    id                      uuid        NOT NULL DEFAULT gen_random_uuid(),
    alias                   text        NOT NULL,
    provider                text        NOT NULL,
    key_ref                 text,
    key_type                text        NOT NULL,
    key_usage               text        NOT NULL DEFAULT 'ENCRYPT_DECRYPT',
    state                   text        NOT NULL DEFAULT 'Enabled',
    origin                  text        NOT NULL DEFAULT 'provider',
    current_version         integer     NOT NULL DEFAULT 1,
    min_decryption_version  integer     NOT NULL DEFAULT 1,
    rotation_enabled        boolean     NOT NULL DEFAULT false,
    rotation_period_days    integer,
    last_rotated_at         timestamptz,
    next_rotation_at        timestamptz,
    deletion_scheduled_at   timestamptz,
    exportable              boolean     NOT NULL DEFAULT false,
    multi_region            boolean     NOT NULL DEFAULT false,
    owner_team_id           uuid,
    created_by              uuid,
    purpose                 text,
    key_material_encrypted  bytea,
    key_id                  uuid,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT encryption_keys_pkey PRIMARY KEY (id),
    CONSTRAINT encryption_keys_alias_key UNIQUE (alias),
    -- One row per provider key (ARN, Key Vault id, Vault path).
    CONSTRAINT encryption_keys_provider_key_ref_key UNIQUE (provider, key_ref),
    CONSTRAINT encryption_keys_owner_team_id_fkey FOREIGN KEY (owner_team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT encryption_keys_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT encryption_keys_key_id_fkey FOREIGN KEY (key_id)
        REFERENCES encryption_keys (id) ON DELETE SET NULL,
    CONSTRAINT encryption_keys_provider_check
        CHECK (provider IN ('aws_kms', 'azure_key_vault', 'gcp_kms', 'vault_transit', 'hsm', 'local')),
    CONSTRAINT encryption_keys_key_type_check
        CHECK (key_type IN ('aes256-gcm96', 'aes128-gcm96', 'chacha20-poly1305', 'rsa-2048',
                            'rsa-3072', 'rsa-4096', 'ecdsa-p256', 'ecdsa-p384', 'ecdsa-p521',
                            'ed25519', 'hmac')),
    CONSTRAINT encryption_keys_key_usage_check
        CHECK (key_usage IN ('ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT')),
    CONSTRAINT encryption_keys_state_check
        CHECK (state IN ('Creating', 'Enabled', 'Disabled', 'PendingDeletion', 'PendingImport',
                         'Unavailable', 'Updating')),
    CONSTRAINT encryption_keys_origin_check CHECK (origin IN ('provider', 'external', 'hsm')),
    CONSTRAINT encryption_keys_current_version_check CHECK (current_version >= 1),
    CONSTRAINT encryption_keys_min_decryption_version_check
        CHECK (min_decryption_version BETWEEN 1 AND current_version),
    CONSTRAINT encryption_keys_rotation_period_days_check CHECK (rotation_period_days > 0),
    CONSTRAINT encryption_keys_key_id_check CHECK (key_id <> id)
);
COMMENT ON TABLE encryption_keys IS 'Encryption key management';
CREATE INDEX encryption_keys_owner_team_id_idx ON encryption_keys (owner_team_id);
CREATE INDEX encryption_keys_created_by_idx ON encryption_keys (created_by);
CREATE INDEX encryption_keys_key_id_idx ON encryption_keys (key_id);
CREATE INDEX encryption_keys_state_idx ON encryption_keys (state);
-- The rotation job: keys due for rotation.
CREATE INDEX encryption_keys_next_rotation_at_idx ON encryption_keys (next_rotation_at)
    WHERE rotation_enabled;

-- ---------------------------------------------------------------------------------------------
CREATE TABLE encrypted_assets (
    id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id              uuid,
    asset_type           text        NOT NULL,
    -- References cloud_assets (cloud crate), whose migration adds encrypted_assets_asset_id_fkey.
    asset_id             uuid,
    -- References devices (endpoint crate), whose migration adds encrypted_assets_device_id_fkey.
    device_id            uuid,
    location             text,
    at_rest              text        NOT NULL DEFAULT 'unknown',
    in_transit           text        NOT NULL DEFAULT 'unknown',
    algorithm            text,
    key_id               uuid,
    key_version          integer,
    verified_at          timestamptz,
    data_classification  text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT encrypted_assets_pkey PRIMARY KEY (id),
    CONSTRAINT encrypted_assets_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT encrypted_assets_key_id_fkey FOREIGN KEY (key_id)
        REFERENCES encryption_keys (id) ON DELETE SET NULL,
    CONSTRAINT encrypted_assets_asset_type_check
        CHECK (asset_type IN ('cloud_asset', 'database', 'volume', 'bucket', 'file_share',
                              'backup', 'endpoint_disk')),
    CONSTRAINT encrypted_assets_at_rest_check
        CHECK (at_rest IN ('encrypted', 'unencrypted', 'partial', 'unknown')),
    CONSTRAINT encrypted_assets_in_transit_check
        CHECK (in_transit IN ('tls12_plus', 'tls_legacy', 'none', 'unknown')),
    CONSTRAINT encrypted_assets_data_classification_check
        CHECK (data_classification IN ('public', 'internal', 'confidential', 'restricted')),
    CONSTRAINT encrypted_assets_key_version_check CHECK (key_version >= 1)
);
COMMENT ON TABLE encrypted_assets IS 'Encrypted data assets';
CREATE INDEX encrypted_assets_team_id_idx ON encrypted_assets (team_id);
CREATE INDEX encrypted_assets_asset_id_idx ON encrypted_assets (asset_id);
CREATE INDEX encrypted_assets_device_id_idx ON encrypted_assets (device_id);
CREATE INDEX encrypted_assets_key_id_idx ON encrypted_assets (key_id);
-- Coverage dashboards: assets by type and state.
CREATE INDEX encrypted_assets_asset_type_at_rest_idx ON encrypted_assets (asset_type, at_rest);
CREATE INDEX encrypted_assets_at_rest_idx ON encrypted_assets (at_rest);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE database_encryption (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id            uuid,
    db_engine          text        NOT NULL,
    db_host            text        NOT NULL,
    db_port            integer,
    db_name            text,
    -- References cloud_assets (cloud crate), whose migration adds the foreign key.
    asset_id           uuid,
    tde_enabled        boolean     NOT NULL DEFAULT false,
    tde_algorithm      text,
    key_id             uuid,
    column_encryption  jsonb       NOT NULL DEFAULT '[]',
    tls_required       boolean     NOT NULL DEFAULT false,
    min_tls_version    text,
    ssl_mode           text,
    backups_encrypted  boolean     NOT NULL DEFAULT false,
    status             text        NOT NULL DEFAULT 'unknown',
    checked_at         timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT database_encryption_pkey PRIMARY KEY (id),
    -- One row per database (a missing port or name counts as a value).
    CONSTRAINT database_encryption_db_engine_db_host_db_port_db_name_key
        UNIQUE NULLS NOT DISTINCT (db_engine, db_host, db_port, db_name),
    CONSTRAINT database_encryption_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT database_encryption_key_id_fkey FOREIGN KEY (key_id)
        REFERENCES encryption_keys (id) ON DELETE SET NULL,
    CONSTRAINT database_encryption_db_engine_check
        CHECK (db_engine IN ('postgresql', 'mysql', 'mariadb', 'mssql', 'oracle', 'mongodb', 'redis', 'other')),
    CONSTRAINT database_encryption_ssl_mode_check
        CHECK (ssl_mode IN ('disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full')),
    CONSTRAINT database_encryption_status_check
        CHECK (status IN ('compliant', 'non_compliant', 'unknown')),
    CONSTRAINT database_encryption_db_port_check CHECK (db_port BETWEEN 1 AND 65535),
    CONSTRAINT database_encryption_column_encryption_check
        CHECK (jsonb_typeof(column_encryption) = 'array')
);
COMMENT ON TABLE database_encryption IS 'Database encryption status';
CREATE INDEX database_encryption_team_id_idx ON database_encryption (team_id);
CREATE INDEX database_encryption_asset_id_idx ON database_encryption (asset_id);
CREATE INDEX database_encryption_key_id_idx ON database_encryption (key_id);
CREATE INDEX database_encryption_status_idx ON database_encryption (status);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE dlp_policies (
    id           uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id      uuid,
    created_by   uuid,
    name         text        NOT NULL,
    description  text,
    channels     text[]      NOT NULL DEFAULT '{}',
    info_types   jsonb       NOT NULL DEFAULT '[]',
    conditions   jsonb       NOT NULL DEFAULT '{}',
    actions      text[]      NOT NULL DEFAULT '{}',
    severity     text        NOT NULL DEFAULT 'medium',
    mode         text        NOT NULL DEFAULT 'monitor',
    priority     integer     NOT NULL DEFAULT 100,
    exceptions   jsonb       NOT NULL DEFAULT '[]',
    frameworks   text[]      NOT NULL DEFAULT '{}',
    enabled      boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dlp_policies_pkey PRIMARY KEY (id),
    CONSTRAINT dlp_policies_name_key UNIQUE (name),
    CONSTRAINT dlp_policies_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT dlp_policies_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT dlp_policies_channels_check
        CHECK (channels <@ ARRAY['email', 'endpoint', 'cloud', 'web', 'database']::text[]),
    CONSTRAINT dlp_policies_actions_check
        CHECK (actions <@ ARRAY['audit', 'alert', 'block', 'quarantine', 'encrypt', 'redact',
                                'notify_user']::text[]),
    CONSTRAINT dlp_policies_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT dlp_policies_mode_check CHECK (mode IN ('monitor', 'enforce')),
    CONSTRAINT dlp_policies_info_types_check CHECK (jsonb_typeof(info_types) = 'array'),
    CONSTRAINT dlp_policies_conditions_check CHECK (jsonb_typeof(conditions) = 'object'),
    CONSTRAINT dlp_policies_exceptions_check CHECK (jsonb_typeof(exceptions) = 'array')
);
COMMENT ON TABLE dlp_policies IS 'Data loss prevention policies';
CREATE INDEX dlp_policies_team_id_idx ON dlp_policies (team_id);
CREATE INDEX dlp_policies_created_by_idx ON dlp_policies (created_by);
-- The engine loads the enabled policies in evaluation order.
CREATE INDEX dlp_policies_priority_idx ON dlp_policies (priority) WHERE enabled;
CREATE INDEX dlp_policies_severity_idx ON dlp_policies (severity);
-- "Policies watching this channel" (array overlaps / contains).
CREATE INDEX dlp_policies_channels_idx ON dlp_policies USING gin (channels);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE dlp_incidents (
    id                  uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id             uuid,
    policy_id           uuid,
    channel             text        NOT NULL,
    actor_user_id       uuid,
    actor_iam_user_id   uuid,
    -- References devices (endpoint crate), whose migration adds dlp_incidents_device_id_fkey.
    device_id           uuid,
    source              text,
    destination         text,
    matches             jsonb       NOT NULL DEFAULT '[]',
    match_count         integer     NOT NULL DEFAULT 0,
    severity            text        NOT NULL,
    action_taken        text        NOT NULL DEFAULT 'logged',
    user_justification  text,
    status              text        NOT NULL DEFAULT 'new',
    assignee_id         uuid,
    incident_id         uuid,
    occurred_at         timestamptz NOT NULL DEFAULT now(),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dlp_incidents_pkey PRIMARY KEY (id),
    CONSTRAINT dlp_incidents_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT dlp_incidents_policy_id_fkey FOREIGN KEY (policy_id)
        REFERENCES dlp_policies (id) ON DELETE SET NULL,
    CONSTRAINT dlp_incidents_actor_user_id_fkey FOREIGN KEY (actor_user_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT dlp_incidents_actor_iam_user_id_fkey FOREIGN KEY (actor_iam_user_id)
        REFERENCES iam_users (id) ON DELETE SET NULL,
    CONSTRAINT dlp_incidents_assignee_id_fkey FOREIGN KEY (assignee_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT dlp_incidents_incident_id_fkey FOREIGN KEY (incident_id)
        REFERENCES incidents (id) ON DELETE SET NULL,
    CONSTRAINT dlp_incidents_channel_check
        CHECK (channel IN ('email', 'endpoint', 'cloud', 'web', 'database')),
    CONSTRAINT dlp_incidents_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT dlp_incidents_action_taken_check
        CHECK (action_taken IN ('logged', 'blocked', 'quarantined', 'encrypted', 'redacted',
                                'user_justified')),
    CONSTRAINT dlp_incidents_status_check
        CHECK (status IN ('new', 'triaged', 'investigating', 'resolved_true_positive',
                          'resolved_false_positive', 'escalated')),
    CONSTRAINT dlp_incidents_match_count_check CHECK (match_count >= 0),
    CONSTRAINT dlp_incidents_matches_check CHECK (jsonb_typeof(matches) = 'array')
);
COMMENT ON TABLE dlp_incidents IS 'DLP policy violations';
CREATE INDEX dlp_incidents_team_id_idx ON dlp_incidents (team_id);
CREATE INDEX dlp_incidents_policy_id_idx ON dlp_incidents (policy_id);
CREATE INDEX dlp_incidents_actor_user_id_idx ON dlp_incidents (actor_user_id);
CREATE INDEX dlp_incidents_actor_iam_user_id_idx ON dlp_incidents (actor_iam_user_id);
CREATE INDEX dlp_incidents_device_id_idx ON dlp_incidents (device_id);
CREATE INDEX dlp_incidents_assignee_id_idx ON dlp_incidents (assignee_id);
CREATE INDEX dlp_incidents_incident_id_idx ON dlp_incidents (incident_id);
-- Triage queue and dashboards.
CREATE INDEX dlp_incidents_status_severity_idx ON dlp_incidents (status, severity);
CREATE INDEX dlp_incidents_severity_idx ON dlp_incidents (severity);
CREATE INDEX dlp_incidents_occurred_at_idx ON dlp_incidents (occurred_at);
CREATE INDEX dlp_incidents_channel_occurred_at_idx ON dlp_incidents (channel, occurred_at);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE data_discovery (
    id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
    db_engine            text,
    db_host              text,
    db_port              integer,
    db_name              text,
    -- References cloud_assets (cloud crate), whose migration adds data_discovery_asset_id_fkey.
    asset_id             uuid,
    location             text        NOT NULL,
    classification       text        NOT NULL,
    info_types           jsonb       NOT NULL DEFAULT '[]',
    rows_sampled         integer,
    estimated_records    bigint,
    scan_ref             text,
    first_discovered_at  timestamptz NOT NULL DEFAULT now(),
    last_scanned_at      timestamptz,
    owner_team_id        uuid,
    status               text        NOT NULL DEFAULT 'new',
    masked               boolean     NOT NULL DEFAULT false,
    encrypted            boolean     NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT data_discovery_pkey PRIMARY KEY (id),
    CONSTRAINT data_discovery_owner_team_id_fkey FOREIGN KEY (owner_team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT data_discovery_db_engine_check
        CHECK (db_engine IN ('postgresql', 'mysql', 'mariadb', 'mssql', 'oracle', 'mongodb', 'redis', 'other')),
    CONSTRAINT data_discovery_classification_check
        CHECK (classification IN ('public', 'internal', 'confidential', 'restricted')),
    CONSTRAINT data_discovery_status_check CHECK (status IN ('new', 'confirmed', 'dismissed')),
    CONSTRAINT data_discovery_db_port_check CHECK (db_port BETWEEN 1 AND 65535),
    CONSTRAINT data_discovery_rows_sampled_check CHECK (rows_sampled >= 0),
    CONSTRAINT data_discovery_estimated_records_check CHECK (estimated_records >= 0),
    CONSTRAINT data_discovery_info_types_check CHECK (jsonb_typeof(info_types) = 'array')
);
COMMENT ON TABLE data_discovery IS 'Sensitive data discovery';
CREATE INDEX data_discovery_asset_id_idx ON data_discovery (asset_id);
CREATE INDEX data_discovery_owner_team_id_idx ON data_discovery (owner_team_id);
CREATE INDEX data_discovery_classification_idx ON data_discovery (classification);
CREATE INDEX data_discovery_status_idx ON data_discovery (status);
CREATE INDEX data_discovery_last_scanned_at_idx ON data_discovery (last_scanned_at);
-- Re-scans find the existing row of a location; audit logs join on the database + object.
CREATE INDEX data_discovery_db_host_db_name_location_idx
    ON data_discovery (db_host, db_name, location);
-- Which information types were found (jsonb containment: '[{"type": "EMAIL_ADDRESS"}]').
CREATE INDEX data_discovery_info_types_idx ON data_discovery USING gin (info_types jsonb_path_ops);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE database_access_requests (
    id                      uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id                 uuid,
    requester_id            uuid        NOT NULL,
    db_engine               text        NOT NULL,
    db_host                 text        NOT NULL,
    db_port                 integer,
    db_name                 text,
    -- References cloud_assets (cloud crate), whose migration adds the foreign key.
    asset_id                uuid,
    requested_role          text        NOT NULL,
    db_user                 text,
    scope                   jsonb       NOT NULL DEFAULT '{}',
    reason                  text        NOT NULL,
    ticket_ref              text,
    requested_duration_min  integer     NOT NULL,
    max_duration_min        integer,
    state                   text        NOT NULL DEFAULT 'PENDING',
    approvals_required      smallint    NOT NULL DEFAULT 1,
    reviews                 jsonb       NOT NULL DEFAULT '[]',
    resolved_at             timestamptz,
    access_starts_at        timestamptz,
    access_expires_at       timestamptz,
    revoked_by              uuid,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT database_access_requests_pkey PRIMARY KEY (id),
    CONSTRAINT database_access_requests_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT database_access_requests_requester_id_fkey FOREIGN KEY (requester_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT database_access_requests_revoked_by_fkey FOREIGN KEY (revoked_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT database_access_requests_db_engine_check
        CHECK (db_engine IN ('postgresql', 'mysql', 'mariadb', 'mssql', 'oracle', 'mongodb', 'redis', 'other')),
    CONSTRAINT database_access_requests_requested_role_check
        CHECK (requested_role IN ('read_only', 'read_write', 'admin', 'custom')),
    CONSTRAINT database_access_requests_state_check
        CHECK (state IN ('PENDING', 'APPROVED', 'DENIED', 'EXPIRED', 'REVOKED')),
    CONSTRAINT database_access_requests_db_port_check CHECK (db_port BETWEEN 1 AND 65535),
    CONSTRAINT database_access_requests_reason_check CHECK (btrim(reason) <> ''),
    CONSTRAINT database_access_requests_requested_duration_min_check
        CHECK (requested_duration_min > 0),
    CONSTRAINT database_access_requests_max_duration_min_check CHECK (max_duration_min > 0),
    CONSTRAINT database_access_requests_approvals_required_check CHECK (approvals_required >= 0),
    CONSTRAINT database_access_requests_access_expires_at_check
        CHECK (access_expires_at > access_starts_at),
    CONSTRAINT database_access_requests_scope_check CHECK (jsonb_typeof(scope) = 'object'),
    CONSTRAINT database_access_requests_reviews_check CHECK (jsonb_typeof(reviews) = 'array')
);
COMMENT ON TABLE database_access_requests IS 'Database access requests';
CREATE INDEX database_access_requests_team_id_idx ON database_access_requests (team_id);
CREATE INDEX database_access_requests_requester_id_idx ON database_access_requests (requester_id);
CREATE INDEX database_access_requests_revoked_by_idx ON database_access_requests (revoked_by);
CREATE INDEX database_access_requests_asset_id_idx ON database_access_requests (asset_id);
CREATE INDEX database_access_requests_state_idx ON database_access_requests (state);
CREATE INDEX database_access_requests_created_at_idx ON database_access_requests (created_at);
-- The expiry job: granted access that ends.
CREATE INDEX database_access_requests_access_expires_at_idx
    ON database_access_requests (access_expires_at) WHERE state = 'APPROVED';

-- ---------------------------------------------------------------------------------------------
-- Append-only connection log.
CREATE TABLE database_connections (
    id                  uuid        NOT NULL DEFAULT gen_random_uuid(),
    db_engine           text        NOT NULL,
    db_host             text        NOT NULL,
    db_port             integer,
    db_name             text,
    -- References cloud_assets (cloud crate), whose migration adds the foreign key.
    asset_id            uuid,
    db_user             text        NOT NULL,
    iam_user_id         uuid,
    client_ip           inet,
    client_application  text,
    auth_method         text,
    tls_used            boolean     NOT NULL DEFAULT false,
    backend_pid         integer,
    connected_at        timestamptz NOT NULL DEFAULT now(),
    disconnected_at     timestamptz,
    duration_s          integer,
    result              text        NOT NULL,
    failure_reason      text,
    access_request_id   uuid,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT database_connections_pkey PRIMARY KEY (id),
    CONSTRAINT database_connections_iam_user_id_fkey FOREIGN KEY (iam_user_id)
        REFERENCES iam_users (id) ON DELETE SET NULL,
    CONSTRAINT database_connections_access_request_id_fkey FOREIGN KEY (access_request_id)
        REFERENCES database_access_requests (id) ON DELETE SET NULL,
    CONSTRAINT database_connections_db_engine_check
        CHECK (db_engine IN ('postgresql', 'mysql', 'mariadb', 'mssql', 'oracle', 'mongodb', 'redis', 'other')),
    CONSTRAINT database_connections_auth_method_check
        CHECK (auth_method IN ('password', 'iam', 'kerberos', 'certificate', 'ldap')),
    CONSTRAINT database_connections_result_check
        CHECK (result IN ('success', 'auth_failed', 'denied', 'error')),
    CONSTRAINT database_connections_db_port_check CHECK (db_port BETWEEN 1 AND 65535),
    CONSTRAINT database_connections_duration_s_check CHECK (duration_s >= 0),
    CONSTRAINT database_connections_disconnected_at_check CHECK (disconnected_at >= connected_at)
);
COMMENT ON TABLE database_connections IS 'Database connection logs';
CREATE INDEX database_connections_iam_user_id_idx ON database_connections (iam_user_id);
CREATE INDEX database_connections_access_request_id_idx
    ON database_connections (access_request_id);
CREATE INDEX database_connections_asset_id_idx ON database_connections (asset_id);
-- High-volume log: BRIN on the event time, btree for the usual filters.
CREATE INDEX database_connections_connected_at_idx
    ON database_connections USING brin (connected_at);
CREATE INDEX database_connections_db_user_connected_at_idx
    ON database_connections (db_user, connected_at);
CREATE INDEX database_connections_result_connected_at_idx
    ON database_connections (result, connected_at);
CREATE INDEX database_connections_client_ip_idx ON database_connections (client_ip);

-- ---------------------------------------------------------------------------------------------
-- Append-only, high-volume (pgAudit lines). Range partitioning by month on event_time comes
-- later (domain model §0); no partitions yet because foreign keys into it must keep working.
CREATE TABLE database_audit_logs (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    event_time         timestamptz NOT NULL,
    ingested_at        timestamptz NOT NULL DEFAULT now(),
    db_engine          text        NOT NULL,
    db_host            text        NOT NULL,
    db_port            integer,
    db_name            text,
    -- References cloud_assets (cloud crate), whose migration adds the foreign key.
    asset_id           uuid,
    connection_id      uuid,
    db_user            text,
    audit_type         text        NOT NULL,
    statement_id       bigint,
    substatement_id    integer,
    class              text        NOT NULL,
    command            text,
    object_type        text,
    object_name        text,
    statement          text,
    parameters         text,
    rows               bigint,
    success            boolean     NOT NULL DEFAULT true,
    sqlstate           text,
    touches_sensitive  boolean     NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT database_audit_logs_pkey PRIMARY KEY (id),
    CONSTRAINT database_audit_logs_connection_id_fkey FOREIGN KEY (connection_id)
        REFERENCES database_connections (id) ON DELETE SET NULL,
    CONSTRAINT database_audit_logs_db_engine_check
        CHECK (db_engine IN ('postgresql', 'mysql', 'mariadb', 'mssql', 'oracle', 'mongodb', 'redis', 'other')),
    CONSTRAINT database_audit_logs_audit_type_check CHECK (audit_type IN ('SESSION', 'OBJECT')),
    CONSTRAINT database_audit_logs_class_check
        CHECK (class IN ('READ', 'WRITE', 'FUNCTION', 'ROLE', 'DDL', 'MISC', 'MISC_SET')),
    CONSTRAINT database_audit_logs_db_port_check CHECK (db_port BETWEEN 1 AND 65535),
    CONSTRAINT database_audit_logs_rows_check CHECK (rows >= 0),
    CONSTRAINT database_audit_logs_sqlstate_check CHECK (sqlstate ~ '^[0-9A-Z]{5}$')
);
COMMENT ON TABLE database_audit_logs IS 'Database access audit logs';
CREATE INDEX database_audit_logs_connection_id_idx ON database_audit_logs (connection_id);
CREATE INDEX database_audit_logs_asset_id_idx ON database_audit_logs (asset_id);
-- High-volume log: BRIN on the event time, btree for the usual filters.
CREATE INDEX database_audit_logs_event_time_idx ON database_audit_logs USING brin (event_time);
CREATE INDEX database_audit_logs_class_event_time_idx ON database_audit_logs (class, event_time);
CREATE INDEX database_audit_logs_db_user_event_time_idx
    ON database_audit_logs (db_user, event_time);
CREATE INDEX database_audit_logs_object_name_idx ON database_audit_logs (object_name);
-- Access to sensitive data, the question auditors ask most.
CREATE INDEX database_audit_logs_touches_sensitive_idx ON database_audit_logs (event_time)
    WHERE touches_sensitive;

-- ---------------------------------------------------------------------------------------------
CREATE TABLE database_vulnerabilities (
    id                uuid          NOT NULL DEFAULT gen_random_uuid(),
    team_id           uuid,
    db_engine         text          NOT NULL,
    db_host           text          NOT NULL,
    db_port           integer,
    db_name           text,
    -- References cloud_assets (cloud crate), whose migration adds the foreign key.
    asset_id          uuid,
    source            text          NOT NULL,
    check_id          text,
    title             text          NOT NULL,
    description       text,
    cve_ids           text[]        NOT NULL DEFAULT '{}',
    cvss_score        numeric(3,1),
    severity          text          NOT NULL,
    detected_version  text,
    fixed_version     text,
    remediation       text,
    status            text          NOT NULL DEFAULT 'open',
    first_seen_at     timestamptz   NOT NULL DEFAULT now(),
    last_seen_at      timestamptz   NOT NULL DEFAULT now(),
    project_issue_id  uuid,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT database_vulnerabilities_pkey PRIMARY KEY (id),
    CONSTRAINT database_vulnerabilities_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT database_vulnerabilities_project_issue_id_fkey FOREIGN KEY (project_issue_id)
        REFERENCES project_issues (id) ON DELETE SET NULL,
    CONSTRAINT database_vulnerabilities_db_engine_check
        CHECK (db_engine IN ('postgresql', 'mysql', 'mariadb', 'mssql', 'oracle', 'mongodb', 'redis', 'other')),
    CONSTRAINT database_vulnerabilities_source_check
        CHECK (source IN ('cis_benchmark', 'cve', 'configuration', 'weak_credentials',
                          'excess_privilege')),
    CONSTRAINT database_vulnerabilities_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT database_vulnerabilities_status_check
        CHECK (status IN ('open', 'risk_accepted', 'fixed', 'false_positive')),
    CONSTRAINT database_vulnerabilities_db_port_check CHECK (db_port BETWEEN 1 AND 65535),
    CONSTRAINT database_vulnerabilities_cvss_score_check CHECK (cvss_score BETWEEN 0 AND 10),
    CONSTRAINT database_vulnerabilities_last_seen_at_check CHECK (last_seen_at >= first_seen_at)
);
COMMENT ON TABLE database_vulnerabilities IS 'Database security vulnerabilities';
CREATE INDEX database_vulnerabilities_team_id_idx ON database_vulnerabilities (team_id);
CREATE INDEX database_vulnerabilities_asset_id_idx ON database_vulnerabilities (asset_id);
CREATE INDEX database_vulnerabilities_project_issue_id_idx
    ON database_vulnerabilities (project_issue_id);
-- Triage: open findings by severity.
CREATE INDEX database_vulnerabilities_status_severity_idx
    ON database_vulnerabilities (status, severity);
CREATE INDEX database_vulnerabilities_severity_idx ON database_vulnerabilities (severity);
-- Re-imports find the existing finding of a database and check.
CREATE INDEX database_vulnerabilities_db_host_db_name_check_id_idx
    ON database_vulnerabilities (db_host, db_name, check_id);
CREATE INDEX database_vulnerabilities_last_seen_at_idx ON database_vulnerabilities (last_seen_at);
CREATE INDEX database_vulnerabilities_cve_ids_idx ON database_vulnerabilities USING gin (cve_ids);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE data_masking (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id           uuid,
    created_by        uuid,
    name              text        NOT NULL,
    db_engine         text,
    db_host           text,
    db_port           integer,
    db_name           text,
    -- References cloud_assets (cloud crate), whose migration adds data_masking_asset_id_fkey.
    asset_id          uuid,
    target            text,
    info_type         text,
    method            text        NOT NULL,
    params            jsonb       NOT NULL DEFAULT '{}',
    key_id            uuid,
    applies_to_roles  text[]      NOT NULL DEFAULT '{}',
    environments      text[]      NOT NULL DEFAULT '{}',
    status            text        NOT NULL DEFAULT 'draft',
    last_applied_at   timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT data_masking_pkey PRIMARY KEY (id),
    CONSTRAINT data_masking_name_key UNIQUE (name),
    CONSTRAINT data_masking_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT data_masking_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT data_masking_key_id_fkey FOREIGN KEY (key_id)
        REFERENCES encryption_keys (id) ON DELETE SET NULL,
    CONSTRAINT data_masking_db_engine_check
        CHECK (db_engine IN ('postgresql', 'mysql', 'mariadb', 'mssql', 'oracle', 'mongodb', 'redis', 'other')),
    CONSTRAINT data_masking_method_check
        CHECK (method IN ('replace', 'redact', 'hash', 'mask', 'encrypt', 'fpe', 'keep', 'shuffle',
                          'nullify', 'fake')),
    CONSTRAINT data_masking_status_check CHECK (status IN ('draft', 'active', 'disabled')),
    CONSTRAINT data_masking_db_port_check CHECK (db_port BETWEEN 1 AND 65535),
    -- A rule masks a column, an information type, or both.
    CONSTRAINT data_masking_target_check CHECK (target IS NOT NULL OR info_type IS NOT NULL),
    CONSTRAINT data_masking_params_check CHECK (jsonb_typeof(params) = 'object')
);
COMMENT ON TABLE data_masking IS 'Data masking configurations';
CREATE INDEX data_masking_team_id_idx ON data_masking (team_id);
CREATE INDEX data_masking_created_by_idx ON data_masking (created_by);
CREATE INDEX data_masking_asset_id_idx ON data_masking (asset_id);
CREATE INDEX data_masking_key_id_idx ON data_masking (key_id);
CREATE INDEX data_masking_status_idx ON data_masking (status);
CREATE INDEX data_masking_info_type_idx ON data_masking (info_type);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE data_tokenization (
    id                      uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id                 uuid,
    created_by              uuid,
    name                    text        NOT NULL,
    data_format             text        NOT NULL,
    token_format            text        NOT NULL,
    template_regex          text,
    alphabet                text,
    reversible              boolean     NOT NULL DEFAULT true,
    convergent              boolean     NOT NULL DEFAULT false,
    ttl_days                integer,
    key_id                  uuid,
    provider                text,
    vault_secret_encrypted  bytea,
    vault_secret_key_id     uuid,
    detokenize_roles        text[]      NOT NULL DEFAULT '{}',
    tokens_issued           bigint      NOT NULL DEFAULT 0,
    detokenize_count        bigint      NOT NULL DEFAULT 0,
    status                  text        NOT NULL DEFAULT 'active',
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT data_tokenization_pkey PRIMARY KEY (id),
    CONSTRAINT data_tokenization_name_key UNIQUE (name),
    CONSTRAINT data_tokenization_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT data_tokenization_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT data_tokenization_key_id_fkey FOREIGN KEY (key_id)
        REFERENCES encryption_keys (id) ON DELETE SET NULL,
    CONSTRAINT data_tokenization_vault_secret_key_id_fkey FOREIGN KEY (vault_secret_key_id)
        REFERENCES encryption_keys (id) ON DELETE SET NULL,
    CONSTRAINT data_tokenization_data_format_check
        CHECK (data_format IN ('credit_card', 'ssn', 'email', 'phone', 'iban', 'custom')),
    CONSTRAINT data_tokenization_token_format_check
        CHECK (token_format IN ('format_preserving', 'random', 'convergent')),
    CONSTRAINT data_tokenization_status_check CHECK (status IN ('active', 'disabled', 'retired')),
    CONSTRAINT data_tokenization_ttl_days_check CHECK (ttl_days > 0),
    CONSTRAINT data_tokenization_tokens_issued_check CHECK (tokens_issued >= 0),
    CONSTRAINT data_tokenization_detokenize_count_check CHECK (detokenize_count >= 0),
    -- A ciphertext always names the key that decrypts it.
    CONSTRAINT data_tokenization_vault_secret_encrypted_check
        CHECK (vault_secret_encrypted IS NULL OR vault_secret_key_id IS NOT NULL)
);
COMMENT ON TABLE data_tokenization IS 'Data tokenization settings';
CREATE INDEX data_tokenization_team_id_idx ON data_tokenization (team_id);
CREATE INDEX data_tokenization_created_by_idx ON data_tokenization (created_by);
CREATE INDEX data_tokenization_key_id_idx ON data_tokenization (key_id);
CREATE INDEX data_tokenization_vault_secret_key_id_idx ON data_tokenization (vault_secret_key_id);
CREATE INDEX data_tokenization_status_idx ON data_tokenization (status);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE security_compliance (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id           uuid,
    framework_id      uuid        NOT NULL,
    requirement_ref   text        NOT NULL,
    control_name      text,
    scope_type        text        NOT NULL DEFAULT 'organization',
    scope_id          uuid,
    result            text        NOT NULL DEFAULT 'not_assessed',
    evidence          jsonb       NOT NULL DEFAULT '[]',
    owner_id          uuid,
    last_assessed_at  timestamptz,
    next_review_at    timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT security_compliance_pkey PRIMARY KEY (id),
    CONSTRAINT security_compliance_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT security_compliance_framework_id_fkey FOREIGN KEY (framework_id)
        REFERENCES compliance_frameworks (id) ON DELETE CASCADE,
    CONSTRAINT security_compliance_owner_id_fkey FOREIGN KEY (owner_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT security_compliance_scope_type_check
        CHECK (scope_type IN ('organization', 'team', 'project', 'cloud_account', 'cloud_asset',
                              'database')),
    CONSTRAINT security_compliance_result_check
        CHECK (result IN ('compliant', 'partially_compliant', 'non_compliant', 'not_applicable',
                          'not_assessed')),
    CONSTRAINT security_compliance_evidence_check CHECK (jsonb_typeof(evidence) = 'array')
);
COMMENT ON TABLE security_compliance IS 'Security compliance status';
-- Status of a framework's requirements; also serves the framework_id foreign key.
CREATE INDEX security_compliance_framework_id_requirement_ref_idx
    ON security_compliance (framework_id, requirement_ref);
CREATE INDEX security_compliance_team_id_idx ON security_compliance (team_id);
CREATE INDEX security_compliance_owner_id_idx ON security_compliance (owner_id);
CREATE INDEX security_compliance_result_idx ON security_compliance (result);
CREATE INDEX security_compliance_scope_type_scope_id_idx
    ON security_compliance (scope_type, scope_id);
CREATE INDEX security_compliance_next_review_at_idx ON security_compliance (next_review_at);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE security_reports (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id       uuid,
    report_type   text        NOT NULL,
    period_start  timestamptz,
    period_end    timestamptz,
    parameters    jsonb       NOT NULL DEFAULT '{}',
    format        text        NOT NULL DEFAULT 'pdf',
    status        text        NOT NULL DEFAULT 'queued',
    storage_uri   text,
    sha256        text,
    generated_by  uuid,
    generated_at  timestamptz,
    error         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT security_reports_pkey PRIMARY KEY (id),
    CONSTRAINT security_reports_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT security_reports_generated_by_fkey FOREIGN KEY (generated_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT security_reports_report_type_check
        CHECK (report_type IN ('executive_summary', 'dlp', 'encryption_coverage', 'access_review',
                               'database_activity', 'compliance', 'vulnerability')),
    CONSTRAINT security_reports_format_check CHECK (format IN ('pdf', 'html', 'csv', 'json')),
    CONSTRAINT security_reports_status_check
        CHECK (status IN ('queued', 'generating', 'ready', 'failed')),
    CONSTRAINT security_reports_period_end_check CHECK (period_end >= period_start),
    CONSTRAINT security_reports_sha256_check CHECK (sha256 ~* '^[0-9a-f]{64}$'),
    CONSTRAINT security_reports_parameters_check CHECK (jsonb_typeof(parameters) = 'object')
);
COMMENT ON TABLE security_reports IS 'Security assessment reports';
CREATE INDEX security_reports_team_id_idx ON security_reports (team_id);
CREATE INDEX security_reports_generated_by_idx ON security_reports (generated_by);
CREATE INDEX security_reports_report_type_created_at_idx
    ON security_reports (report_type, created_at);
CREATE INDEX security_reports_status_idx ON security_reports (status);
CREATE INDEX security_reports_created_at_idx ON security_reports (created_at);

-- ---------------------------------------------------------------------------------------------
-- Foreign keys of earlier domains into encryption_keys (their key_id columns and indexes exist
-- already; the constraints can only be added now that encryption_keys does).
ALTER TABLE mfa_devices ADD CONSTRAINT mfa_devices_key_id_fkey FOREIGN KEY (key_id)
    REFERENCES encryption_keys (id) ON DELETE SET NULL;
ALTER TABLE external_integrations ADD CONSTRAINT external_integrations_key_id_fkey
    FOREIGN KEY (key_id) REFERENCES encryption_keys (id) ON DELETE SET NULL;
