-- dast: DAST projects (ZAP contexts), authenticated sessions, scans, alerts, payloads, reports.
-- Columns: docs domain-model.md §3 (OWASP ZAP / Burp). Enums are text + CHECK; every foreign
-- key is indexed. Creation order follows the foreign keys (sessions before scans).

-- ---------------------------------------------------------------------------------------------
CREATE TABLE dast_projects (
    id                       uuid        NOT NULL DEFAULT gen_random_uuid(),
    name                     text        NOT NULL,
    project_id               uuid        NOT NULL,
    base_url                 text        NOT NULL,
    environment              text        NOT NULL DEFAULT 'staging',
    include_patterns         text[]      NOT NULL DEFAULT '{}',
    exclude_patterns         text[]      NOT NULL DEFAULT '{}',
    tech_stack               text[]      NOT NULL DEFAULT '{}',
    auth_method              text        NOT NULL DEFAULT 'none',
    login_url                text,
    auth_config              jsonb       NOT NULL DEFAULT '{}',
    credentials_secret_ref   text,
    default_attack_strength  text        NOT NULL DEFAULT 'MEDIUM',
    default_alert_threshold  text        NOT NULL DEFAULT 'MEDIUM',
    openapi_url              text,
    graphql_endpoint         text,
    max_scan_duration_min    integer,
    schedule_cron            text,
    team_id                  uuid,
    created_by               uuid,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dast_projects_pkey PRIMARY KEY (id),
    -- Also the index of dast_projects_project_id_fkey (project_id leads).
    CONSTRAINT dast_projects_project_id_name_key UNIQUE (project_id, name),
    CONSTRAINT dast_projects_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT dast_projects_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT dast_projects_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT dast_projects_environment_check
        CHECK (environment IN ('dev', 'test', 'staging', 'production')),
    CONSTRAINT dast_projects_auth_method_check
        CHECK (auth_method IN ('none', 'form', 'json', 'http_basic', 'ntlm', 'script', 'browser',
                               'client_certificate')),
    CONSTRAINT dast_projects_default_attack_strength_check
        CHECK (default_attack_strength IN ('LOW', 'MEDIUM', 'HIGH', 'INSANE')),
    CONSTRAINT dast_projects_default_alert_threshold_check
        CHECK (default_alert_threshold IN ('OFF', 'LOW', 'MEDIUM', 'HIGH')),
    CONSTRAINT dast_projects_max_scan_duration_min_check CHECK (max_scan_duration_min > 0),
    CONSTRAINT dast_projects_auth_config_check CHECK (jsonb_typeof(auth_config) = 'object')
);
COMMENT ON TABLE dast_projects IS 'DAST project definitions';
CREATE INDEX dast_projects_team_id_idx ON dast_projects (team_id);
CREATE INDEX dast_projects_created_by_idx ON dast_projects (created_by);
CREATE INDEX dast_projects_environment_idx ON dast_projects (environment);
CREATE INDEX dast_projects_created_at_idx ON dast_projects (created_at);
CREATE INDEX dast_projects_tech_stack_idx ON dast_projects USING gin (tech_stack);

