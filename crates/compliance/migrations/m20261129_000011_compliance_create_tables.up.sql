-- compliance: frameworks with their requirement trees, and assessments against them.
-- Columns: docs domain-model.md §13 (CISO Assistant). Enums are text + CHECK; every foreign key
-- is indexed. Depends on iam (users, teams). Reference data: the *_reference_data migration.

-- ---------------------------------------------------------------------------------------------
CREATE TABLE compliance_frameworks (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    key                text        NOT NULL,
    name               text        NOT NULL,
    version            text,
    publisher          text,
    description        text,
    requirements       jsonb       NOT NULL DEFAULT '[]',
    requirement_count  integer     NOT NULL DEFAULT 0,
    min_score          integer     NOT NULL DEFAULT 0,
    max_score          integer     NOT NULL DEFAULT 100,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT compliance_frameworks_pkey PRIMARY KEY (id),
    CONSTRAINT compliance_frameworks_key_key UNIQUE (key),
    CONSTRAINT compliance_frameworks_key_check CHECK (key ~ '^[a-z0-9_]+$'),
    CONSTRAINT compliance_frameworks_requirements_check
        CHECK (jsonb_typeof(requirements) = 'array'),
    CONSTRAINT compliance_frameworks_requirement_count_check CHECK (requirement_count >= 0),
    CONSTRAINT compliance_frameworks_max_score_check CHECK (max_score > min_score)
);
COMMENT ON TABLE compliance_frameworks IS 'Compliance framework definitions';

-- ---------------------------------------------------------------------------------------------
CREATE TABLE compliance_assessments (
    id              uuid         NOT NULL DEFAULT gen_random_uuid(),
    framework_id    uuid         NOT NULL,
    name            text         NOT NULL,
    version         text,
    description     text,
    scope_type      text         NOT NULL DEFAULT 'organization',
    scope_id        uuid,
    status          text         NOT NULL DEFAULT 'planned',
    assessor_id     uuid,
    reviewer_id     uuid,
    eta             date,
    due_date        date,
    results         jsonb        NOT NULL DEFAULT '{}',
    progress_pct    numeric(5,2) NOT NULL DEFAULT 0,
    compliance_pct  numeric(5,2),
    result_counts   jsonb        NOT NULL DEFAULT '{}',
    started_at      timestamptz,
    completed_at    timestamptz,
    team_id         uuid,
    created_by      uuid,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT compliance_assessments_pkey PRIMARY KEY (id),
    CONSTRAINT compliance_assessments_framework_id_fkey FOREIGN KEY (framework_id)
        REFERENCES compliance_frameworks (id) ON DELETE CASCADE,
    CONSTRAINT compliance_assessments_assessor_id_fkey FOREIGN KEY (assessor_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT compliance_assessments_reviewer_id_fkey FOREIGN KEY (reviewer_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT compliance_assessments_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT compliance_assessments_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT compliance_assessments_scope_type_check
        CHECK (scope_type IN ('organization', 'team', 'project', 'cloud_account')),
    CONSTRAINT compliance_assessments_status_check
        CHECK (status IN ('planned', 'in_progress', 'in_review', 'done', 'deprecated')),
    -- Only an organization-wide assessment has no scope row.
    CONSTRAINT compliance_assessments_scope_id_check
        CHECK ((scope_type = 'organization') = (scope_id IS NULL)),
    CONSTRAINT compliance_assessments_results_check CHECK (jsonb_typeof(results) = 'object'),
    CONSTRAINT compliance_assessments_result_counts_check
        CHECK (jsonb_typeof(result_counts) = 'object'),
    CONSTRAINT compliance_assessments_progress_pct_check CHECK (progress_pct BETWEEN 0 AND 100),
    CONSTRAINT compliance_assessments_compliance_pct_check
        CHECK (compliance_pct BETWEEN 0 AND 100),
    CONSTRAINT compliance_assessments_completed_at_check CHECK (completed_at >= started_at)
);
COMMENT ON TABLE compliance_assessments IS 'Compliance assessment results';
CREATE INDEX compliance_assessments_framework_id_idx ON compliance_assessments (framework_id);
CREATE INDEX compliance_assessments_assessor_id_idx ON compliance_assessments (assessor_id);
CREATE INDEX compliance_assessments_reviewer_id_idx ON compliance_assessments (reviewer_id);
CREATE INDEX compliance_assessments_team_id_idx ON compliance_assessments (team_id);
CREATE INDEX compliance_assessments_created_by_idx ON compliance_assessments (created_by);
-- "Assessments of this project / team / cloud account".
CREATE INDEX compliance_assessments_scope_type_scope_id_idx
    ON compliance_assessments (scope_type, scope_id);
CREATE INDEX compliance_assessments_status_idx ON compliance_assessments (status);
CREATE INDEX compliance_assessments_due_date_idx ON compliance_assessments (due_date);
CREATE INDEX compliance_assessments_created_at_idx ON compliance_assessments (created_at);
