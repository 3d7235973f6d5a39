-- cloud: cloud accounts and their resources, posture findings (Prowler), compliance roll-ups,
-- CASB discovery and activity, DLP, threats (GuardDuty-like), IAM risks, DDoS protection,
-- daily posture snapshots and the normalised alert queue.
-- Columns: docs domain-model.md §5. Enums are text + CHECK; every foreign key is indexed.
-- Depends on iam (users, teams, iam_users), projects (project_issues), compliance
-- (compliance_frameworks), incidents (incidents) and data_security (dlp_policies).

-- ---------------------------------------------------------------------------------------------
CREATE TABLE cloud_accounts (
    id                      uuid        NOT NULL DEFAULT gen_random_uuid(),
    provider                text        NOT NULL,
    account_uid             text        NOT NULL,
    alias                   text,
    organization_uid        text,
    ou_path                 text,
    auth_method             text,
    -- Vault path of the credentials; never the credentials themselves.
    credentials_secret_ref  text,
    regions                 text[]      NOT NULL DEFAULT '{}',
    connection_status       text        NOT NULL DEFAULT 'pending',
    last_checked_at         timestamptz,
    last_scan_at            timestamptz,
    scan_schedule           text,
    team_id                 uuid,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cloud_accounts_pkey PRIMARY KEY (id),
    CONSTRAINT cloud_accounts_provider_account_uid_key UNIQUE (provider, account_uid),
    CONSTRAINT cloud_accounts_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT cloud_accounts_provider_check
        CHECK (provider IN ('aws', 'azure', 'gcp', 'kubernetes', 'm365', 'github', 'oraclecloud',
                            'alibabacloud')),
    CONSTRAINT cloud_accounts_auth_method_check
        CHECK (auth_method IN ('role', 'static', 'service_account', 'workload_identity')),
    CONSTRAINT cloud_accounts_connection_status_check
        CHECK (connection_status IN ('pending', 'connected', 'error'))
);
COMMENT ON TABLE cloud_accounts IS 'Cloud provider accounts';
CREATE INDEX cloud_accounts_team_id_idx ON cloud_accounts (team_id);
CREATE INDEX cloud_accounts_connection_status_idx ON cloud_accounts (connection_status);
CREATE INDEX cloud_accounts_organization_uid_idx ON cloud_accounts (organization_uid);
CREATE INDEX cloud_accounts_created_at_idx ON cloud_accounts (created_at);