-- ---------------------------------------------------------------------------------------------
-- ZAP authentication + session management + verification of one context.
CREATE TABLE dast_sessions (
    id                      uuid        NOT NULL DEFAULT gen_random_uuid(),
    project_id              uuid        NOT NULL,
    name                    text        NOT NULL,
    username                text,
    credentials_secret_ref  text,
    session_management      text        NOT NULL DEFAULT 'cookie',
    token_names             text[]      NOT NULL DEFAULT '{}',
    logged_in_indicator     text,
    logged_out_indicator    text,
    verification            text        NOT NULL DEFAULT 'response',
    poll_url                text,
    status                  text        NOT NULL DEFAULT 'unverified',
    last_verified_at        timestamptz,
    expires_at              timestamptz,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dast_sessions_pkey PRIMARY KEY (id),
    -- Also the index of dast_sessions_project_id_fkey (project_id leads).
    CONSTRAINT dast_sessions_project_id_name_key UNIQUE (project_id, name),
    CONSTRAINT dast_sessions_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES dast_projects (id) ON DELETE CASCADE,
    CONSTRAINT dast_sessions_session_management_check
        CHECK (session_management IN ('cookie', 'http_auth', 'header', 'script')),
    CONSTRAINT dast_sessions_verification_check
        CHECK (verification IN ('response', 'request', 'both', 'poll_url')),
    CONSTRAINT dast_sessions_status_check
        CHECK (status IN ('unverified', 'active', 'expired', 'failed')),
    -- ZAP's poll verification needs the URL to poll.
    CONSTRAINT dast_sessions_poll_url_check
        CHECK (verification <> 'poll_url' OR poll_url IS NOT NULL)
);
COMMENT ON TABLE dast_sessions IS 'DAST scanning sessions';
CREATE INDEX dast_sessions_status_idx ON dast_sessions (status);
CREATE INDEX dast_sessions_expires_at_idx ON dast_sessions (expires_at);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE dast_scans (
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    project_id       uuid        NOT NULL,
    session_id       uuid,
    scan_type        text        NOT NULL,
    status           text        NOT NULL DEFAULT 'queued',
    progress_pct     smallint    NOT NULL DEFAULT 0,
    started_at       timestamptz,
    finished_at      timestamptz,
    duration_s       integer,
    policy           jsonb       NOT NULL DEFAULT '{}',
    target_urls      text[]      NOT NULL DEFAULT '{}',
    urls_discovered  integer     NOT NULL DEFAULT 0,
    requests_sent    integer     NOT NULL DEFAULT 0,
    alerts_high      integer     NOT NULL DEFAULT 0,
    alerts_medium    integer     NOT NULL DEFAULT 0,
    alerts_low       integer     NOT NULL DEFAULT 0,
    alerts_info      integer     NOT NULL DEFAULT 0,
    engine           text        NOT NULL DEFAULT 'zap',
    engine_version   text,
    error_message    text,
    triggered_by     uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dast_scans_pkey PRIMARY KEY (id),
    CONSTRAINT dast_scans_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES dast_projects (id) ON DELETE CASCADE,
    CONSTRAINT dast_scans_session_id_fkey FOREIGN KEY (session_id)
        REFERENCES dast_sessions (id) ON DELETE SET NULL,
    CONSTRAINT dast_scans_triggered_by_fkey FOREIGN KEY (triggered_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT dast_scans_scan_type_check
        CHECK (scan_type IN ('baseline', 'full', 'api', 'spider', 'ajax_spider', 'passive')),
    CONSTRAINT dast_scans_status_check
        CHECK (status IN ('queued', 'running', 'paused', 'completed', 'failed', 'stopped')),
    CONSTRAINT dast_scans_engine_check CHECK (engine IN ('zap', 'burp', 'nuclei', 'other')),
    CONSTRAINT dast_scans_progress_pct_check CHECK (progress_pct BETWEEN 0 AND 100),
    CONSTRAINT dast_scans_finished_at_check CHECK (finished_at >= started_at),
    CONSTRAINT dast_scans_duration_s_check CHECK (duration_s >= 0),
    CONSTRAINT dast_scans_counts_check
        CHECK (urls_discovered >= 0 AND requests_sent >= 0 AND alerts_high >= 0
               AND alerts_medium >= 0 AND alerts_low >= 0 AND alerts_info >= 0),
    CONSTRAINT dast_scans_policy_check CHECK (jsonb_typeof(policy) = 'object')
);
COMMENT ON TABLE dast_scans IS 'DAST scan executions';
-- A project's scan history, newest first; also the FK index.
CREATE INDEX dast_scans_project_id_created_at_idx ON dast_scans (project_id, created_at);
CREATE INDEX dast_scans_session_id_idx ON dast_scans (session_id);
CREATE INDEX dast_scans_triggered_by_idx ON dast_scans (triggered_by);
CREATE INDEX dast_scans_status_idx ON dast_scans (status);
CREATE INDEX dast_scans_started_at_idx ON dast_scans (started_at);
CREATE INDEX dast_scans_created_at_idx ON dast_scans (created_at);

-- ---------------------------------------------------------------------------------------------
-- One row per ZAP alert instance, identified inside a scan by
-- (plugin_id, alert_ref, name, method, url, param) (ZAP Alert.compareTo); further identical
-- instances only increment instance_count. hash_code (title, cwe, severity; logic #4) groups the
-- rows across scans. No unique constraint on that identity: URLs can outgrow a btree entry.
CREATE TABLE dast_vulnerabilities (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    scan_id           uuid        NOT NULL,
    project_id        uuid        NOT NULL,
    plugin_id         integer,
    alert_ref         text,
    name              text        NOT NULL,
    risk              smallint    NOT NULL,
    confidence        smallint    NOT NULL,
    severity          text        NOT NULL,
    cwe_id            integer,
    wasc_id           integer,
    source            text        NOT NULL DEFAULT 'UNKNOWN',
    tags              jsonb       NOT NULL DEFAULT '{}',
    description       text,
    solution          text,
    reference         text,
    other_info        text,
    url               text        NOT NULL,
    method            text,
    param             text,
    attack            text,
    evidence          text,
    input_vector      text,
    request_excerpt   text,
    response_excerpt  text,
    message_ref       text,
    instance_count    integer     NOT NULL DEFAULT 1,
    hash_code         text,
    status            text        NOT NULL DEFAULT 'open',
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at      timestamptz NOT NULL DEFAULT now(),
    project_issue_id  uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dast_vulnerabilities_pkey PRIMARY KEY (id),
    CONSTRAINT dast_vulnerabilities_scan_id_fkey FOREIGN KEY (scan_id)
        REFERENCES dast_scans (id) ON DELETE CASCADE,
    CONSTRAINT dast_vulnerabilities_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES dast_projects (id) ON DELETE CASCADE,
    CONSTRAINT dast_vulnerabilities_project_issue_id_fkey FOREIGN KEY (project_issue_id)
        REFERENCES project_issues (id) ON DELETE SET NULL,
    CONSTRAINT dast_vulnerabilities_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT dast_vulnerabilities_source_check
        CHECK (source IN ('ACTIVE', 'PASSIVE', 'MANUAL', 'TOOL', 'UNKNOWN')),
    CONSTRAINT dast_vulnerabilities_status_check
        CHECK (status IN ('open', 'confirmed', 'false_positive', 'risk_accepted', 'fixed',
                          'reopened')),
    -- ZAP risk: 0 Informational, 1 Low, 2 Medium, 3 High.
    CONSTRAINT dast_vulnerabilities_risk_check CHECK (risk BETWEEN 0 AND 3),
    -- ZAP confidence: 0 False Positive, 1 Low, 2 Medium, 3 High, 4 Confirmed (user set).
    CONSTRAINT dast_vulnerabilities_confidence_check CHECK (confidence BETWEEN 0 AND 4),
    CONSTRAINT dast_vulnerabilities_cwe_id_check CHECK (cwe_id >= 0),
    CONSTRAINT dast_vulnerabilities_wasc_id_check CHECK (wasc_id >= 0),
    CONSTRAINT dast_vulnerabilities_instance_count_check CHECK (instance_count >= 1),
    CONSTRAINT dast_vulnerabilities_hash_code_check CHECK (char_length(hash_code) = 64),
    CONSTRAINT dast_vulnerabilities_last_seen_at_check CHECK (last_seen_at >= first_seen_at),
    CONSTRAINT dast_vulnerabilities_tags_check CHECK (jsonb_typeof(tags) = 'object')
);
COMMENT ON TABLE dast_vulnerabilities IS 'Web application vulnerabilities';
-- §17: cross-scan deduplication inside a DAST project; also the project_id FK index.
CREATE INDEX dast_vulnerabilities_project_id_hash_code_idx
    ON dast_vulnerabilities (project_id, hash_code);
-- ZAP alert identity lookups inside a scan (logic #4); also the scan_id FK index.
CREATE INDEX dast_vulnerabilities_scan_id_plugin_id_alert_ref_idx
    ON dast_vulnerabilities (scan_id, plugin_id, alert_ref);
CREATE INDEX dast_vulnerabilities_project_issue_id_idx ON dast_vulnerabilities (project_issue_id);
CREATE INDEX dast_vulnerabilities_status_idx ON dast_vulnerabilities (status);
CREATE INDEX dast_vulnerabilities_severity_idx ON dast_vulnerabilities (severity);
CREATE INDEX dast_vulnerabilities_cwe_id_idx ON dast_vulnerabilities (cwe_id);
CREATE INDEX dast_vulnerabilities_last_seen_at_idx ON dast_vulnerabilities (last_seen_at);
CREATE INDEX dast_vulnerabilities_created_at_idx ON dast_vulnerabilities (created_at);
-- Tag filters (`OWASP_2021_A03`, …): jsonb hasKey / contains.
CREATE INDEX dast_vulnerabilities_tags_idx ON dast_vulnerabilities USING gin (tags);

-- ---------------------------------------------------------------------------------------------
-- Payloads sent for a finding, or catalogue payloads (vulnerability_id null).
CREATE TABLE dast_payloads (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    vulnerability_id  uuid,
    plugin_id         integer,
    category          text        NOT NULL,
    payload           text        NOT NULL,
    encoding          text        NOT NULL DEFAULT 'none',
    input_vector      text,
    parameter         text,
    http_status       smallint,
    response_time_ms  integer,
    matched_evidence  text,
    outcome           text,
    sent_at           timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dast_payloads_pkey PRIMARY KEY (id),
    CONSTRAINT dast_payloads_vulnerability_id_fkey FOREIGN KEY (vulnerability_id)
        REFERENCES dast_vulnerabilities (id) ON DELETE CASCADE,
    CONSTRAINT dast_payloads_category_check
        CHECK (category IN ('sqli', 'xss', 'path_traversal', 'command_injection', 'ssrf', 'xxe',
                            'ssti', 'open_redirect', 'header_injection', 'other')),
    CONSTRAINT dast_payloads_encoding_check
        CHECK (encoding IN ('none', 'url', 'html', 'base64', 'unicode', 'double_url')),
    CONSTRAINT dast_payloads_input_vector_check
        CHECK (input_vector IN ('query', 'form', 'json', 'xml', 'header', 'cookie', 'path',
                                'multipart', 'graphql')),
    CONSTRAINT dast_payloads_outcome_check
        CHECK (outcome IN ('no_effect', 'anomaly', 'confirmed')),
    CONSTRAINT dast_payloads_http_status_check CHECK (http_status BETWEEN 100 AND 599),
    CONSTRAINT dast_payloads_response_time_ms_check CHECK (response_time_ms >= 0)
);
COMMENT ON TABLE dast_payloads IS 'Attack payloads used';
CREATE INDEX dast_payloads_vulnerability_id_idx ON dast_payloads (vulnerability_id);
CREATE INDEX dast_payloads_category_idx ON dast_payloads (category);
CREATE INDEX dast_payloads_plugin_id_idx ON dast_payloads (plugin_id);
CREATE INDEX dast_payloads_outcome_idx ON dast_payloads (outcome);
CREATE INDEX dast_payloads_created_at_idx ON dast_payloads (created_at);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE dast_reports (
    id                    uuid        NOT NULL DEFAULT gen_random_uuid(),
    scan_id               uuid        NOT NULL,
    template              text        NOT NULL,
    format                text        NOT NULL,
    sections              text[]      NOT NULL DEFAULT '{}',
    risk_threshold        smallint    NOT NULL DEFAULT 0,
    confidence_threshold  smallint    NOT NULL DEFAULT 1,
    storage_uri           text,
    sha256                text,
    size_bytes            bigint,
    summary               jsonb       NOT NULL DEFAULT '{}',
    generated_by          uuid,
    generated_at          timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dast_reports_pkey PRIMARY KEY (id),
    CONSTRAINT dast_reports_scan_id_fkey FOREIGN KEY (scan_id)
        REFERENCES dast_scans (id) ON DELETE CASCADE,
    CONSTRAINT dast_reports_generated_by_fkey FOREIGN KEY (generated_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT dast_reports_template_check
        CHECK (template IN ('traditional-html', 'traditional-json', 'traditional-xml',
                            'traditional-md', 'sarif-json', 'risk-confidence-html', 'modern',
                            'traditional-pdf')),
    CONSTRAINT dast_reports_format_check
        CHECK (format IN ('html', 'json', 'xml', 'md', 'sarif', 'pdf')),
    CONSTRAINT dast_reports_risk_threshold_check CHECK (risk_threshold BETWEEN 0 AND 3),
    CONSTRAINT dast_reports_confidence_threshold_check
        CHECK (confidence_threshold BETWEEN 0 AND 4),
    CONSTRAINT dast_reports_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT dast_reports_size_bytes_check CHECK (size_bytes >= 0),
    CONSTRAINT dast_reports_summary_check CHECK (jsonb_typeof(summary) = 'object')
);
COMMENT ON TABLE dast_reports IS 'DAST scan reports';
CREATE INDEX dast_reports_scan_id_idx ON dast_reports (scan_id);
CREATE INDEX dast_reports_generated_by_idx ON dast_reports (generated_by);
CREATE INDEX dast_reports_created_at_idx ON dast_reports (created_at);
