-- integrations: connections to third-party security tools and their activity logs.
-- Columns: docs domain-model.md §12. Enums are text + CHECK; every foreign key is indexed.
-- Depends on iam (users, teams).

-- ---------------------------------------------------------------------------------------------
CREATE TABLE external_integrations (
    id                     uuid        NOT NULL DEFAULT gen_random_uuid(),
    name                   text        NOT NULL,
    category               text        NOT NULL,
    vendor                 text        NOT NULL,
    direction              text        NOT NULL DEFAULT 'outbound',
    base_url               text,
    auth_type              text,
    secret_ref             text,
    credentials_encrypted  bytea,
    -- References encryption_keys (data_security crate), whose migration adds
    -- external_integrations_key_id_fkey; the index is created here already.
    key_id                 uuid,
    config                 jsonb       NOT NULL DEFAULT '{}',
    enabled                boolean     NOT NULL DEFAULT true,
    status                 text        NOT NULL DEFAULT 'healthy',
    sync_interval_s        integer,
    last_sync_at           timestamptz,
    last_success_at        timestamptz,
    last_error             text,
    team_id                uuid,
    created_by             uuid,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT external_integrations_pkey PRIMARY KEY (id),
    CONSTRAINT external_integrations_name_key UNIQUE (name),
    CONSTRAINT external_integrations_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT external_integrations_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT external_integrations_category_check
        CHECK (category IN ('siem', 'ticketing', 'chat', 'scanner', 'threat_intel', 'email', 'cloud',
                            'edr', 'identity', 'storage')),
    CONSTRAINT external_integrations_direction_check
        CHECK (direction IN ('inbound', 'outbound', 'bidirectional')),
    CONSTRAINT external_integrations_auth_type_check
        CHECK (auth_type IN ('api_key', 'oauth2', 'basic', 'hmac', 'ssh', 'certificate')),
    CONSTRAINT external_integrations_status_check
        CHECK (status IN ('healthy', 'degraded', 'failing', 'disabled')),
    CONSTRAINT external_integrations_sync_interval_s_check CHECK (sync_interval_s > 0),
    CONSTRAINT external_integrations_config_check CHECK (jsonb_typeof(config) = 'object'),
    -- Ciphertext is useless without the key that encrypts it.
    CONSTRAINT external_integrations_credentials_encrypted_check
        CHECK (credentials_encrypted IS NULL OR key_id IS NOT NULL)
);
COMMENT ON TABLE external_integrations IS 'Third-party security tool integrations';
CREATE INDEX external_integrations_team_id_idx ON external_integrations (team_id);
CREATE INDEX external_integrations_created_by_idx ON external_integrations (created_by);
CREATE INDEX external_integrations_key_id_idx ON external_integrations (key_id);
CREATE INDEX external_integrations_category_idx ON external_integrations (category);
CREATE INDEX external_integrations_vendor_idx ON external_integrations (vendor);
CREATE INDEX external_integrations_status_idx ON external_integrations (status);
CREATE INDEX external_integrations_created_at_idx ON external_integrations (created_at);
-- The scheduler: enabled integrations with a sync interval, by last sync.
CREATE INDEX external_integrations_last_sync_at_idx ON external_integrations (last_sync_at)
    WHERE enabled AND sync_interval_s IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Append-only, high volume: the application inserts, never updates.
CREATE TABLE integration_logs (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    integration_id     uuid        NOT NULL,
    direction          text        NOT NULL,
    operation          text        NOT NULL,
    url                text,
    method             text,
    payload            jsonb,
    http_status        smallint,
    success            boolean     NOT NULL,
    duration_ms        integer,
    records_processed  integer     NOT NULL DEFAULT 0,
    error              text,
    error_stacktrace   text,
    correlation_id     uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT integration_logs_pkey PRIMARY KEY (id),
    CONSTRAINT integration_logs_integration_id_fkey FOREIGN KEY (integration_id)
        REFERENCES external_integrations (id) ON DELETE CASCADE,
    CONSTRAINT integration_logs_direction_check
        CHECK (direction IN ('inbound', 'outbound', 'bidirectional')),
    CONSTRAINT integration_logs_operation_check
        CHECK (operation IN ('pull', 'push', 'webhook_delivery', 'test', 'sync')),
    CONSTRAINT integration_logs_http_status_check CHECK (http_status BETWEEN 100 AND 599),
    CONSTRAINT integration_logs_duration_ms_check CHECK (duration_ms >= 0),
    CONSTRAINT integration_logs_records_processed_check CHECK (records_processed >= 0)
);
COMMENT ON TABLE integration_logs IS 'Integration activity logs';
-- The log of one integration, newest first; also the FK index.
CREATE INDEX integration_logs_integration_id_created_at_idx
    ON integration_logs (integration_id, created_at);
-- High-volume, append-only: BRIN on the event time.
CREATE INDEX integration_logs_created_at_idx ON integration_logs USING brin (created_at);
CREATE INDEX integration_logs_correlation_id_idx ON integration_logs (correlation_id);
-- Failure dashboards look only at failed calls.
CREATE INDEX integration_logs_failed_idx ON integration_logs (integration_id, created_at)
    WHERE NOT success;