-- ---------------------------------------------------------------------------------------------
-- Prowler `Resource`.
CREATE TABLE cloud_assets (
    id                       uuid        NOT NULL DEFAULT gen_random_uuid(),
    account_id               uuid        NOT NULL,
    uid                      text        NOT NULL,
    name                     text,
    type                     text,
    service                  text,
    region                   text,
    partition                text,
    tags                     jsonb       NOT NULL DEFAULT '{}',
    details                  jsonb       NOT NULL DEFAULT '{}',
    metadata                 jsonb       NOT NULL DEFAULT '{}',
    internet_exposed         boolean     NOT NULL DEFAULT false,
    contains_sensitive_data  boolean     NOT NULL DEFAULT false,
    owner_team_id            uuid,
    failed_findings_count    integer     NOT NULL DEFAULT 0,
    first_seen_at            timestamptz NOT NULL DEFAULT now(),
    last_seen_at             timestamptz NOT NULL DEFAULT now(),
    deleted_at               timestamptz,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cloud_assets_pkey PRIMARY KEY (id),
    -- §17; also the index of cloud_assets_account_id_fkey (account_id leads).
    CONSTRAINT cloud_assets_account_id_uid_key UNIQUE (account_id, uid),
    CONSTRAINT cloud_assets_account_id_fkey FOREIGN KEY (account_id)
        REFERENCES cloud_accounts (id) ON DELETE CASCADE,
    CONSTRAINT cloud_assets_owner_team_id_fkey FOREIGN KEY (owner_team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT cloud_assets_failed_findings_count_check CHECK (failed_findings_count >= 0)
);
COMMENT ON TABLE cloud_assets IS 'Cloud infrastructure assets';
CREATE INDEX cloud_assets_owner_team_id_idx ON cloud_assets (owner_team_id);
CREATE INDEX cloud_assets_service_type_idx ON cloud_assets (service, type);
CREATE INDEX cloud_assets_type_idx ON cloud_assets (type);
CREATE INDEX cloud_assets_region_idx ON cloud_assets (region);
CREATE INDEX cloud_assets_last_seen_at_idx ON cloud_assets (last_seen_at);
-- Exposure views: live assets reachable from the internet.
CREATE INDEX cloud_assets_internet_exposed_idx ON cloud_assets (account_id)
    WHERE internet_exposed AND deleted_at IS NULL;
CREATE INDEX cloud_assets_tags_idx ON cloud_assets USING gin (tags jsonb_path_ops);

-- ---------------------------------------------------------------------------------------------
-- Prowler finding (one per check × resource).
CREATE TABLE misconfigurations (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    account_id        uuid        NOT NULL,
    asset_id          uuid,
    scan_ref          text,
    uid               text        NOT NULL,
    check_id          text        NOT NULL,
    check_title       text,
    check_type        text[]      NOT NULL DEFAULT '{}',
    service_name      text,
    subservice_name   text,
    severity          text        NOT NULL,
    status            text        NOT NULL,
    status_extended   text,
    muted             boolean     NOT NULL DEFAULT false,
    muted_reason      text,
    muted_at          timestamptz,
    delta             text,
    region            text,
    resource_type     text,
    description       text,
    risk              text,
    related_url       text,
    remediation       jsonb       NOT NULL DEFAULT '{}',
    compliance        jsonb       NOT NULL DEFAULT '{}',
    categories        text[]      NOT NULL DEFAULT '{}',
    workflow_status   text        NOT NULL DEFAULT 'open',
    assignee_id       uuid,
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at      timestamptz NOT NULL DEFAULT now(),
    project_issue_id  uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT misconfigurations_pkey PRIMARY KEY (id),
    CONSTRAINT misconfigurations_uid_key UNIQUE (uid),
    CONSTRAINT misconfigurations_account_id_fkey FOREIGN KEY (account_id)
        REFERENCES cloud_accounts (id) ON DELETE CASCADE,
    CONSTRAINT misconfigurations_asset_id_fkey FOREIGN KEY (asset_id)
        REFERENCES cloud_assets (id) ON DELETE SET NULL,
    CONSTRAINT misconfigurations_assignee_id_fkey FOREIGN KEY (assignee_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT misconfigurations_project_issue_id_fkey FOREIGN KEY (project_issue_id)
        REFERENCES project_issues (id) ON DELETE SET NULL,
    CONSTRAINT misconfigurations_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'informational')),
    CONSTRAINT misconfigurations_status_check CHECK (status IN ('PASS', 'FAIL', 'MANUAL')),
    CONSTRAINT misconfigurations_delta_check CHECK (delta IN ('new', 'changed')),
    CONSTRAINT misconfigurations_workflow_status_check
        CHECK (workflow_status IN ('open', 'in_progress', 'resolved', 'risk_accepted')),
    CONSTRAINT misconfigurations_remediation_check CHECK (jsonb_typeof(remediation) = 'object'),
    CONSTRAINT misconfigurations_compliance_check CHECK (jsonb_typeof(compliance) = 'object')
);
COMMENT ON TABLE misconfigurations IS 'Cloud security misconfigurations';
-- An account's findings by status and severity; also the FK index.
CREATE INDEX misconfigurations_account_id_status_severity_idx
    ON misconfigurations (account_id, status, severity);
CREATE INDEX misconfigurations_asset_id_idx ON misconfigurations (asset_id);
CREATE INDEX misconfigurations_assignee_id_idx ON misconfigurations (assignee_id);
CREATE INDEX misconfigurations_project_issue_id_idx ON misconfigurations (project_issue_id);
CREATE INDEX misconfigurations_check_id_idx ON misconfigurations (check_id);
CREATE INDEX misconfigurations_status_severity_idx ON misconfigurations (status, severity);
CREATE INDEX misconfigurations_workflow_status_idx ON misconfigurations (workflow_status);
CREATE INDEX misconfigurations_last_seen_at_idx ON misconfigurations (last_seen_at);
-- §17: "findings mapped to CIS-2.0 / ISO27001-2022 …" (jsonb containment / key lookups).
CREATE INDEX misconfigurations_compliance_idx ON misconfigurations USING gin (compliance);
CREATE INDEX misconfigurations_categories_idx ON misconfigurations USING gin (categories);

