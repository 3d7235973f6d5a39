-- iam: users, teams, team members, IAM identities, sessions, audit logs, MFA.
-- Columns: docs domain-model.md §1. Enums are text + CHECK; every foreign key is indexed.

CREATE EXTENSION IF NOT EXISTS citext;

-- ---------------------------------------------------------------------------------------------
CREATE TABLE users (
    id                          uuid        NOT NULL DEFAULT gen_random_uuid(),
    email                       citext      NOT NULL,
    username                    text        NOT NULL,
    display_name                text,
    password_hash               text,
    password_changed_at         timestamptz,
    reset_password_required     boolean     NOT NULL DEFAULT false,
    role                        text        NOT NULL,
    is_active                   boolean     NOT NULL DEFAULT true,
    external_identity_provider  text,
    external_id                 text,
    last_login_at               timestamptz,
    last_login_ip               inet,
    failed_login_count          integer     NOT NULL DEFAULT 0,
    locked_until                timestamptz,
    permanently_locked          boolean     NOT NULL DEFAULT false,
    mfa_enabled                 boolean     NOT NULL DEFAULT false,
    mfa_required                boolean     NOT NULL DEFAULT false,
    timezone                    text,
    locale                      text,
    deleted_at                  timestamptz,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    updated_at                  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_username_key UNIQUE (username),
    CONSTRAINT users_external_identity_provider_external_id_key
        UNIQUE (external_identity_provider, external_id),
    CONSTRAINT users_role_check
        CHECK (role IN ('admin', 'security_manager', 'analyst', 'developer', 'auditor', 'viewer')),
    CONSTRAINT users_failed_login_count_check CHECK (failed_login_count >= 0)
);
COMMENT ON TABLE users IS 'User accounts and authentication';
CREATE INDEX users_role_idx ON users (role);
CREATE INDEX users_created_at_idx ON users (created_at);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE teams (
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    name            text        NOT NULL,
    slug            text        NOT NULL,
    description     text,
    parent_team_id  uuid,
    lead_user_id    uuid,
    contact_email   text,
    chat_channel    text,
    business_unit   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT teams_pkey PRIMARY KEY (id),
    CONSTRAINT teams_name_key UNIQUE (name),
    CONSTRAINT teams_slug_key UNIQUE (slug),
    CONSTRAINT teams_parent_team_id_fkey FOREIGN KEY (parent_team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT teams_lead_user_id_fkey FOREIGN KEY (lead_user_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT teams_parent_team_id_check CHECK (parent_team_id <> id)
);
COMMENT ON TABLE teams IS 'Team organization';
CREATE INDEX teams_parent_team_id_idx ON teams (parent_team_id);
CREATE INDEX teams_lead_user_id_idx ON teams (lead_user_id);
CREATE INDEX teams_business_unit_idx ON teams (business_unit);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE team_members (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id     uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    role        text        NOT NULL,
    added_by    uuid,
    joined_at   timestamptz NOT NULL DEFAULT now(),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT team_members_pkey PRIMARY KEY (id),
    -- Also the index of team_members_team_id_fkey (team_id leads).
    CONSTRAINT team_members_team_id_user_id_key UNIQUE (team_id, user_id),
    CONSTRAINT team_members_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE CASCADE,
    CONSTRAINT team_members_user_id_fkey FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT team_members_added_by_fkey FOREIGN KEY (added_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT team_members_role_check
        CHECK (role IN ('owner', 'maintainer', 'writer', 'api_importer', 'reader'))
);
COMMENT ON TABLE team_members IS 'Team membership';
-- "Which teams is this user in": the viewer's team ids, read on every request.
CREATE INDEX team_members_user_id_idx ON team_members (user_id);
CREATE INDEX team_members_added_by_idx ON team_members (added_by);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE iam_users (
    id                    uuid        NOT NULL DEFAULT gen_random_uuid(),
    user_id               uuid,
    source                text        NOT NULL,
    external_id           text        NOT NULL,
    username              text        NOT NULL,
    email                 citext,
    display_name          text,
    department            text,
    job_title             text,
    manager_id            uuid,
    account_type          text        NOT NULL,
    status                text        NOT NULL,
    privileged            boolean     NOT NULL DEFAULT false,
    groups                text[]      NOT NULL DEFAULT '{}',
    mfa_enrolled          boolean     NOT NULL DEFAULT false,
    mfa_methods           text[]      NOT NULL DEFAULT '{}',
    last_login_at         timestamptz,
    password_last_set_at  timestamptz,
    risk_score            smallint,
    synced_at             timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT iam_users_pkey PRIMARY KEY (id),
    CONSTRAINT iam_users_source_external_id_key UNIQUE (source, external_id),
    CONSTRAINT iam_users_user_id_fkey FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT iam_users_manager_id_fkey FOREIGN KEY (manager_id)
        REFERENCES iam_users (id) ON DELETE SET NULL,
    CONSTRAINT iam_users_source_check
        CHECK (source IN ('okta', 'azure_ad', 'google_workspace', 'ldap', 'aws_iam', 'gcp_iam', 'local')),
    CONSTRAINT iam_users_account_type_check
        CHECK (account_type IN ('human', 'service', 'shared', 'admin', 'break_glass')),
    CONSTRAINT iam_users_status_check
        CHECK (status IN ('active', 'suspended', 'locked', 'deprovisioned')),
    CONSTRAINT iam_users_risk_score_check CHECK (risk_score BETWEEN 0 AND 100),
    CONSTRAINT iam_users_manager_id_check CHECK (manager_id <> id)
);
COMMENT ON TABLE iam_users IS 'IAM user management';
CREATE INDEX iam_users_user_id_idx ON iam_users (user_id);
CREATE INDEX iam_users_manager_id_idx ON iam_users (manager_id);
CREATE INDEX iam_users_email_idx ON iam_users (email);
CREATE INDEX iam_users_status_idx ON iam_users (status);
CREATE INDEX iam_users_account_type_idx ON iam_users (account_type);
CREATE INDEX iam_users_risk_score_idx ON iam_users (risk_score);
-- Privileged-access reviews list only these.
CREATE INDEX iam_users_privileged_idx ON iam_users (status) WHERE privileged;
CREATE INDEX iam_users_groups_idx ON iam_users USING gin (groups);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE iam_sessions (
    id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
    user_id              uuid        NOT NULL,
    token_hash           text        NOT NULL,
    refresh_token_hash   text,
    auth_method          text        NOT NULL,
    mfa_method           text        NOT NULL DEFAULT 'none',
    mfa_verified_at      timestamptz,
    ip                   inet,
    user_agent           text,
    geo_country          text,
    geo_city             text,
    device_fingerprint   text,
    started_at           timestamptz NOT NULL DEFAULT now(),
    last_seen_at         timestamptz NOT NULL DEFAULT now(),
    idle_expires_at      timestamptz NOT NULL DEFAULT now() + interval '30 minutes',
    absolute_expires_at  timestamptz NOT NULL DEFAULT now() + interval '10 hours',
    revoked_at           timestamptz,
    revoke_reason        text,
    remember_me          boolean     NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT iam_sessions_pkey PRIMARY KEY (id),
    CONSTRAINT iam_sessions_token_hash_key UNIQUE (token_hash),
    CONSTRAINT iam_sessions_refresh_token_hash_key UNIQUE (refresh_token_hash),
    CONSTRAINT iam_sessions_user_id_fkey FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT iam_sessions_auth_method_check
        CHECK (auth_method IN ('password', 'oidc', 'saml', 'api_token', 'recovery_code')),
    CONSTRAINT iam_sessions_mfa_method_check
        CHECK (mfa_method IN ('totp', 'hotp', 'webauthn', 'backup_code', 'none')),
    CONSTRAINT iam_sessions_revoke_reason_check
        CHECK (revoke_reason IN ('logout', 'admin', 'password_change', 'mfa_reset', 'expired', 'risk')),
    CONSTRAINT iam_sessions_geo_country_check CHECK (char_length(geo_country) = 2)
);
COMMENT ON TABLE iam_sessions IS 'User sessions';
CREATE INDEX iam_sessions_user_id_idx ON iam_sessions (user_id);
-- Expiry sweeps.
CREATE INDEX iam_sessions_absolute_expires_at_idx ON iam_sessions (absolute_expires_at)
    WHERE revoked_at IS NULL;
CREATE INDEX iam_sessions_started_at_idx ON iam_sessions (started_at);

-- ---------------------------------------------------------------------------------------------
-- Append-only: the application inserts, never updates or deletes (the FK actions below only
-- null out references to deleted users and sessions).
CREATE TABLE iam_audit_logs (
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    actor_user_id   uuid,
    actor_type      text        NOT NULL,
    session_id      uuid,
    category        text        NOT NULL,
    event_type      text        NOT NULL,
    operation_type  text,
    resource_type   text,
    resource_path   text,
    representation  jsonb,
    success         boolean     NOT NULL DEFAULT true,
    error           text,
    ip              inet,
    user_agent      text,
    request_id      uuid,
    details         jsonb       NOT NULL DEFAULT '{}',
    prev_hash       bytea,
    entry_hash      bytea       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT iam_audit_logs_pkey PRIMARY KEY (id),
    CONSTRAINT iam_audit_logs_actor_user_id_fkey FOREIGN KEY (actor_user_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT iam_audit_logs_session_id_fkey FOREIGN KEY (session_id)
        REFERENCES iam_sessions (id) ON DELETE SET NULL,
    CONSTRAINT iam_audit_logs_actor_type_check
        CHECK (actor_type IN ('user', 'service', 'system')),
    CONSTRAINT iam_audit_logs_category_check
        CHECK (category IN ('authentication', 'administration', 'data_access', 'configuration', 'security')),
    CONSTRAINT iam_audit_logs_operation_type_check
        CHECK (operation_type IN ('CREATE', 'UPDATE', 'DELETE', 'ACTION'))
);
COMMENT ON TABLE iam_audit_logs IS 'User activity audit logs';
CREATE INDEX iam_audit_logs_actor_user_id_idx ON iam_audit_logs (actor_user_id);
CREATE INDEX iam_audit_logs_session_id_idx ON iam_audit_logs (session_id);
-- High-volume, append-only: BRIN on the event time, plus btree for the usual filters.
CREATE INDEX iam_audit_logs_occurred_at_idx ON iam_audit_logs USING brin (occurred_at);
CREATE INDEX iam_audit_logs_category_occurred_at_idx ON iam_audit_logs (category, occurred_at);
CREATE INDEX iam_audit_logs_event_type_idx ON iam_audit_logs (event_type);
CREATE INDEX iam_audit_logs_request_id_idx ON iam_audit_logs (request_id);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE mfa_devices (
    id                  uuid        NOT NULL DEFAULT gen_random_uuid(),
    user_id             uuid        NOT NULL,
    type                text        NOT NULL,
    label               text,
    status              text        NOT NULL,
    secret_encrypted    bytea,
    -- References encryption_keys (data_security crate), whose migration adds
    -- mfa_devices_key_id_fkey; the index is created here already.
    key_id              uuid,
    algorithm           text,
    digits              smallint    NOT NULL DEFAULT 6,
    period_s            smallint    NOT NULL DEFAULT 30,
    counter             bigint      NOT NULL DEFAULT 0,
    last_used_step      bigint,
    credential_id       bytea,
    public_key_cose     bytea,
    aaguid              uuid,
    sign_count          bigint      NOT NULL DEFAULT 0,
    transports          text[]      NOT NULL DEFAULT '{}',
    attestation_format  text,
    destination_masked  text,
    verified_at         timestamptz,
    last_used_at        timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT mfa_devices_pkey PRIMARY KEY (id),
    CONSTRAINT mfa_devices_credential_id_key UNIQUE (credential_id),
    CONSTRAINT mfa_devices_user_id_fkey FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT mfa_devices_type_check
        CHECK (type IN ('totp', 'hotp', 'webauthn', 'sms', 'email')),
    CONSTRAINT mfa_devices_status_check
        CHECK (status IN ('pending', 'active', 'disabled', 'revoked')),
    CONSTRAINT mfa_devices_algorithm_check
        CHECK (algorithm IN ('HmacSHA1', 'HmacSHA256', 'HmacSHA512')),
    CONSTRAINT mfa_devices_digits_check CHECK (digits BETWEEN 6 AND 8),
    CONSTRAINT mfa_devices_period_s_check CHECK (period_s > 0),
    CONSTRAINT mfa_devices_counter_check CHECK (counter >= 0),
    CONSTRAINT mfa_devices_sign_count_check CHECK (sign_count >= 0)
);
COMMENT ON TABLE mfa_devices IS 'Multi-factor authentication devices';
CREATE INDEX mfa_devices_user_id_idx ON mfa_devices (user_id);
CREATE INDEX mfa_devices_key_id_idx ON mfa_devices (key_id);
CREATE INDEX mfa_devices_status_idx ON mfa_devices (status);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE mfa_backup_codes (
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    user_id         uuid        NOT NULL,
    batch_id        uuid        NOT NULL,
    code_hash       text        NOT NULL,
    used_at         timestamptz,
    used_ip         inet,
    invalidated_at  timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT mfa_backup_codes_pkey PRIMARY KEY (id),
    CONSTRAINT mfa_backup_codes_user_id_fkey FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE
);
COMMENT ON TABLE mfa_backup_codes IS 'MFA backup code management';
CREATE INDEX mfa_backup_codes_user_id_idx ON mfa_backup_codes (user_id);
-- The codes a login may still consume.
CREATE INDEX mfa_backup_codes_user_id_usable_idx ON mfa_backup_codes (user_id)
    WHERE used_at IS NULL AND invalidated_at IS NULL;
CREATE INDEX mfa_backup_codes_batch_id_idx ON mfa_backup_codes (batch_id);
