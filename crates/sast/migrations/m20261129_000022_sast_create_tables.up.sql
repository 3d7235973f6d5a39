-- sast: static application security testing, modelled on SonarQube (projects, analyses, issues,
-- rules, quality gates, measures, hotspots, reports, permissions, settings, activity).
-- Columns: docs domain-model.md §2. Enums are text + CHECK; every foreign key is indexed.
-- Depends on iam (users, teams), projects (projects) and data_security (encryption_keys).

-- ---------------------------------------------------------------------------------------------
-- SonarQube QUALITY_GATES + QUALITY_GATE_CONDITIONS (conditions as a jsonb array).
CREATE TABLE sast_quality_gates (
    id           uuid        NOT NULL DEFAULT gen_random_uuid(),
    name         text        NOT NULL,
    description  text,
    is_built_in  boolean     NOT NULL DEFAULT false,
    is_default   boolean     NOT NULL DEFAULT false,
    conditions   jsonb       NOT NULL DEFAULT '[]',
    created_by   uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_quality_gates_pkey PRIMARY KEY (id),
    CONSTRAINT sast_quality_gates_name_key UNIQUE (name),
    CONSTRAINT sast_quality_gates_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT sast_quality_gates_conditions_check CHECK (jsonb_typeof(conditions) = 'array')
);
COMMENT ON TABLE sast_quality_gates IS 'Quality gate configurations';
-- At most one default gate.
CREATE UNIQUE INDEX sast_quality_gates_is_default_key ON sast_quality_gates (is_default)
    WHERE is_default;
CREATE INDEX sast_quality_gates_created_by_idx ON sast_quality_gates (created_by);

-- ---------------------------------------------------------------------------------------------
-- SonarQube RULES + RULES_DEFAULT_IMPACTS.
CREATE TABLE sast_rules (
    id                          uuid        NOT NULL DEFAULT gen_random_uuid(),
    repository                  text        NOT NULL,
    rule_key                    text        NOT NULL,
    name                        text        NOT NULL,
    language                    text,
    type                        text        NOT NULL,
    default_severity            text,
    status                      text        NOT NULL DEFAULT 'READY',
    scope                       text        NOT NULL DEFAULT 'MAIN',
    is_template                 boolean     NOT NULL DEFAULT false,
    template_id                 uuid,
    is_external                 boolean     NOT NULL DEFAULT false,
    clean_code_attribute        text,
    impacts                     jsonb       NOT NULL DEFAULT '[]',
    remediation_function        text,
    remediation_gap_multiplier  text,
    remediation_base_effort     text,
    gap_description             text,
    security_standards          text[]      NOT NULL DEFAULT '{}',
    sq_category                 text,
    tags                        text[]      NOT NULL DEFAULT '{}',
    system_tags                 text[]      NOT NULL DEFAULT '{}',
    description_sections        jsonb       NOT NULL DEFAULT '{}',
    params                      jsonb       NOT NULL DEFAULT '[]',
    active                      boolean     NOT NULL DEFAULT true,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    updated_at                  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_rules_pkey PRIMARY KEY (id),
    CONSTRAINT sast_rules_repository_rule_key_key UNIQUE (repository, rule_key),
    CONSTRAINT sast_rules_template_id_fkey FOREIGN KEY (template_id)
        REFERENCES sast_rules (id) ON DELETE SET NULL,
    CONSTRAINT sast_rules_type_check
        CHECK (type IN ('BUG', 'VULNERABILITY', 'CODE_SMELL', 'SECURITY_HOTSPOT')),
    CONSTRAINT sast_rules_default_severity_check
        CHECK (default_severity IN ('BLOCKER', 'CRITICAL', 'MAJOR', 'MINOR', 'INFO')),
    CONSTRAINT sast_rules_status_check
        CHECK (status IN ('READY', 'BETA', 'DEPRECATED', 'REMOVED')),
    CONSTRAINT sast_rules_scope_check CHECK (scope IN ('MAIN', 'TEST', 'ALL')),
    CONSTRAINT sast_rules_clean_code_attribute_check
        CHECK (clean_code_attribute IN ('CONVENTIONAL', 'FORMATTED', 'IDENTIFIABLE', 'CLEAR',
                                        'COMPLETE', 'EFFICIENT', 'LOGICAL', 'DISTINCT', 'FOCUSED',
                                        'MODULAR', 'TESTED', 'LAWFUL', 'RESPECTFUL', 'TRUSTWORTHY')),
    CONSTRAINT sast_rules_remediation_function_check
        CHECK (remediation_function IN ('LINEAR', 'LINEAR_OFFSET', 'CONSTANT_ISSUE')),
    CONSTRAINT sast_rules_template_id_check CHECK (template_id <> id),
    CONSTRAINT sast_rules_impacts_check CHECK (jsonb_typeof(impacts) = 'array'),
    CONSTRAINT sast_rules_description_sections_check
        CHECK (jsonb_typeof(description_sections) = 'object'),
    CONSTRAINT sast_rules_params_check CHECK (jsonb_typeof(params) = 'array')
);
COMMENT ON TABLE sast_rules IS 'Security rule definitions';
CREATE INDEX sast_rules_template_id_idx ON sast_rules (template_id);
CREATE INDEX sast_rules_type_idx ON sast_rules (type);
CREATE INDEX sast_rules_language_idx ON sast_rules (language);
CREATE INDEX sast_rules_sq_category_idx ON sast_rules (sq_category);
-- Tag and standard filters (`cwe:89`, `owaspTop10-2021:a3`): array overlaps / contains.
CREATE INDEX sast_rules_tags_idx ON sast_rules USING gin (tags);
CREATE INDEX sast_rules_security_standards_idx ON sast_rules USING gin (security_standards);