-- ---------------------------------------------------------------------------------------------
-- Prowler `ComplianceOverview` (logic #7 roll-up).
CREATE TABLE compliance_reports (
    id                   uuid         NOT NULL DEFAULT gen_random_uuid(),
    account_id           uuid         NOT NULL,
    scan_ref             text,
    compliance_id        text         NOT NULL,
    framework_name       text,
    version              text,
    region               text,
    -- References compliance_frameworks (compliance crate, earlier in the migration order).
    framework_id         uuid,
    total_requirements   integer      NOT NULL DEFAULT 0,
    requirements_passed  integer      NOT NULL DEFAULT 0,
    requirements_failed  integer      NOT NULL DEFAULT 0,
    requirements_manual  integer      NOT NULL DEFAULT 0,
    requirements         jsonb        NOT NULL DEFAULT '{}',
    score_pct            numeric(5,2),
    generated_at         timestamptz  NOT NULL DEFAULT now(),
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT compliance_reports_pkey PRIMARY KEY (id),
    CONSTRAINT compliance_reports_account_id_fkey FOREIGN KEY (account_id)
        REFERENCES cloud_accounts (id) ON DELETE CASCADE,
    CONSTRAINT compliance_reports_framework_id_fkey FOREIGN KEY (framework_id)
        REFERENCES compliance_frameworks (id) ON DELETE SET NULL,
    CONSTRAINT compliance_reports_total_requirements_check CHECK (total_requirements >= 0),
    CONSTRAINT compliance_reports_requirements_passed_check CHECK (requirements_passed >= 0),
    CONSTRAINT compliance_reports_requirements_failed_check CHECK (requirements_failed >= 0),
    CONSTRAINT compliance_reports_requirements_manual_check CHECK (requirements_manual >= 0),
    CONSTRAINT compliance_reports_requirements_check CHECK (jsonb_typeof(requirements) = 'object'),
    CONSTRAINT compliance_reports_score_pct_check CHECK (score_pct BETWEEN 0 AND 100)
);
COMMENT ON TABLE compliance_reports IS 'Cloud compliance assessments';
-- An account's reports per framework over time; also the FK index.
CREATE INDEX compliance_reports_account_id_compliance_id_generated_at_idx
    ON compliance_reports (account_id, compliance_id, generated_at);
CREATE INDEX compliance_reports_framework_id_idx ON compliance_reports (framework_id);
CREATE INDEX compliance_reports_compliance_id_idx ON compliance_reports (compliance_id);
CREATE INDEX compliance_reports_generated_at_idx ON compliance_reports (generated_at);

-- ---------------------------------------------------------------------------------------------
-- CASB discovery; one row per application domain.
CREATE TABLE saas_applications (
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    name             text        NOT NULL,
    domain           text        NOT NULL,
    vendor           text,
    category         text,
    sanction_status  text        NOT NULL DEFAULT 'under_review',
    risk_score       smallint,
    users_count      integer     NOT NULL DEFAULT 0,
    bytes_uploaded   bigint      NOT NULL DEFAULT 0,
    sso_enabled      boolean     NOT NULL DEFAULT false,
    mfa_enforced     boolean     NOT NULL DEFAULT false,
    certifications   text[]      NOT NULL DEFAULT '{}',
    oauth_scopes     text[]      NOT NULL DEFAULT '{}',
    data_residency   text,
    first_seen_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at     timestamptz NOT NULL DEFAULT now(),
    owner_team_id    uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT saas_applications_pkey PRIMARY KEY (id),
    CONSTRAINT saas_applications_domain_key UNIQUE (domain),
    CONSTRAINT saas_applications_owner_team_id_fkey FOREIGN KEY (owner_team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT saas_applications_sanction_status_check
        CHECK (sanction_status IN ('sanctioned', 'unsanctioned', 'under_review', 'blocked')),
    CONSTRAINT saas_applications_risk_score_check CHECK (risk_score BETWEEN 0 AND 100),
    CONSTRAINT saas_applications_users_count_check CHECK (users_count >= 0),
    CONSTRAINT saas_applications_bytes_uploaded_check CHECK (bytes_uploaded >= 0)
);
COMMENT ON TABLE saas_applications IS 'SaaS application discovery';
CREATE INDEX saas_applications_owner_team_id_idx ON saas_applications (owner_team_id);
CREATE INDEX saas_applications_sanction_status_idx ON saas_applications (sanction_status);
CREATE INDEX saas_applications_risk_score_idx ON saas_applications (risk_score);
CREATE INDEX saas_applications_category_idx ON saas_applications (category);
CREATE INDEX saas_applications_last_seen_at_idx ON saas_applications (last_seen_at);

-- ---------------------------------------------------------------------------------------------
-- High-volume, append-only (partitioning by month comes later). CloudTrail / SaaS audit events.
CREATE TABLE user_activities (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    event_time     timestamptz NOT NULL,
    ingested_at    timestamptz NOT NULL DEFAULT now(),
    account_id     uuid,
    saas_app_id    uuid,
    provider       text,
    event_source   text,
    event_name     text        NOT NULL,
    read_only      boolean,
    actor_type     text,
    actor_arn      text,
    iam_user_id    uuid,
    source_ip      inet,
    user_agent     text,
    region         text,
    geo_country    text,
    resources      jsonb       NOT NULL DEFAULT '[]',
    error_code     text,
    error_message  text,
    risk_flags     text[]      NOT NULL DEFAULT '{}',
    raw            jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_activities_pkey PRIMARY KEY (id),
    CONSTRAINT user_activities_account_id_fkey FOREIGN KEY (account_id)
        REFERENCES cloud_accounts (id) ON DELETE SET NULL,
    CONSTRAINT user_activities_saas_app_id_fkey FOREIGN KEY (saas_app_id)
        REFERENCES saas_applications (id) ON DELETE SET NULL,
    CONSTRAINT user_activities_iam_user_id_fkey FOREIGN KEY (iam_user_id)
        REFERENCES iam_users (id) ON DELETE SET NULL,
    CONSTRAINT user_activities_actor_type_check
        CHECK (actor_type IN ('Root', 'IAMUser', 'AssumedRole', 'FederatedUser', 'AWSService',
                              'SaaSUser')),
    CONSTRAINT user_activities_geo_country_check CHECK (char_length(geo_country) = 2),
    CONSTRAINT user_activities_resources_check CHECK (jsonb_typeof(resources) = 'array')
);
COMMENT ON TABLE user_activities IS 'Cloud user activity monitoring';
CREATE INDEX user_activities_event_time_idx ON user_activities USING brin (event_time);
CREATE INDEX user_activities_account_id_event_time_idx ON user_activities (account_id, event_time);
CREATE INDEX user_activities_saas_app_id_event_time_idx ON user_activities (saas_app_id, event_time);
CREATE INDEX user_activities_iam_user_id_event_time_idx ON user_activities (iam_user_id, event_time);
CREATE INDEX user_activities_event_name_idx ON user_activities (event_name);
CREATE INDEX user_activities_source_ip_idx ON user_activities (source_ip);
CREATE INDEX user_activities_risk_flags_idx ON user_activities USING gin (risk_flags);

-- ---------------------------------------------------------------------------------------------
-- Amazon Macie-like sensitive-data findings in cloud storage and SaaS.
CREATE TABLE cloud_dlp_incidents (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    account_id         uuid,
    asset_id           uuid,
    saas_app_id        uuid,
    finding_type       text        NOT NULL,
    object_path        text,
    identifiers        jsonb       NOT NULL DEFAULT '[]',
    occurrences        integer     NOT NULL DEFAULT 0,
    severity           text        NOT NULL,
    actor_iam_user_id  uuid,
    action_taken       text        NOT NULL DEFAULT 'none',
    status             text        NOT NULL DEFAULT 'new',
    -- References dlp_policies (data_security crate, earlier in the migration order).
    dlp_policy_id      uuid,
    first_seen_at      timestamptz NOT NULL DEFAULT now(),
    last_seen_at       timestamptz NOT NULL DEFAULT now(),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cloud_dlp_incidents_pkey PRIMARY KEY (id),
    CONSTRAINT cloud_dlp_incidents_account_id_fkey FOREIGN KEY (account_id)
        REFERENCES cloud_accounts (id) ON DELETE SET NULL,
    CONSTRAINT cloud_dlp_incidents_asset_id_fkey FOREIGN KEY (asset_id)
        REFERENCES cloud_assets (id) ON DELETE SET NULL,
    CONSTRAINT cloud_dlp_incidents_saas_app_id_fkey FOREIGN KEY (saas_app_id)
        REFERENCES saas_applications (id) ON DELETE SET NULL,
    CONSTRAINT cloud_dlp_incidents_actor_iam_user_id_fkey FOREIGN KEY (actor_iam_user_id)
        REFERENCES iam_users (id) ON DELETE SET NULL,
    CONSTRAINT cloud_dlp_incidents_dlp_policy_id_fkey FOREIGN KEY (dlp_policy_id)
        REFERENCES dlp_policies (id) ON DELETE SET NULL,
    CONSTRAINT cloud_dlp_incidents_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT cloud_dlp_incidents_action_taken_check
        CHECK (action_taken IN ('none', 'notified', 'quarantined', 'access_revoked', 'encrypted',
                                'deleted')),
    CONSTRAINT cloud_dlp_incidents_status_check
        CHECK (status IN ('new', 'triaged', 'resolved', 'false_positive')),
    CONSTRAINT cloud_dlp_incidents_identifiers_check CHECK (jsonb_typeof(identifiers) = 'array'),
    CONSTRAINT cloud_dlp_incidents_occurrences_check CHECK (occurrences >= 0)
);
COMMENT ON TABLE cloud_dlp_incidents IS 'Cloud DLP violations';
CREATE INDEX cloud_dlp_incidents_account_id_idx ON cloud_dlp_incidents (account_id);
CREATE INDEX cloud_dlp_incidents_asset_id_idx ON cloud_dlp_incidents (asset_id);
CREATE INDEX cloud_dlp_incidents_saas_app_id_idx ON cloud_dlp_incidents (saas_app_id);
CREATE INDEX cloud_dlp_incidents_actor_iam_user_id_idx ON cloud_dlp_incidents (actor_iam_user_id);
CREATE INDEX cloud_dlp_incidents_dlp_policy_id_idx ON cloud_dlp_incidents (dlp_policy_id);
CREATE INDEX cloud_dlp_incidents_status_severity_idx ON cloud_dlp_incidents (status, severity);
CREATE INDEX cloud_dlp_incidents_finding_type_idx ON cloud_dlp_incidents (finding_type);
CREATE INDEX cloud_dlp_incidents_last_seen_at_idx ON cloud_dlp_incidents (last_seen_at);

-- ---------------------------------------------------------------------------------------------
-- GuardDuty-like threat findings.
CREATE TABLE cloud_threats (
    id                uuid         NOT NULL DEFAULT gen_random_uuid(),
    account_id        uuid         NOT NULL,
    asset_id          uuid,
    finding_type      text         NOT NULL,
    title             text         NOT NULL,
    description       text,
    severity_score    numeric(3,1),
    severity          text         NOT NULL,
    confidence        smallint,
    action_type       text,
    actor             jsonb,
    mitre_tactics     text[]       NOT NULL DEFAULT '{}',
    mitre_techniques  text[]       NOT NULL DEFAULT '{}',
    count             integer      NOT NULL DEFAULT 1,
    first_seen_at     timestamptz  NOT NULL DEFAULT now(),
    last_seen_at      timestamptz  NOT NULL DEFAULT now(),
    archived          boolean      NOT NULL DEFAULT false,
    status            text         NOT NULL DEFAULT 'new',
    -- References incidents (incidents crate, earlier in the migration order).
    incident_id       uuid,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT cloud_threats_pkey PRIMARY KEY (id),
    CONSTRAINT cloud_threats_account_id_fkey FOREIGN KEY (account_id)
        REFERENCES cloud_accounts (id) ON DELETE CASCADE,
    CONSTRAINT cloud_threats_asset_id_fkey FOREIGN KEY (asset_id)
        REFERENCES cloud_assets (id) ON DELETE SET NULL,
    CONSTRAINT cloud_threats_incident_id_fkey FOREIGN KEY (incident_id)
        REFERENCES incidents (id) ON DELETE SET NULL,
    -- GuardDuty severity scale.
    CONSTRAINT cloud_threats_severity_score_check CHECK (severity_score BETWEEN 1.0 AND 10.0),
    CONSTRAINT cloud_threats_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT cloud_threats_confidence_check CHECK (confidence BETWEEN 0 AND 100),
    CONSTRAINT cloud_threats_action_type_check
        CHECK (action_type IN ('network_connection', 'aws_api_call', 'dns_request', 'port_probe',
                               'kubernetes_api_call', 'runtime')),
    CONSTRAINT cloud_threats_count_check CHECK (count >= 1),
    CONSTRAINT cloud_threats_status_check
        CHECK (status IN ('new', 'investigating', 'resolved', 'false_positive')),
    CONSTRAINT cloud_threats_actor_check CHECK (jsonb_typeof(actor) = 'object')
);
COMMENT ON TABLE cloud_threats IS 'Cloud security threats';
CREATE INDEX cloud_threats_account_id_idx ON cloud_threats (account_id);
CREATE INDEX cloud_threats_asset_id_idx ON cloud_threats (asset_id);
CREATE INDEX cloud_threats_incident_id_idx ON cloud_threats (incident_id);
-- Triage queue (archived findings are out of it).
CREATE INDEX cloud_threats_status_severity_idx ON cloud_threats (status, severity) WHERE NOT archived;
CREATE INDEX cloud_threats_finding_type_idx ON cloud_threats (finding_type);
CREATE INDEX cloud_threats_last_seen_at_idx ON cloud_threats (last_seen_at);
CREATE INDEX cloud_threats_mitre_techniques_idx ON cloud_threats USING gin (mitre_techniques);

-- ---------------------------------------------------------------------------------------------
-- Cloudsplaining-style IAM risk findings.
CREATE TABLE iam_risks (
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    account_id      uuid        NOT NULL,
    asset_id        uuid,
    principal_type  text        NOT NULL,
    principal_uid   text        NOT NULL,
    iam_user_id     uuid,
    risk_type       text        NOT NULL,
    policy_name     text,
    actions         text[]      NOT NULL DEFAULT '{}',
    resources       text[]      NOT NULL DEFAULT '{}',
    severity        text        NOT NULL,
    evidence        jsonb       NOT NULL DEFAULT '{}',
    last_used_at    timestamptz,
    status          text        NOT NULL DEFAULT 'open',
    check_id        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT iam_risks_pkey PRIMARY KEY (id),
    CONSTRAINT iam_risks_account_id_fkey FOREIGN KEY (account_id)
        REFERENCES cloud_accounts (id) ON DELETE CASCADE,
    CONSTRAINT iam_risks_asset_id_fkey FOREIGN KEY (asset_id)
        REFERENCES cloud_assets (id) ON DELETE SET NULL,
    CONSTRAINT iam_risks_iam_user_id_fkey FOREIGN KEY (iam_user_id)
        REFERENCES iam_users (id) ON DELETE SET NULL,
    CONSTRAINT iam_risks_principal_type_check
        CHECK (principal_type IN ('user', 'role', 'group', 'policy', 'service_account')),
    CONSTRAINT iam_risks_risk_type_check
        CHECK (risk_type IN ('privilege_escalation', 'resource_exposure', 'data_exfiltration',
                             'infrastructure_modification', 'credentials_exposure', 'admin_access',
                             'unused_credentials', 'no_mfa', 'stale_access_key',
                             'cross_account_trust', 'public_trust')),
    CONSTRAINT iam_risks_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT iam_risks_status_check CHECK (status IN ('open', 'accepted', 'remediated'))
);
COMMENT ON TABLE iam_risks IS 'Cloud IAM risk assessments';
CREATE INDEX iam_risks_account_id_principal_uid_idx ON iam_risks (account_id, principal_uid);
CREATE INDEX iam_risks_asset_id_idx ON iam_risks (asset_id);
CREATE INDEX iam_risks_iam_user_id_idx ON iam_risks (iam_user_id);
CREATE INDEX iam_risks_status_severity_idx ON iam_risks (status, severity);
CREATE INDEX iam_risks_risk_type_idx ON iam_risks (risk_type);
CREATE INDEX iam_risks_created_at_idx ON iam_risks (created_at);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE ddos_protection (
    id                  uuid        NOT NULL DEFAULT gen_random_uuid(),
    asset_id            uuid,
    account_id          uuid        NOT NULL,
    provider            text        NOT NULL,
    protection_enabled  boolean     NOT NULL DEFAULT false,
    l7_auto_mitigation  boolean     NOT NULL DEFAULT false,
    health_check_ids    text[]      NOT NULL DEFAULT '{}',
    status              text        NOT NULL DEFAULT 'unprotected',
    attacks             jsonb       NOT NULL DEFAULT '[]',
    last_attack_at      timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ddos_protection_pkey PRIMARY KEY (id),
    -- One protection record per asset and provider; also the index of
    -- ddos_protection_asset_id_fkey (asset_id leads).
    CONSTRAINT ddos_protection_asset_id_provider_key UNIQUE (asset_id, provider),
    CONSTRAINT ddos_protection_asset_id_fkey FOREIGN KEY (asset_id)
        REFERENCES cloud_assets (id) ON DELETE SET NULL,
    CONSTRAINT ddos_protection_account_id_fkey FOREIGN KEY (account_id)
        REFERENCES cloud_accounts (id) ON DELETE CASCADE,
    CONSTRAINT ddos_protection_provider_check
        CHECK (provider IN ('aws_shield_standard', 'aws_shield_advanced', 'azure_ddos', 'gcp_armor',
                            'cloudflare', 'other')),
    CONSTRAINT ddos_protection_status_check
        CHECK (status IN ('protected', 'unprotected', 'under_attack', 'degraded')),
    CONSTRAINT ddos_protection_attacks_check CHECK (jsonb_typeof(attacks) = 'array')
);
COMMENT ON TABLE ddos_protection IS 'DDoS protection status';
CREATE INDEX ddos_protection_account_id_idx ON ddos_protection (account_id);
CREATE INDEX ddos_protection_status_idx ON ddos_protection (status);
CREATE INDEX ddos_protection_last_attack_at_idx ON ddos_protection (last_attack_at);

-- ---------------------------------------------------------------------------------------------
-- Daily posture snapshot per account (logic #7: PASS / (PASS + FAIL) over non-muted findings).
CREATE TABLE cloud_security_posture (
    id                 uuid         NOT NULL DEFAULT gen_random_uuid(),
    account_id         uuid         NOT NULL,
    snapshot_date      date         NOT NULL DEFAULT current_date,
    posture_score_pct  numeric(5,2),
    pass_count         integer      NOT NULL DEFAULT 0,
    fail_count         integer      NOT NULL DEFAULT 0,
    manual_count       integer      NOT NULL DEFAULT 0,
    fail_by_severity   jsonb        NOT NULL DEFAULT '{}',
    compliance_scores  jsonb        NOT NULL DEFAULT '{}',
    resources_total    integer      NOT NULL DEFAULT 0,
    resources_failing  integer      NOT NULL DEFAULT 0,
    score_delta_7d     numeric(5,2),
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT cloud_security_posture_pkey PRIMARY KEY (id),
    -- Also the index of cloud_security_posture_account_id_fkey (account_id leads).
    CONSTRAINT cloud_security_posture_account_id_snapshot_date_key UNIQUE (account_id, snapshot_date),
    CONSTRAINT cloud_security_posture_account_id_fkey FOREIGN KEY (account_id)
        REFERENCES cloud_accounts (id) ON DELETE CASCADE,
    CONSTRAINT cloud_security_posture_posture_score_pct_check
        CHECK (posture_score_pct BETWEEN 0 AND 100),
    CONSTRAINT cloud_security_posture_score_delta_7d_check
        CHECK (score_delta_7d BETWEEN -100 AND 100),
    CONSTRAINT cloud_security_posture_pass_count_check CHECK (pass_count >= 0),
    CONSTRAINT cloud_security_posture_fail_count_check CHECK (fail_count >= 0),
    CONSTRAINT cloud_security_posture_manual_count_check CHECK (manual_count >= 0),
    CONSTRAINT cloud_security_posture_resources_total_check CHECK (resources_total >= 0),
    CONSTRAINT cloud_security_posture_resources_failing_check CHECK (resources_failing >= 0),
    CONSTRAINT cloud_security_posture_fail_by_severity_check
        CHECK (jsonb_typeof(fail_by_severity) = 'object'),
    CONSTRAINT cloud_security_posture_compliance_scores_check
        CHECK (jsonb_typeof(compliance_scores) = 'object')
);
COMMENT ON TABLE cloud_security_posture IS 'Cloud security posture assessments';
CREATE INDEX cloud_security_posture_snapshot_date_idx ON cloud_security_posture (snapshot_date);

-- ---------------------------------------------------------------------------------------------
-- Normalised alert queue over the cloud finding tables (polymorphic source_table + source_id).
CREATE TABLE cloud_security_alerts (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    source_table   text        NOT NULL,
    source_id      uuid        NOT NULL,
    account_id     uuid,
    title          text        NOT NULL,
    severity       text        NOT NULL,
    status         text        NOT NULL DEFAULT 'new',
    assignee_id    uuid,
    dedupe_key     text        NOT NULL,
    occurrences    integer     NOT NULL DEFAULT 1,
    first_seen_at  timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    -- References incidents (incidents crate, earlier in the migration order).
    incident_id    uuid,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cloud_security_alerts_pkey PRIMARY KEY (id),
    CONSTRAINT cloud_security_alerts_dedupe_key_key UNIQUE (dedupe_key),
    CONSTRAINT cloud_security_alerts_account_id_fkey FOREIGN KEY (account_id)
        REFERENCES cloud_accounts (id) ON DELETE SET NULL,
    CONSTRAINT cloud_security_alerts_assignee_id_fkey FOREIGN KEY (assignee_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT cloud_security_alerts_incident_id_fkey FOREIGN KEY (incident_id)
        REFERENCES incidents (id) ON DELETE SET NULL,
    CONSTRAINT cloud_security_alerts_source_table_check
        CHECK (source_table IN ('misconfigurations', 'cloud_threats', 'cloud_dlp_incidents',
                                'iam_risks', 'ddos_protection')),
    CONSTRAINT cloud_security_alerts_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT cloud_security_alerts_status_check
        CHECK (status IN ('new', 'acknowledged', 'in_progress', 'resolved', 'suppressed')),
    CONSTRAINT cloud_security_alerts_occurrences_check CHECK (occurrences >= 1)
);
COMMENT ON TABLE cloud_security_alerts IS 'Cloud security alerting';
-- §17: the alert queue.
CREATE INDEX cloud_security_alerts_status_severity_idx ON cloud_security_alerts (status, severity);
CREATE INDEX cloud_security_alerts_account_id_idx ON cloud_security_alerts (account_id);
CREATE INDEX cloud_security_alerts_assignee_id_idx ON cloud_security_alerts (assignee_id);
CREATE INDEX cloud_security_alerts_incident_id_idx ON cloud_security_alerts (incident_id);
-- Back-pointer to the finding row.
CREATE INDEX cloud_security_alerts_source_table_source_id_idx
    ON cloud_security_alerts (source_table, source_id);
CREATE INDEX cloud_security_alerts_last_seen_at_idx ON cloud_security_alerts (last_seen_at);

-- ---------------------------------------------------------------------------------------------
-- Foreign keys of an earlier domain (data_security: rows about a database or an encrypted
-- resource carry an optional asset_id) into cloud_assets: that domain runs before this one, so
-- the constraints are added here (its columns are already indexed).
ALTER TABLE encrypted_assets ADD CONSTRAINT encrypted_assets_asset_id_fkey
    FOREIGN KEY (asset_id) REFERENCES cloud_assets (id) ON DELETE SET NULL;
ALTER TABLE database_encryption ADD CONSTRAINT database_encryption_asset_id_fkey
    FOREIGN KEY (asset_id) REFERENCES cloud_assets (id) ON DELETE SET NULL;
ALTER TABLE data_discovery ADD CONSTRAINT data_discovery_asset_id_fkey
    FOREIGN KEY (asset_id) REFERENCES cloud_assets (id) ON DELETE SET NULL;
ALTER TABLE database_access_requests ADD CONSTRAINT database_access_requests_asset_id_fkey
    FOREIGN KEY (asset_id) REFERENCES cloud_assets (id) ON DELETE SET NULL;
ALTER TABLE database_connections ADD CONSTRAINT database_connections_asset_id_fkey
    FOREIGN KEY (asset_id) REFERENCES cloud_assets (id) ON DELETE SET NULL;
ALTER TABLE database_audit_logs ADD CONSTRAINT database_audit_logs_asset_id_fkey
    FOREIGN KEY (asset_id) REFERENCES cloud_assets (id) ON DELETE SET NULL;
ALTER TABLE database_vulnerabilities ADD CONSTRAINT database_vulnerabilities_asset_id_fkey
    FOREIGN KEY (asset_id) REFERENCES cloud_assets (id) ON DELETE SET NULL;
ALTER TABLE data_masking ADD CONSTRAINT data_masking_asset_id_fkey
    FOREIGN KEY (asset_id) REFERENCES cloud_assets (id) ON DELETE SET NULL;
