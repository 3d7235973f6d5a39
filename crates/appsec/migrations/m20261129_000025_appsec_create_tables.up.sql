-- appsec: scans and findings of tools without a family of their own (SCA, container images,
-- IaC, secrets, licences, SBOM). Columns: docs domain-model.md §14. Enums are text + CHECK;
-- every foreign key is indexed. Findings are copied into project_issues (project_issue_id).

-- ---------------------------------------------------------------------------------------------
CREATE TABLE app_security_scans (
    id                  uuid        NOT NULL DEFAULT gen_random_uuid(),
    project_id          uuid        NOT NULL,
    project_scan_id     uuid,
    scan_kind           text        NOT NULL,
    tool                text        NOT NULL,
    tool_version        text,
    target              text        NOT NULL,
    status              text        NOT NULL DEFAULT 'queued',
    started_at          timestamptz,
    finished_at         timestamptz,
    counts_by_severity  jsonb       NOT NULL DEFAULT '{}',
    sbom_uri            text,
    error               text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_security_scans_pkey PRIMARY KEY (id),
    CONSTRAINT app_security_scans_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT app_security_scans_project_scan_id_fkey FOREIGN KEY (project_scan_id)
        REFERENCES project_scans (id) ON DELETE SET NULL,
    CONSTRAINT app_security_scans_scan_kind_check
        CHECK (scan_kind IN ('sca', 'container', 'iac', 'secrets', 'license', 'sbom')),
    CONSTRAINT app_security_scans_status_check
        CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    CONSTRAINT app_security_scans_finished_at_check CHECK (finished_at >= started_at),
    CONSTRAINT app_security_scans_counts_by_severity_check
        CHECK (jsonb_typeof(counts_by_severity) = 'object')
);
COMMENT ON TABLE app_security_scans IS 'Application security scanning';
-- A project's scan history; also the project_id FK index.
CREATE INDEX app_security_scans_project_id_created_at_idx
    ON app_security_scans (project_id, created_at);
CREATE INDEX app_security_scans_project_scan_id_idx ON app_security_scans (project_scan_id);
CREATE INDEX app_security_scans_status_idx ON app_security_scans (status);
CREATE INDEX app_security_scans_scan_kind_idx ON app_security_scans (scan_kind);
CREATE INDEX app_security_scans_tool_idx ON app_security_scans (tool);
CREATE INDEX app_security_scans_created_at_idx ON app_security_scans (created_at);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE app_security_issues (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    scan_id           uuid        NOT NULL,
    project_id        uuid        NOT NULL,
    rule_or_vuln_id   text        NOT NULL,
    title             text        NOT NULL,
    description       text,
    package_name      text,
    package_version   text,
    purl              text,
    fixed_version     text,
    fix_available     boolean     NOT NULL DEFAULT false,
    file_path         text,
    line              integer,
    cvssv3            text,
    cvssv3_score      numeric(3,1),
    epss_score        numeric(6,5),
    known_exploited   boolean     NOT NULL DEFAULT false,
    severity          text        NOT NULL,
    native_severity   text,
    status            text        NOT NULL DEFAULT 'open',
    hash_code         text,
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at      timestamptz NOT NULL DEFAULT now(),
    project_issue_id  uuid,
    raw               jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_security_issues_pkey PRIMARY KEY (id),
    CONSTRAINT app_security_issues_scan_id_fkey FOREIGN KEY (scan_id)
        REFERENCES app_security_scans (id) ON DELETE CASCADE,
    CONSTRAINT app_security_issues_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT app_security_issues_project_issue_id_fkey FOREIGN KEY (project_issue_id)
        REFERENCES project_issues (id) ON DELETE SET NULL,
    CONSTRAINT app_security_issues_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT app_security_issues_status_check
        CHECK (status IN ('open', 'risk_accepted', 'false_positive', 'fixed')),
    CONSTRAINT app_security_issues_line_check CHECK (line >= 0),
    CONSTRAINT app_security_issues_cvssv3_score_check CHECK (cvssv3_score BETWEEN 0 AND 10),
    CONSTRAINT app_security_issues_epss_score_check CHECK (epss_score BETWEEN 0 AND 1),
    CONSTRAINT app_security_issues_hash_code_check CHECK (char_length(hash_code) = 64),
    CONSTRAINT app_security_issues_last_seen_at_check CHECK (last_seen_at >= first_seen_at),
    -- A fixed version means a fix is available.
    CONSTRAINT app_security_issues_fix_available_check
        CHECK (fixed_version IS NULL OR fix_available)
);
COMMENT ON TABLE app_security_issues IS 'Application security findings';
CREATE INDEX app_security_issues_scan_id_idx ON app_security_issues (scan_id);
-- Cross-scan deduplication inside a project (as dast_vulnerabilities); also the FK index.
CREATE INDEX app_security_issues_project_id_hash_code_idx
    ON app_security_issues (project_id, hash_code);
CREATE INDEX app_security_issues_project_issue_id_idx ON app_security_issues (project_issue_id);
CREATE INDEX app_security_issues_status_idx ON app_security_issues (status);
CREATE INDEX app_security_issues_severity_idx ON app_security_issues (severity);
-- "Which projects have CVE-… / this package": advisory and component lookups.
CREATE INDEX app_security_issues_rule_or_vuln_id_idx ON app_security_issues (rule_or_vuln_id);
CREATE INDEX app_security_issues_package_name_idx ON app_security_issues (package_name);
CREATE INDEX app_security_issues_purl_idx ON app_security_issues (purl);
CREATE INDEX app_security_issues_last_seen_at_idx ON app_security_issues (last_seen_at);
CREATE INDEX app_security_issues_created_at_idx ON app_security_issues (created_at);
-- Known-exploited findings still open: the first thing to fix.
CREATE INDEX app_security_issues_known_exploited_idx ON app_security_issues (project_id)
    WHERE known_exploited AND status = 'open';