-- ---------------------------------------------------------------------------------------------
-- SonarQube PROJECTS (+ the cached live values shown in the project list).
CREATE TABLE sast_projects (
    id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
    key                  text        NOT NULL,
    name                 text        NOT NULL,
    description          text,
    visibility           text        NOT NULL DEFAULT 'private',
    tags                 text[]      NOT NULL DEFAULT '{}',
    main_branch          text        NOT NULL DEFAULT 'main',
    repository_url       text,
    languages            text[]      NOT NULL DEFAULT '{}',
    ncloc                bigint,
    quality_gate_id      uuid,
    project_id           uuid,
    team_id              uuid,
    created_by           uuid,
    last_scan_id         uuid,
    quality_gate_status  text        NOT NULL DEFAULT 'NONE',
    creation_method      text        NOT NULL DEFAULT 'manual',
    archived_at          timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_projects_pkey PRIMARY KEY (id),
    CONSTRAINT sast_projects_key_key UNIQUE (key),
    CONSTRAINT sast_projects_quality_gate_id_fkey FOREIGN KEY (quality_gate_id)
        REFERENCES sast_quality_gates (id) ON DELETE SET NULL,
    CONSTRAINT sast_projects_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES projects (id) ON DELETE SET NULL,
    CONSTRAINT sast_projects_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT sast_projects_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    -- sast_projects_last_scan_id_fkey is added after sast_scans exists (below).
    CONSTRAINT sast_projects_visibility_check CHECK (visibility IN ('public', 'private')),
    CONSTRAINT sast_projects_quality_gate_status_check
        CHECK (quality_gate_status IN ('OK', 'ERROR', 'NONE')),
    CONSTRAINT sast_projects_creation_method_check
        CHECK (creation_method IN ('manual', 'ci', 'import', 'api')),
    CONSTRAINT sast_projects_ncloc_check CHECK (ncloc >= 0),
    -- SonarQube project keys: letters, digits, '-', '_', '.', ':' with at least one non-digit.
    CONSTRAINT sast_projects_key_format_check
        CHECK (key ~ '^[A-Za-z0-9_.:-]+$' AND key !~ '^[0-9]+$' AND char_length(key) <= 400)
);
COMMENT ON TABLE sast_projects IS 'SAST project definitions';
CREATE INDEX sast_projects_quality_gate_id_idx ON sast_projects (quality_gate_id);
CREATE INDEX sast_projects_project_id_idx ON sast_projects (project_id);
CREATE INDEX sast_projects_team_id_idx ON sast_projects (team_id);
CREATE INDEX sast_projects_created_by_idx ON sast_projects (created_by);
CREATE INDEX sast_projects_last_scan_id_idx ON sast_projects (last_scan_id);
CREATE INDEX sast_projects_quality_gate_status_idx ON sast_projects (quality_gate_status);
CREATE INDEX sast_projects_created_at_idx ON sast_projects (created_at);
CREATE INDEX sast_projects_tags_idx ON sast_projects USING gin (tags);

-- ---------------------------------------------------------------------------------------------
-- One analysis: SonarQube CE_ACTIVITY (the background task) + SNAPSHOTS (its result).
CREATE TABLE sast_scans (
    id                     uuid        NOT NULL DEFAULT gen_random_uuid(),
    project_id             uuid        NOT NULL,
    branch                 text        NOT NULL,
    branch_type            text        NOT NULL DEFAULT 'branch',
    pull_request_key       text,
    target_branch          text,
    revision               text,
    version                text,
    build_string           text,
    scanner_version        text,
    status                 text        NOT NULL DEFAULT 'PENDING',
    submitted_at           timestamptz NOT NULL DEFAULT now(),
    started_at             timestamptz,
    executed_at            timestamptz,
    execution_time_ms      bigint,
    error_message          text,
    error_type             text,
    analysis_date          timestamptz,
    is_last                boolean     NOT NULL DEFAULT false,
    new_code_period_type   text,
    new_code_period_value  text,
    new_code_since         timestamptz,
    quality_gate_status    text,
    quality_gate_details   jsonb,
    issue_counts           jsonb       NOT NULL DEFAULT '{}',
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_scans_pkey PRIMARY KEY (id),
    CONSTRAINT sast_scans_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_scans_branch_type_check CHECK (branch_type IN ('branch', 'pull_request')),
    CONSTRAINT sast_scans_status_check
        CHECK (status IN ('PENDING', 'IN_PROGRESS', 'SUCCESS', 'FAILED', 'CANCELED')),
    CONSTRAINT sast_scans_new_code_period_type_check
        CHECK (new_code_period_type IN ('PREVIOUS_VERSION', 'NUMBER_OF_DAYS', 'REFERENCE_BRANCH',
                                        'SPECIFIC_ANALYSIS')),
    CONSTRAINT sast_scans_quality_gate_status_check CHECK (quality_gate_status IN ('OK', 'ERROR')),
    -- A pull-request analysis names its pull request.
    CONSTRAINT sast_scans_pull_request_key_check
        CHECK (branch_type <> 'pull_request' OR pull_request_key IS NOT NULL),
    CONSTRAINT sast_scans_execution_time_ms_check CHECK (execution_time_ms >= 0),
    CONSTRAINT sast_scans_executed_at_check CHECK (executed_at >= started_at),
    CONSTRAINT sast_scans_quality_gate_details_check
        CHECK (jsonb_typeof(quality_gate_details) = 'array'),
    CONSTRAINT sast_scans_issue_counts_check CHECK (jsonb_typeof(issue_counts) = 'object')
);
COMMENT ON TABLE sast_scans IS 'SAST scan executions';
-- A project's analysis history, newest first; also the FK index.
CREATE INDEX sast_scans_project_id_analysis_date_idx ON sast_scans (project_id, analysis_date);
-- The current analysis of each branch.
CREATE INDEX sast_scans_project_id_branch_idx ON sast_scans (project_id, branch) WHERE is_last;
CREATE INDEX sast_scans_status_idx ON sast_scans (status);
CREATE INDEX sast_scans_submitted_at_idx ON sast_scans (submitted_at);
CREATE INDEX sast_scans_created_at_idx ON sast_scans (created_at);

ALTER TABLE sast_projects ADD CONSTRAINT sast_projects_last_scan_id_fkey
    FOREIGN KEY (last_scan_id) REFERENCES sast_scans (id) ON DELETE SET NULL;

-- ---------------------------------------------------------------------------------------------
-- SCM authors of a project (SonarQube SCM_ACCOUNTS + issue authors), optionally mapped to a user.
CREATE TABLE sast_contributors (
    id                    uuid        NOT NULL DEFAULT gen_random_uuid(),
    project_id            uuid        NOT NULL,
    scm_login             text        NOT NULL,
    email                 citext,
    name                  text,
    user_id               uuid,
    commits               integer     NOT NULL DEFAULT 0,
    issues_introduced     integer     NOT NULL DEFAULT 0,
    issues_fixed          integer     NOT NULL DEFAULT 0,
    open_vulnerabilities  integer     NOT NULL DEFAULT 0,
    first_commit_at       timestamptz,
    last_commit_at        timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_contributors_pkey PRIMARY KEY (id),
    -- Also the index of sast_contributors_project_id_fkey (project_id leads).
    CONSTRAINT sast_contributors_project_id_scm_login_key UNIQUE (project_id, scm_login),
    CONSTRAINT sast_contributors_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_contributors_user_id_fkey FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT sast_contributors_commits_check CHECK (commits >= 0),
    CONSTRAINT sast_contributors_issues_introduced_check CHECK (issues_introduced >= 0),
    CONSTRAINT sast_contributors_issues_fixed_check CHECK (issues_fixed >= 0),
    CONSTRAINT sast_contributors_open_vulnerabilities_check CHECK (open_vulnerabilities >= 0),
    CONSTRAINT sast_contributors_last_commit_at_check CHECK (last_commit_at >= first_commit_at)
);
COMMENT ON TABLE sast_contributors IS 'Code contributor tracking';
CREATE INDEX sast_contributors_user_id_idx ON sast_contributors (user_id);
CREATE INDEX sast_contributors_email_idx ON sast_contributors (email);

