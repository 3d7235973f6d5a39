-- projects: the hub (DefectDojo Product), its scans (Engagement + Test) and findings (Finding).
-- Columns: docs domain-model.md §14. Enums are text + CHECK; every foreign key is indexed.
-- Depends on iam (users, teams).

-- ---------------------------------------------------------------------------------------------
CREATE TABLE projects (
    id                           uuid        NOT NULL DEFAULT gen_random_uuid(),
    name                         text        NOT NULL,
    description                  text,
    business_unit                text,
    team_id                      uuid,
    product_manager_id           uuid,
    technical_contact_id         uuid,
    business_criticality         text,
    platform                     text,
    lifecycle                    text,
    origin                       text,
    internet_accessible          boolean     NOT NULL DEFAULT false,
    external_audience            boolean     NOT NULL DEFAULT false,
    user_records                 integer,
    repository_url               text,
    tags                         text[]      NOT NULL DEFAULT '{}',
    sla_days                     jsonb       NOT NULL
        DEFAULT '{"critical": 7, "high": 30, "medium": 90, "low": 120}',
    sla_enforced                 jsonb       NOT NULL
        DEFAULT '{"critical": true, "high": true, "medium": true, "low": true}',
    restart_sla_on_reactivation  boolean     NOT NULL DEFAULT false,
    dedupe_scope                 text        NOT NULL DEFAULT 'project',
    archived_at                  timestamptz,
    created_at                   timestamptz NOT NULL DEFAULT now(),
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT projects_pkey PRIMARY KEY (id),
    CONSTRAINT projects_name_key UNIQUE (name),
    CONSTRAINT projects_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT projects_product_manager_id_fkey FOREIGN KEY (product_manager_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT projects_technical_contact_id_fkey FOREIGN KEY (technical_contact_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT projects_business_criticality_check
        CHECK (business_criticality IN ('very_high', 'high', 'medium', 'low', 'very_low', 'none')),
    CONSTRAINT projects_platform_check
        CHECK (platform IN ('web_service', 'desktop', 'iot', 'mobile', 'web')),
    CONSTRAINT projects_lifecycle_check
        CHECK (lifecycle IN ('construction', 'production', 'retirement')),
    CONSTRAINT projects_origin_check
        CHECK (origin IN ('third_party_library', 'purchased', 'contractor', 'internal', 'open_source', 'outsourced')),
    CONSTRAINT projects_dedupe_scope_check CHECK (dedupe_scope IN ('project', 'scan')),
    CONSTRAINT projects_user_records_check CHECK (user_records >= 0),
    CONSTRAINT projects_sla_days_check CHECK (jsonb_typeof(sla_days) = 'object'),
    CONSTRAINT projects_sla_enforced_check CHECK (jsonb_typeof(sla_enforced) = 'object')
);
COMMENT ON TABLE projects IS 'General project definitions';
CREATE INDEX projects_team_id_idx ON projects (team_id);
CREATE INDEX projects_product_manager_id_idx ON projects (product_manager_id);
CREATE INDEX projects_technical_contact_id_idx ON projects (technical_contact_id);
CREATE INDEX projects_business_criticality_idx ON projects (business_criticality);
CREATE INDEX projects_created_at_idx ON projects (created_at);
CREATE INDEX projects_tags_idx ON projects USING gin (tags);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE project_scans (
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    project_id       uuid        NOT NULL,
    name             text        NOT NULL,
    scan_type        text        NOT NULL,
    engagement_type  text,
    status           text        NOT NULL,
    target_start     timestamptz,
    target_end       timestamptz,
    lead_id          uuid,
    version          text,
    build_id         text,
    commit_hash      text,
    branch_tag       text,
    environment      text,
    source_table     text,
    source_scan_id   uuid,
    import_stats     jsonb       NOT NULL DEFAULT '{}',
    completed_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT project_scans_pkey PRIMARY KEY (id),
    CONSTRAINT project_scans_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT project_scans_lead_id_fkey FOREIGN KEY (lead_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT project_scans_engagement_type_check
        CHECK (engagement_type IN ('interactive', 'ci_cd')),
    CONSTRAINT project_scans_status_check
        CHECK (status IN ('not_started', 'scheduled', 'in_progress', 'on_hold', 'blocked',
                          'waiting_for_resource', 'completed', 'cancelled')),
    CONSTRAINT project_scans_environment_check
        CHECK (environment IN ('development', 'test', 'staging', 'production')),
    CONSTRAINT project_scans_target_end_check CHECK (target_end >= target_start)
);
COMMENT ON TABLE project_scans IS 'Project scan history';
CREATE INDEX project_scans_project_id_idx ON project_scans (project_id);
CREATE INDEX project_scans_lead_id_idx ON project_scans (lead_id);
CREATE INDEX project_scans_status_idx ON project_scans (status);
CREATE INDEX project_scans_scan_type_idx ON project_scans (scan_type);
CREATE INDEX project_scans_created_at_idx ON project_scans (created_at);
-- Back-pointer to the tool's own scan row.
CREATE INDEX project_scans_source_table_source_scan_id_idx
    ON project_scans (source_table, source_scan_id);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE project_issues (
    id                           uuid        NOT NULL DEFAULT gen_random_uuid(),
    project_id                   uuid        NOT NULL,
    scan_id                      uuid,
    source_table                 text,
    source_id                    uuid,
    title                        text        NOT NULL,
    description                  text,
    mitigation                   text,
    impact                       text,
    steps_to_reproduce           text,
    "references"                 text,
    severity                     text        NOT NULL,
    numerical_severity           text,
    severity_justification       text,
    cwe                          integer,
    vulnerability_ids            text[]      NOT NULL DEFAULT '{}',
    cvssv3                       text,
    cvssv3_score                 numeric(3,1),
    cvssv4                       text,
    cvssv4_score                 numeric(3,1),
    epss_score                   numeric(6,5),
    epss_percentile              numeric(6,5),
    known_exploited              boolean     NOT NULL DEFAULT false,
    kev_date                     date,
    file_path                    text,
    line                         integer,
    component_name               text,
    component_version            text,
    endpoint_url                 text,
    param                        text,
    payload                      text,
    service                      text,
    active                       boolean     NOT NULL DEFAULT true,
    verified                     boolean     NOT NULL DEFAULT false,
    false_p                      boolean     NOT NULL DEFAULT false,
    duplicate                    boolean     NOT NULL DEFAULT false,
    duplicate_of_id              uuid,
    out_of_scope                 boolean     NOT NULL DEFAULT false,
    risk_accepted                boolean     NOT NULL DEFAULT false,
    under_review                 boolean     NOT NULL DEFAULT false,
    is_mitigated                 boolean     NOT NULL DEFAULT false,
    mitigated_at                 timestamptz,
    mitigated_by                 uuid,
    reporter_id                  uuid,
    assignee_id                  uuid,
    last_reviewed_at             timestamptz,
    last_status_update_at        timestamptz,
    hash_code                    text,
    unique_id_from_tool          text,
    vuln_id_from_tool            text,
    static_finding               boolean     NOT NULL DEFAULT false,
    dynamic_finding              boolean     NOT NULL DEFAULT false,
    nb_occurrences               integer     NOT NULL DEFAULT 1,
    date                         date        NOT NULL DEFAULT current_date,
    sla_start_date               date,
    sla_expiration_date          date,
    planned_remediation_date     date,
    planned_remediation_version  text,
    risk_acceptance              jsonb,
    tags                         text[]      NOT NULL DEFAULT '{}',
    created_at                   timestamptz NOT NULL DEFAULT now(),
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT project_issues_pkey PRIMARY KEY (id),
    CONSTRAINT project_issues_project_id_fkey FOREIGN KEY (project_id)
        REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT project_issues_scan_id_fkey FOREIGN KEY (scan_id)
        REFERENCES project_scans (id) ON DELETE CASCADE,
    CONSTRAINT project_issues_duplicate_of_id_fkey FOREIGN KEY (duplicate_of_id)
        REFERENCES project_issues (id) ON DELETE SET NULL,
    CONSTRAINT project_issues_mitigated_by_fkey FOREIGN KEY (mitigated_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT project_issues_reporter_id_fkey FOREIGN KEY (reporter_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT project_issues_assignee_id_fkey FOREIGN KEY (assignee_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT project_issues_severity_check
        CHECK (severity IN ('Critical', 'High', 'Medium', 'Low', 'Info')),
    CONSTRAINT project_issues_numerical_severity_check
        CHECK (numerical_severity IN ('S0', 'S1', 'S2', 'S3', 'S4')),
    CONSTRAINT project_issues_cwe_check CHECK (cwe >= 0),
    CONSTRAINT project_issues_cvssv3_score_check CHECK (cvssv3_score BETWEEN 0 AND 10),
    CONSTRAINT project_issues_cvssv4_score_check CHECK (cvssv4_score BETWEEN 0 AND 10),
    CONSTRAINT project_issues_epss_score_check CHECK (epss_score BETWEEN 0 AND 1),
    CONSTRAINT project_issues_epss_percentile_check CHECK (epss_percentile BETWEEN 0 AND 1),
    CONSTRAINT project_issues_line_check CHECK (line >= 0),
    CONSTRAINT project_issues_duplicate_of_id_check CHECK (duplicate_of_id <> id),
    CONSTRAINT project_issues_hash_code_check CHECK (char_length(hash_code) = 64),
    CONSTRAINT project_issues_nb_occurrences_check CHECK (nb_occurrences >= 1),
    CONSTRAINT project_issues_risk_acceptance_check
        CHECK (jsonb_typeof(risk_acceptance) = 'object')
);
COMMENT ON TABLE project_issues IS 'Project security issues';
-- §17: the triage view of a project (active findings by severity); also the FK index.
CREATE INDEX project_issues_project_id_active_severity_idx
    ON project_issues (project_id, active, severity);
CREATE INDEX project_issues_scan_id_idx ON project_issues (scan_id);
CREATE INDEX project_issues_duplicate_of_id_idx ON project_issues (duplicate_of_id);
CREATE INDEX project_issues_mitigated_by_idx ON project_issues (mitigated_by);
CREATE INDEX project_issues_reporter_id_idx ON project_issues (reporter_id);
CREATE INDEX project_issues_assignee_id_idx ON project_issues (assignee_id);
-- §17: deduplication lookups.
CREATE INDEX project_issues_hash_code_idx ON project_issues (hash_code);
CREATE INDEX project_issues_unique_id_from_tool_idx ON project_issues (unique_id_from_tool);
-- §17: SLA breach dashboards look only at active findings.
CREATE INDEX project_issues_sla_expiration_date_idx ON project_issues (sla_expiration_date)
    WHERE active;
CREATE INDEX project_issues_severity_idx ON project_issues (severity);
CREATE INDEX project_issues_created_at_idx ON project_issues (created_at);
-- Back-pointer to the tool's own finding row.
CREATE INDEX project_issues_source_table_source_id_idx ON project_issues (source_table, source_id);
-- CVE / GHSA lookups and tag filters (array overlaps / contains).
CREATE INDEX project_issues_vulnerability_ids_idx ON project_issues USING gin (vulnerability_ids);
CREATE INDEX project_issues_tags_idx ON project_issues USING gin (tags);