-- ---------------------------------------------------------------------------------------------
-- SonarQube ISSUES + ISSUES_IMPACTS (impacts as jsonb).
CREATE TABLE sast_issues (
    id                    uuid             NOT NULL DEFAULT gen_random_uuid(),
    key                   text             NOT NULL,
    project_id            uuid             NOT NULL,
    rule_id               uuid             NOT NULL,
    first_scan_id         uuid,
    last_scan_id          uuid,
    branch                text,
    component_path        text,
    line                  integer,
    text_range            jsonb,
    flows                 jsonb            NOT NULL DEFAULT '[]',
    message               text,
    type                  text             NOT NULL,
    severity              text             NOT NULL,
    platform_severity     text,
    manual_severity       boolean          NOT NULL DEFAULT false,
    impacts               jsonb            NOT NULL DEFAULT '[]',
    clean_code_attribute  text,
    status                text             NOT NULL DEFAULT 'OPEN',
    resolution            text,
    issue_status          text             NOT NULL DEFAULT 'OPEN',
    effort_minutes        integer,
    gap                   double precision,
    checksum              text,
    author_login          text,
    contributor_id        uuid,
    assignee_id           uuid,
    tags                  text[]           NOT NULL DEFAULT '{}',
    cwe_ids               integer[]        NOT NULL DEFAULT '{}',
    owasp_categories      text[]           NOT NULL DEFAULT '{}',
    quick_fix_available   boolean          NOT NULL DEFAULT false,
    from_hotspot          boolean          NOT NULL DEFAULT false,
    issue_created_at      timestamptz,
    issue_updated_at      timestamptz,
    issue_closed_at       timestamptz,
    raw                   jsonb,
    created_at            timestamptz      NOT NULL DEFAULT now(),
    updated_at            timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT sast_issues_pkey PRIMARY KEY (id),
    CONSTRAINT sast_issues_key_key UNIQUE (key),
    CONSTRAINT sast_issues_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    -- Rules are retired (status REMOVED), not deleted, while issues point at them.
    CONSTRAINT sast_issues_rule_id_fkey FOREIGN KEY (rule_id)
        REFERENCES sast_rules (id) ON DELETE RESTRICT,
    CONSTRAINT sast_issues_first_scan_id_fkey FOREIGN KEY (first_scan_id)
        REFERENCES sast_scans (id) ON DELETE SET NULL,
    CONSTRAINT sast_issues_last_scan_id_fkey FOREIGN KEY (last_scan_id)
        REFERENCES sast_scans (id) ON DELETE SET NULL,
    CONSTRAINT sast_issues_contributor_id_fkey FOREIGN KEY (contributor_id)
        REFERENCES sast_contributors (id) ON DELETE SET NULL,
    CONSTRAINT sast_issues_assignee_id_fkey FOREIGN KEY (assignee_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT sast_issues_type_check
        CHECK (type IN ('BUG', 'VULNERABILITY', 'CODE_SMELL', 'SECURITY_HOTSPOT')),
    CONSTRAINT sast_issues_severity_check
        CHECK (severity IN ('BLOCKER', 'CRITICAL', 'MAJOR', 'MINOR', 'INFO')),
    CONSTRAINT sast_issues_platform_severity_check
        CHECK (platform_severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT sast_issues_clean_code_attribute_check
        CHECK (clean_code_attribute IN ('CONVENTIONAL', 'FORMATTED', 'IDENTIFIABLE', 'CLEAR',
                                        'COMPLETE', 'EFFICIENT', 'LOGICAL', 'DISTINCT', 'FOCUSED',
                                        'MODULAR', 'TESTED', 'LAWFUL', 'RESPECTFUL', 'TRUSTWORTHY')),
    CONSTRAINT sast_issues_status_check
        CHECK (status IN ('OPEN', 'CONFIRMED', 'REOPENED', 'RESOLVED', 'CLOSED')),
    CONSTRAINT sast_issues_resolution_check
        CHECK (resolution IN ('FIXED', 'FALSE-POSITIVE', 'WONTFIX', 'REMOVED')),
    CONSTRAINT sast_issues_issue_status_check
        CHECK (issue_status IN ('OPEN', 'CONFIRMED', 'ACCEPTED', 'FALSE_POSITIVE', 'FIXED')),
    -- Resolved and closed issues carry a resolution; open ones do not (SonarQube Issue.java).
    CONSTRAINT sast_issues_status_resolution_check
        CHECK ((status IN ('RESOLVED', 'CLOSED')) = (resolution IS NOT NULL)),
    CONSTRAINT sast_issues_message_check CHECK (char_length(message) <= 1333),
    CONSTRAINT sast_issues_line_check CHECK (line >= 1),
    CONSTRAINT sast_issues_effort_minutes_check CHECK (effort_minutes >= 0),
    CONSTRAINT sast_issues_gap_check CHECK (gap >= 0),
    CONSTRAINT sast_issues_text_range_check CHECK (jsonb_typeof(text_range) = 'object'),
    CONSTRAINT sast_issues_flows_check CHECK (jsonb_typeof(flows) = 'array'),
    CONSTRAINT sast_issues_impacts_check CHECK (jsonb_typeof(impacts) = 'array')
);
COMMENT ON TABLE sast_issues IS 'Security vulnerabilities found';
-- §17: the issue list of a project by displayed status and severity; also the FK index.
CREATE INDEX sast_issues_project_id_issue_status_severity_idx
    ON sast_issues (project_id, issue_status, severity);
-- §17: issues of a rule; also the FK index.
CREATE INDEX sast_issues_rule_id_idx ON sast_issues (rule_id);
CREATE INDEX sast_issues_first_scan_id_idx ON sast_issues (first_scan_id);
CREATE INDEX sast_issues_last_scan_id_idx ON sast_issues (last_scan_id);
CREATE INDEX sast_issues_contributor_id_idx ON sast_issues (contributor_id);
CREATE INDEX sast_issues_assignee_id_idx ON sast_issues (assignee_id);
-- Tracking across analyses: (rule, file, checksum), falling back to (rule, file, line, message).
CREATE INDEX sast_issues_project_id_component_path_rule_id_idx
    ON sast_issues (project_id, component_path, rule_id);
CREATE INDEX sast_issues_severity_idx ON sast_issues (severity);
CREATE INDEX sast_issues_platform_severity_idx ON sast_issues (platform_severity);
CREATE INDEX sast_issues_created_at_idx ON sast_issues (created_at);
CREATE INDEX sast_issues_tags_idx ON sast_issues USING gin (tags);
CREATE INDEX sast_issues_cwe_ids_idx ON sast_issues USING gin (cwe_ids);

-- ---------------------------------------------------------------------------------------------
-- Security hotspots: security-sensitive code to review (not issues until reviewed).
CREATE TABLE sast_security_hotspots (
    id                         uuid        NOT NULL DEFAULT gen_random_uuid(),
    key                        text        NOT NULL,
    project_id                 uuid        NOT NULL,
    rule_id                    uuid        NOT NULL,
    scan_id                    uuid,
    component_path             text,
    line                       integer,
    message                    text,
    security_category          text,
    vulnerability_probability  text        NOT NULL,
    status                     text        NOT NULL DEFAULT 'TO_REVIEW',
    resolution                 text,
    assignee_id                uuid,
    reviewed_by                uuid,
    reviewed_at                timestamptz,
    review_comment             text,
    author_login               text,
    cwe_ids                    integer[]   NOT NULL DEFAULT '{}',
    raw                        jsonb,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_security_hotspots_pkey PRIMARY KEY (id),
    CONSTRAINT sast_security_hotspots_key_key UNIQUE (key),
    CONSTRAINT sast_security_hotspots_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_security_hotspots_rule_id_fkey FOREIGN KEY (rule_id)
        REFERENCES sast_rules (id) ON DELETE RESTRICT,
    CONSTRAINT sast_security_hotspots_scan_id_fkey FOREIGN KEY (scan_id)
        REFERENCES sast_scans (id) ON DELETE SET NULL,
    CONSTRAINT sast_security_hotspots_assignee_id_fkey FOREIGN KEY (assignee_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT sast_security_hotspots_reviewed_by_fkey FOREIGN KEY (reviewed_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT sast_security_hotspots_vulnerability_probability_check
        CHECK (vulnerability_probability IN ('HIGH', 'MEDIUM', 'LOW')),
    CONSTRAINT sast_security_hotspots_status_check CHECK (status IN ('TO_REVIEW', 'REVIEWED')),
    CONSTRAINT sast_security_hotspots_resolution_check
        CHECK (resolution IN ('FIXED', 'SAFE', 'ACKNOWLEDGED')),
    -- A resolution exactly when reviewed.
    CONSTRAINT sast_security_hotspots_status_resolution_check
        CHECK ((status = 'REVIEWED') = (resolution IS NOT NULL)),
    CONSTRAINT sast_security_hotspots_line_check CHECK (line >= 1)
);
COMMENT ON TABLE sast_security_hotspots IS 'Security hotspot identification';
-- The review queue of a project; also the FK index.
CREATE INDEX sast_security_hotspots_project_id_status_idx
    ON sast_security_hotspots (project_id, status);
CREATE INDEX sast_security_hotspots_vulnerability_probability_idx
    ON sast_security_hotspots (vulnerability_probability);
CREATE INDEX sast_security_hotspots_rule_id_idx ON sast_security_hotspots (rule_id);
CREATE INDEX sast_security_hotspots_scan_id_idx ON sast_security_hotspots (scan_id);
CREATE INDEX sast_security_hotspots_assignee_id_idx ON sast_security_hotspots (assignee_id);
CREATE INDEX sast_security_hotspots_reviewed_by_idx ON sast_security_hotspots (reviewed_by);
CREATE INDEX sast_security_hotspots_security_category_idx
    ON sast_security_hotspots (security_category);
CREATE INDEX sast_security_hotspots_created_at_idx ON sast_security_hotspots (created_at);

-- ---------------------------------------------------------------------------------------------
-- SonarQube "Security Reports": one row per analysis and standard.
CREATE TABLE sast_security_reports (
    id                              uuid         NOT NULL DEFAULT gen_random_uuid(),
    scan_id                         uuid         NOT NULL,
    project_id                      uuid         NOT NULL,
    standard                        text         NOT NULL,
    categories                      jsonb        NOT NULL DEFAULT '[]',
    vulnerabilities                 integer      NOT NULL DEFAULT 0,
    security_rating                 text,
    security_hotspots               integer      NOT NULL DEFAULT 0,
    security_hotspots_reviewed_pct  numeric(5,2),
    security_review_rating          text,
    created_at                      timestamptz  NOT NULL DEFAULT now(),
    updated_at                      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT sast_security_reports_pkey PRIMARY KEY (id),
    -- Also the index of sast_security_reports_scan_id_fkey (scan_id leads).
    CONSTRAINT sast_security_reports_scan_id_standard_key UNIQUE (scan_id, standard),
    CONSTRAINT sast_security_reports_scan_id_fkey FOREIGN KEY (scan_id)
        REFERENCES sast_scans (id) ON DELETE CASCADE,
    CONSTRAINT sast_security_reports_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_security_reports_standard_check
        CHECK (standard IN ('owasp_top10_2021', 'owasp_top10_2017', 'cwe_top25_2024',
                            'cwe_top25_2023', 'pci_dss_4_0', 'owasp_asvs_4_0', 'sonarsource')),
    CONSTRAINT sast_security_reports_security_rating_check
        CHECK (security_rating IN ('A', 'B', 'C', 'D', 'E')),
    CONSTRAINT sast_security_reports_security_review_rating_check
        CHECK (security_review_rating IN ('A', 'B', 'C', 'D', 'E')),
    CONSTRAINT sast_security_reports_vulnerabilities_check CHECK (vulnerabilities >= 0),
    CONSTRAINT sast_security_reports_security_hotspots_check CHECK (security_hotspots >= 0),
    CONSTRAINT sast_security_reports_security_hotspots_reviewed_pct_check
        CHECK (security_hotspots_reviewed_pct BETWEEN 0 AND 100),
    CONSTRAINT sast_security_reports_categories_check CHECK (jsonb_typeof(categories) = 'array')
);
COMMENT ON TABLE sast_security_reports IS 'Security assessment reports';
CREATE INDEX sast_security_reports_project_id_standard_idx
    ON sast_security_reports (project_id, standard);
CREATE INDEX sast_security_reports_created_at_idx ON sast_security_reports (created_at);

-- ---------------------------------------------------------------------------------------------
-- Maintainability measures of one analysis (sqale_*).
CREATE TABLE sast_maintainability_reports (
    id                            uuid         NOT NULL DEFAULT gen_random_uuid(),
    scan_id                       uuid         NOT NULL,
    project_id                    uuid         NOT NULL,
    code_smells                   integer      NOT NULL DEFAULT 0,
    new_code_smells               integer,
    technical_debt_minutes        bigint       NOT NULL DEFAULT 0,
    new_technical_debt_minutes    bigint,
    debt_ratio_pct                numeric(6,2),
    maintainability_rating        text,
    new_maintainability_rating    text,
    effort_to_rating_a_minutes    bigint,
    development_cost_minutes      bigint,
    by_severity                   jsonb        NOT NULL DEFAULT '{}',
    created_at                    timestamptz  NOT NULL DEFAULT now(),
    updated_at                    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT sast_maintainability_reports_pkey PRIMARY KEY (id),
    -- One report per analysis; also the FK index.
    CONSTRAINT sast_maintainability_reports_scan_id_key UNIQUE (scan_id),
    CONSTRAINT sast_maintainability_reports_scan_id_fkey FOREIGN KEY (scan_id)
        REFERENCES sast_scans (id) ON DELETE CASCADE,
    CONSTRAINT sast_maintainability_reports_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_maintainability_reports_maintainability_rating_check
        CHECK (maintainability_rating IN ('A', 'B', 'C', 'D', 'E')),
    CONSTRAINT sast_maintainability_reports_new_maintainability_rating_check
        CHECK (new_maintainability_rating IN ('A', 'B', 'C', 'D', 'E')),
    CONSTRAINT sast_maintainability_reports_code_smells_check CHECK (code_smells >= 0),
    CONSTRAINT sast_maintainability_reports_new_code_smells_check CHECK (new_code_smells >= 0),
    CONSTRAINT sast_maintainability_reports_technical_debt_minutes_check
        CHECK (technical_debt_minutes >= 0),
    CONSTRAINT sast_maintainability_reports_new_technical_debt_minutes_check
        CHECK (new_technical_debt_minutes >= 0),
    CONSTRAINT sast_maintainability_reports_debt_ratio_pct_check CHECK (debt_ratio_pct >= 0),
    CONSTRAINT sast_maintainability_reports_by_severity_check
        CHECK (jsonb_typeof(by_severity) = 'object')
);
COMMENT ON TABLE sast_maintainability_reports IS 'Code maintainability reports';
CREATE INDEX sast_maintainability_reports_project_id_created_at_idx
    ON sast_maintainability_reports (project_id, created_at);

-- ---------------------------------------------------------------------------------------------
-- Reliability measures of one analysis.
CREATE TABLE sast_reliability_reports (
    id                                       uuid        NOT NULL DEFAULT gen_random_uuid(),
    scan_id                                  uuid        NOT NULL,
    project_id                               uuid        NOT NULL,
    bugs                                     integer     NOT NULL DEFAULT 0,
    new_bugs                                 integer,
    reliability_rating                       text,
    new_reliability_rating                   text,
    reliability_remediation_effort_minutes   bigint      NOT NULL DEFAULT 0,
    by_severity                              jsonb       NOT NULL DEFAULT '{}',
    worst_open_severity                      text,
    created_at                               timestamptz NOT NULL DEFAULT now(),
    updated_at                               timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_reliability_reports_pkey PRIMARY KEY (id),
    -- One report per analysis; also the FK index.
    CONSTRAINT sast_reliability_reports_scan_id_key UNIQUE (scan_id),
    CONSTRAINT sast_reliability_reports_scan_id_fkey FOREIGN KEY (scan_id)
        REFERENCES sast_scans (id) ON DELETE CASCADE,
    CONSTRAINT sast_reliability_reports_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_reliability_reports_reliability_rating_check
        CHECK (reliability_rating IN ('A', 'B', 'C', 'D', 'E')),
    CONSTRAINT sast_reliability_reports_new_reliability_rating_check
        CHECK (new_reliability_rating IN ('A', 'B', 'C', 'D', 'E')),
    CONSTRAINT sast_reliability_reports_worst_open_severity_check
        CHECK (worst_open_severity IN ('BLOCKER', 'CRITICAL', 'MAJOR', 'MINOR', 'INFO')),
    CONSTRAINT sast_reliability_reports_bugs_check CHECK (bugs >= 0),
    CONSTRAINT sast_reliability_reports_new_bugs_check CHECK (new_bugs >= 0),
    CONSTRAINT sast_reliability_reports_remediation_effort_check
        CHECK (reliability_remediation_effort_minutes >= 0),
    CONSTRAINT sast_reliability_reports_by_severity_check
        CHECK (jsonb_typeof(by_severity) = 'object')
);
COMMENT ON TABLE sast_reliability_reports IS 'Code reliability reports';
CREATE INDEX sast_reliability_reports_project_id_created_at_idx
    ON sast_reliability_reports (project_id, created_at);

-- ---------------------------------------------------------------------------------------------
-- Coverage of one analysis: the project total (component_path null) and optional file rows.
CREATE TABLE sast_code_coverage (
    id                      uuid         NOT NULL DEFAULT gen_random_uuid(),
    scan_id                 uuid         NOT NULL,
    project_id              uuid         NOT NULL,
    component_path          text,
    lines_to_cover          integer      NOT NULL DEFAULT 0,
    uncovered_lines         integer      NOT NULL DEFAULT 0,
    conditions_to_cover     integer      NOT NULL DEFAULT 0,
    uncovered_conditions    integer      NOT NULL DEFAULT 0,
    coverage_pct            numeric(5,2),
    line_coverage_pct       numeric(5,2),
    branch_coverage_pct     numeric(5,2),
    new_coverage_pct        numeric(5,2),
    new_lines_to_cover      integer,
    tests                   integer,
    test_failures           integer,
    test_errors             integer,
    skipped_tests           integer,
    test_execution_time_ms  bigint,
    report_format           text,
    created_at              timestamptz  NOT NULL DEFAULT now(),
    updated_at              timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT sast_code_coverage_pkey PRIMARY KEY (id),
    -- One total row (null path) and one row per file per analysis; also the FK index.
    CONSTRAINT sast_code_coverage_scan_id_component_path_key
        UNIQUE NULLS NOT DISTINCT (scan_id, component_path),
    CONSTRAINT sast_code_coverage_scan_id_fkey FOREIGN KEY (scan_id)
        REFERENCES sast_scans (id) ON DELETE CASCADE,
    CONSTRAINT sast_code_coverage_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_code_coverage_lines_to_cover_check CHECK (lines_to_cover >= 0),
    CONSTRAINT sast_code_coverage_uncovered_lines_check
        CHECK (uncovered_lines BETWEEN 0 AND lines_to_cover),
    CONSTRAINT sast_code_coverage_conditions_to_cover_check CHECK (conditions_to_cover >= 0),
    CONSTRAINT sast_code_coverage_uncovered_conditions_check
        CHECK (uncovered_conditions BETWEEN 0 AND conditions_to_cover),
    CONSTRAINT sast_code_coverage_coverage_pct_check CHECK (coverage_pct BETWEEN 0 AND 100),
    CONSTRAINT sast_code_coverage_line_coverage_pct_check
        CHECK (line_coverage_pct BETWEEN 0 AND 100),
    CONSTRAINT sast_code_coverage_branch_coverage_pct_check
        CHECK (branch_coverage_pct BETWEEN 0 AND 100),
    CONSTRAINT sast_code_coverage_new_coverage_pct_check
        CHECK (new_coverage_pct BETWEEN 0 AND 100),
    CONSTRAINT sast_code_coverage_new_lines_to_cover_check CHECK (new_lines_to_cover >= 0),
    CONSTRAINT sast_code_coverage_tests_check CHECK (tests >= 0),
    CONSTRAINT sast_code_coverage_test_failures_check CHECK (test_failures >= 0),
    CONSTRAINT sast_code_coverage_test_errors_check CHECK (test_errors >= 0),
    CONSTRAINT sast_code_coverage_skipped_tests_check CHECK (skipped_tests >= 0),
    CONSTRAINT sast_code_coverage_test_execution_time_ms_check CHECK (test_execution_time_ms >= 0)
);
COMMENT ON TABLE sast_code_coverage IS 'Test coverage metrics';
CREATE INDEX sast_code_coverage_project_id_created_at_idx ON sast_code_coverage (project_id, created_at);

-- ---------------------------------------------------------------------------------------------
-- Duplications of one analysis (SonarQube DUPLICATIONS_INDEX, summarised per file).
CREATE TABLE sast_duplications (
    id                                 uuid         NOT NULL DEFAULT gen_random_uuid(),
    scan_id                            uuid         NOT NULL,
    project_id                         uuid         NOT NULL,
    component_path                     text,
    duplicated_lines                   integer      NOT NULL DEFAULT 0,
    duplicated_blocks                  integer      NOT NULL DEFAULT 0,
    duplicated_files                   integer      NOT NULL DEFAULT 0,
    duplicated_lines_density_pct       numeric(5,2),
    new_duplicated_lines_density_pct   numeric(5,2),
    blocks                             jsonb        NOT NULL DEFAULT '[]',
    created_at                         timestamptz  NOT NULL DEFAULT now(),
    updated_at                         timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT sast_duplications_pkey PRIMARY KEY (id),
    -- One total row (null path) and one row per file per analysis; also the FK index.
    CONSTRAINT sast_duplications_scan_id_component_path_key
        UNIQUE NULLS NOT DISTINCT (scan_id, component_path),
    CONSTRAINT sast_duplications_scan_id_fkey FOREIGN KEY (scan_id)
        REFERENCES sast_scans (id) ON DELETE CASCADE,
    CONSTRAINT sast_duplications_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_duplications_duplicated_lines_check CHECK (duplicated_lines >= 0),
    CONSTRAINT sast_duplications_duplicated_blocks_check CHECK (duplicated_blocks >= 0),
    CONSTRAINT sast_duplications_duplicated_files_check CHECK (duplicated_files >= 0),
    CONSTRAINT sast_duplications_duplicated_lines_density_pct_check
        CHECK (duplicated_lines_density_pct BETWEEN 0 AND 100),
    CONSTRAINT sast_duplications_new_duplicated_lines_density_pct_check
        CHECK (new_duplicated_lines_density_pct BETWEEN 0 AND 100),
    CONSTRAINT sast_duplications_blocks_check CHECK (jsonb_typeof(blocks) = 'array')
);
COMMENT ON TABLE sast_duplications IS 'Code duplication analysis';
CREATE INDEX sast_duplications_project_id_created_at_idx ON sast_duplications (project_id, created_at);

-- ---------------------------------------------------------------------------------------------
-- CWE ids of a rule, with the SonarQube security category they fall in (SecurityStandards).
CREATE TABLE sast_cwe_mappings (
    id                         uuid        NOT NULL DEFAULT gen_random_uuid(),
    rule_id                    uuid        NOT NULL,
    cwe_id                     integer     NOT NULL,
    cwe_name                   text,
    sq_category                text,
    vulnerability_probability  text,
    cwe_top25_years            integer[]   NOT NULL DEFAULT '{}',
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_cwe_mappings_pkey PRIMARY KEY (id),
    -- Also the index of sast_cwe_mappings_rule_id_fkey (rule_id leads).
    CONSTRAINT sast_cwe_mappings_rule_id_cwe_id_key UNIQUE (rule_id, cwe_id),
    CONSTRAINT sast_cwe_mappings_rule_id_fkey FOREIGN KEY (rule_id)
        REFERENCES sast_rules (id) ON DELETE CASCADE,
    CONSTRAINT sast_cwe_mappings_vulnerability_probability_check
        CHECK (vulnerability_probability IN ('HIGH', 'MEDIUM', 'LOW')),
    CONSTRAINT sast_cwe_mappings_cwe_id_check CHECK (cwe_id > 0)
);
COMMENT ON TABLE sast_cwe_mappings IS 'CWE vulnerability mappings';
-- "Which rules detect CWE-89?"
CREATE INDEX sast_cwe_mappings_cwe_id_idx ON sast_cwe_mappings (cwe_id);
CREATE INDEX sast_cwe_mappings_sq_category_idx ON sast_cwe_mappings (sq_category);

-- ---------------------------------------------------------------------------------------------
-- OWASP categories of a rule (Top 10 2017 / 2021, ASVS 4.0 requirements, Mobile Top 10 2024).
CREATE TABLE sast_owasp_mappings (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    rule_id        uuid        NOT NULL,
    standard       text        NOT NULL,
    category       text        NOT NULL,
    category_name  text,
    asvs_level     smallint,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_owasp_mappings_pkey PRIMARY KEY (id),
    -- Also the index of sast_owasp_mappings_rule_id_fkey (rule_id leads).
    CONSTRAINT sast_owasp_mappings_rule_id_standard_category_key
        UNIQUE (rule_id, standard, category),
    CONSTRAINT sast_owasp_mappings_rule_id_fkey FOREIGN KEY (rule_id)
        REFERENCES sast_rules (id) ON DELETE CASCADE,
    CONSTRAINT sast_owasp_mappings_standard_check
        CHECK (standard IN ('owasp_top10_2017', 'owasp_top10_2021', 'owasp_asvs_4_0',
                            'owasp_mobile_top10_2024')),
    CONSTRAINT sast_owasp_mappings_asvs_level_check CHECK (asvs_level BETWEEN 1 AND 3)
);
COMMENT ON TABLE sast_owasp_mappings IS 'OWASP category mappings';
-- "Which rules cover A03:2021?"
CREATE INDEX sast_owasp_mappings_standard_category_idx
    ON sast_owasp_mappings (standard, category);

-- ---------------------------------------------------------------------------------------------
-- Lookup taxonomies for filtering: clean-code attributes and common rule tags.
CREATE TABLE sast_bug_categories (
    id                    uuid        NOT NULL DEFAULT gen_random_uuid(),
    key                   text        NOT NULL,
    name                  text        NOT NULL,
    description           text,
    clean_code_attribute  text,
    attribute_category    text,
    software_quality      text,
    default_severity      text,
    rule_tags             text[]      NOT NULL DEFAULT '{}',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_bug_categories_pkey PRIMARY KEY (id),
    CONSTRAINT sast_bug_categories_key_key UNIQUE (key),
    CONSTRAINT sast_bug_categories_clean_code_attribute_check
        CHECK (clean_code_attribute IN ('CONVENTIONAL', 'FORMATTED', 'IDENTIFIABLE', 'CLEAR',
                                        'COMPLETE', 'EFFICIENT', 'LOGICAL', 'DISTINCT', 'FOCUSED',
                                        'MODULAR', 'TESTED', 'LAWFUL', 'RESPECTFUL', 'TRUSTWORTHY')),
    CONSTRAINT sast_bug_categories_attribute_category_check
        CHECK (attribute_category IN ('CONSISTENT', 'INTENTIONAL', 'ADAPTABLE', 'RESPONSIBLE')),
    CONSTRAINT sast_bug_categories_software_quality_check
        CHECK (software_quality IN ('MAINTAINABILITY', 'RELIABILITY', 'SECURITY')),
    CONSTRAINT sast_bug_categories_default_severity_check
        CHECK (default_severity IN ('INFO', 'LOW', 'MEDIUM', 'HIGH', 'BLOCKER'))
);
COMMENT ON TABLE sast_bug_categories IS 'Bug categorization';

CREATE TABLE sast_code_smell_categories (
    id                    uuid        NOT NULL DEFAULT gen_random_uuid(),
    key                   text        NOT NULL,
    name                  text        NOT NULL,
    description           text,
    clean_code_attribute  text,
    attribute_category    text,
    software_quality      text,
    default_severity      text,
    rule_tags             text[]      NOT NULL DEFAULT '{}',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_code_smell_categories_pkey PRIMARY KEY (id),
    CONSTRAINT sast_code_smell_categories_key_key UNIQUE (key),
    CONSTRAINT sast_code_smell_categories_clean_code_attribute_check
        CHECK (clean_code_attribute IN ('CONVENTIONAL', 'FORMATTED', 'IDENTIFIABLE', 'CLEAR',
                                        'COMPLETE', 'EFFICIENT', 'LOGICAL', 'DISTINCT', 'FOCUSED',
                                        'MODULAR', 'TESTED', 'LAWFUL', 'RESPECTFUL', 'TRUSTWORTHY')),
    CONSTRAINT sast_code_smell_categories_attribute_category_check
        CHECK (attribute_category IN ('CONSISTENT', 'INTENTIONAL', 'ADAPTABLE', 'RESPONSIBLE')),
    CONSTRAINT sast_code_smell_categories_software_quality_check
        CHECK (software_quality IN ('MAINTAINABILITY', 'RELIABILITY', 'SECURITY')),
    CONSTRAINT sast_code_smell_categories_default_severity_check
        CHECK (default_severity IN ('INFO', 'LOW', 'MEDIUM', 'HIGH', 'BLOCKER'))
);
COMMENT ON TABLE sast_code_smell_categories IS 'Code smell classification';

-- ---------------------------------------------------------------------------------------------
-- Structured analysis scope of a project (sonar.sources, sonar.exclusions, …).
CREATE TABLE sast_project_configurations (
    id                     uuid        NOT NULL DEFAULT gen_random_uuid(),
    project_id             uuid        NOT NULL,
    sources                text[]      NOT NULL DEFAULT '{}',
    tests                  text[]      NOT NULL DEFAULT '{}',
    inclusions             text[]      NOT NULL DEFAULT '{}',
    exclusions             text[]      NOT NULL DEFAULT '{}',
    test_exclusions        text[]      NOT NULL DEFAULT '{}',
    coverage_exclusions    text[]      NOT NULL DEFAULT '{}',
    cpd_exclusions         text[]      NOT NULL DEFAULT '{}',
    coverage_report_paths  jsonb       NOT NULL DEFAULT '{}',
    quality_profiles       jsonb       NOT NULL DEFAULT '{}',
    new_code_period_type   text,
    new_code_period_value  text,
    scm_provider           text        NOT NULL DEFAULT 'git',
    pr_decoration          boolean     NOT NULL DEFAULT false,
    ci_system              text,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_project_configurations_pkey PRIMARY KEY (id),
    -- One configuration per project; also the FK index.
    CONSTRAINT sast_project_configurations_project_id_key UNIQUE (project_id),
    CONSTRAINT sast_project_configurations_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_project_configurations_new_code_period_type_check
        CHECK (new_code_period_type IN ('PREVIOUS_VERSION', 'NUMBER_OF_DAYS', 'REFERENCE_BRANCH',
                                        'SPECIFIC_ANALYSIS')),
    CONSTRAINT sast_project_configurations_scm_provider_check
        CHECK (scm_provider IN ('git', 'svn', 'none')),
    CONSTRAINT sast_project_configurations_coverage_report_paths_check
        CHECK (jsonb_typeof(coverage_report_paths) = 'object'),
    CONSTRAINT sast_project_configurations_quality_profiles_check
        CHECK (jsonb_typeof(quality_profiles) = 'object')
);
COMMENT ON TABLE sast_project_configurations IS 'Project-specific configurations';

-- ---------------------------------------------------------------------------------------------
-- Generic `sonar.*` key/value settings (SonarQube PROPERTIES). Secured values (`*.secured` keys:
-- tokens, passwords) are stored only encrypted, in value_encrypted, never in value.
CREATE TABLE sast_project_settings (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    project_id         uuid        NOT NULL,
    key                text        NOT NULL,
    value              text,
    is_secured         boolean     NOT NULL DEFAULT false,
    value_encrypted    bytea,
    encryption_key_id  uuid,
    updated_by         uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_project_settings_pkey PRIMARY KEY (id),
    -- Also the index of sast_project_settings_project_id_fkey (project_id leads).
    CONSTRAINT sast_project_settings_project_id_key_key UNIQUE (project_id, key),
    CONSTRAINT sast_project_settings_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_project_settings_encryption_key_id_fkey FOREIGN KEY (encryption_key_id)
        REFERENCES encryption_keys (id) ON DELETE SET NULL,
    CONSTRAINT sast_project_settings_updated_by_fkey FOREIGN KEY (updated_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT sast_project_settings_key_check CHECK (key ~ '^[A-Za-z0-9._-]+$'),
    -- A secured setting has no clear value; a plain one has no ciphertext.
    CONSTRAINT sast_project_settings_value_check
        CHECK (CASE WHEN is_secured THEN value IS NULL ELSE value_encrypted IS NULL END),
    CONSTRAINT sast_project_settings_value_encrypted_check
        CHECK (value_encrypted IS NULL OR encryption_key_id IS NOT NULL)
);
COMMENT ON TABLE sast_project_settings IS 'Project settings';
CREATE INDEX sast_project_settings_encryption_key_id_idx
    ON sast_project_settings (encryption_key_id);
CREATE INDEX sast_project_settings_updated_by_idx ON sast_project_settings (updated_by);

-- ---------------------------------------------------------------------------------------------
-- Measures (SonarQube LIVE_MEASURES with scan_id null, PROJECT_MEASURES per analysis).
CREATE TABLE sast_project_metrics (
    id              uuid             NOT NULL DEFAULT gen_random_uuid(),
    project_id      uuid             NOT NULL,
    scan_id         uuid,
    component_path  text,
    metric_key      text             NOT NULL,
    value           double precision,
    text_value      text,
    data            jsonb,
    created_at      timestamptz      NOT NULL DEFAULT now(),
    updated_at      timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT sast_project_metrics_pkey PRIMARY KEY (id),
    -- One value per metric, component and analysis (null scan = live value, null path = project);
    -- also the index of sast_project_metrics_project_id_fkey (project_id leads).
    -- (The conventional name would pass PostgreSQL's 63-byte identifier limit.)
    CONSTRAINT sast_project_metrics_measure_key
        UNIQUE NULLS NOT DISTINCT (project_id, scan_id, component_path, metric_key),
    CONSTRAINT sast_project_metrics_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_project_metrics_scan_id_fkey FOREIGN KEY (scan_id)
        REFERENCES sast_scans (id) ON DELETE CASCADE,
    CONSTRAINT sast_project_metrics_metric_key_check CHECK (metric_key ~ '^[a-z][a-z0-9_]*$')
);
COMMENT ON TABLE sast_project_metrics IS 'Project performance metrics';
CREATE INDEX sast_project_metrics_scan_id_metric_key_idx ON sast_project_metrics (scan_id, metric_key);
-- Charts of one metric across projects.
CREATE INDEX sast_project_metrics_metric_key_idx ON sast_project_metrics (metric_key);

-- ---------------------------------------------------------------------------------------------
-- Project permissions (SonarQube USER_ROLES / GROUP_ROLES): a user or a team, never both.
CREATE TABLE sast_project_permissions (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    project_id  uuid        NOT NULL,
    user_id     uuid,
    team_id     uuid,
    permission  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_project_permissions_pkey PRIMARY KEY (id),
    -- One grant per grantee and permission; also the FK index (project_id leads).
    -- (The conventional name would pass PostgreSQL's 63-byte identifier limit.)
    CONSTRAINT sast_project_permissions_grantee_permission_key
        UNIQUE NULLS NOT DISTINCT (project_id, user_id, team_id, permission),
    CONSTRAINT sast_project_permissions_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_project_permissions_user_id_fkey FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT sast_project_permissions_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE CASCADE,
    CONSTRAINT sast_project_permissions_permission_check
        CHECK (permission IN ('user', 'codeviewer', 'issueadmin', 'securityhotspotadmin', 'admin',
                              'scan')),
    CONSTRAINT sast_project_permissions_grantee_check CHECK (num_nonnulls(user_id, team_id) = 1)
);
COMMENT ON TABLE sast_project_permissions IS 'Project access control';
CREATE INDEX sast_project_permissions_user_id_idx ON sast_project_permissions (user_id);
CREATE INDEX sast_project_permissions_team_id_idx ON sast_project_permissions (team_id);

-- ---------------------------------------------------------------------------------------------
-- Chart points: one row per project per day or per analysis.
CREATE TABLE sast_project_trends (
    id                            uuid         NOT NULL DEFAULT gen_random_uuid(),
    project_id                    uuid         NOT NULL,
    scan_id                       uuid,
    date                          date         NOT NULL,
    bugs                          integer,
    vulnerabilities               integer,
    code_smells                   integer,
    security_hotspots             integer,
    coverage_pct                  numeric(5,2),
    duplicated_lines_density_pct  numeric(5,2),
    ncloc                         bigint,
    reliability_rating            text,
    security_rating               text,
    maintainability_rating        text,
    technical_debt_minutes        bigint,
    quality_gate_status           text,
    deltas                        jsonb        NOT NULL DEFAULT '{}',
    created_at                    timestamptz  NOT NULL DEFAULT now(),
    updated_at                    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT sast_project_trends_pkey PRIMARY KEY (id),
    CONSTRAINT sast_project_trends_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_project_trends_scan_id_fkey FOREIGN KEY (scan_id)
        REFERENCES sast_scans (id) ON DELETE SET NULL,
    CONSTRAINT sast_project_trends_reliability_rating_check
        CHECK (reliability_rating IN ('A', 'B', 'C', 'D', 'E')),
    CONSTRAINT sast_project_trends_security_rating_check
        CHECK (security_rating IN ('A', 'B', 'C', 'D', 'E')),
    CONSTRAINT sast_project_trends_maintainability_rating_check
        CHECK (maintainability_rating IN ('A', 'B', 'C', 'D', 'E')),
    CONSTRAINT sast_project_trends_quality_gate_status_check
        CHECK (quality_gate_status IN ('OK', 'ERROR')),
    CONSTRAINT sast_project_trends_bugs_check CHECK (bugs >= 0),
    CONSTRAINT sast_project_trends_vulnerabilities_check CHECK (vulnerabilities >= 0),
    CONSTRAINT sast_project_trends_code_smells_check CHECK (code_smells >= 0),
    CONSTRAINT sast_project_trends_security_hotspots_check CHECK (security_hotspots >= 0),
    CONSTRAINT sast_project_trends_coverage_pct_check CHECK (coverage_pct BETWEEN 0 AND 100),
    CONSTRAINT sast_project_trends_duplicated_lines_density_pct_check
        CHECK (duplicated_lines_density_pct BETWEEN 0 AND 100),
    CONSTRAINT sast_project_trends_ncloc_check CHECK (ncloc >= 0),
    CONSTRAINT sast_project_trends_technical_debt_minutes_check CHECK (technical_debt_minutes >= 0),
    CONSTRAINT sast_project_trends_deltas_check CHECK (jsonb_typeof(deltas) = 'object')
);
COMMENT ON TABLE sast_project_trends IS 'Historical trend analysis';
-- A project's chart over time; also the FK index.
CREATE INDEX sast_project_trends_project_id_date_idx ON sast_project_trends (project_id, date);
CREATE INDEX sast_project_trends_scan_id_idx ON sast_project_trends (scan_id);

-- ---------------------------------------------------------------------------------------------
-- Project activity feed (SonarQube EVENTS + ISSUE_CHANGES + AUDITS). Append-only.
CREATE TABLE sast_activities (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    project_id     uuid        NOT NULL,
    actor_id       uuid,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    activity_type  text        NOT NULL,
    entity_type    text,
    entity_id      uuid,
    old_value      jsonb,
    new_value      jsonb,
    comment        text,
    scan_id        uuid,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sast_activities_pkey PRIMARY KEY (id),
    CONSTRAINT sast_activities_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES sast_projects (id) ON DELETE CASCADE,
    CONSTRAINT sast_activities_actor_id_fkey FOREIGN KEY (actor_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT sast_activities_scan_id_fkey FOREIGN KEY (scan_id)
        REFERENCES sast_scans (id) ON DELETE SET NULL,
    CONSTRAINT sast_activities_activity_type_check
        CHECK (activity_type IN ('ANALYSIS', 'VERSION', 'QUALITY_GATE', 'QUALITY_PROFILE',
                                 'DEFINITION_CHANGE', 'ISSUE_TRANSITION', 'ISSUE_ASSIGN',
                                 'ISSUE_COMMENT', 'HOTSPOT_REVIEW', 'SETTING_CHANGE',
                                 'PERMISSION_CHANGE'))
);
COMMENT ON TABLE sast_activities IS 'User activities in SAST module';
-- A project's feed, newest first; also the FK index.
CREATE INDEX sast_activities_project_id_occurred_at_idx
    ON sast_activities (project_id, occurred_at);
CREATE INDEX sast_activities_actor_id_idx ON sast_activities (actor_id);
CREATE INDEX sast_activities_scan_id_idx ON sast_activities (scan_id);
CREATE INDEX sast_activities_activity_type_idx ON sast_activities (activity_type);
-- History of one issue / hotspot / setting.
CREATE INDEX sast_activities_entity_type_entity_id_idx
    ON sast_activities (entity_type, entity_id);
-- Append-only, time-ordered: BRIN on the event time.
CREATE INDEX sast_activities_occurred_at_idx ON sast_activities USING brin (occurred_at);
