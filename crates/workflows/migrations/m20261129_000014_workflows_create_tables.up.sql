-- workflows: automation definitions, their steps and their runs (StackStorm-style).
-- Columns: docs domain-model.md §12. Enums are text + CHECK; every foreign key is indexed.
-- Depends on iam (users, teams), integrations (external_integrations) and incidents (incidents);
-- also closes the incidents ↔ workflows cycle: incident_responses.workflow_execution_id
-- (incidents domain, earlier) gets its foreign key here, once workflow_executions exists.

-- ---------------------------------------------------------------------------------------------
CREATE TABLE workflows (
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    name             text        NOT NULL,
    description      text,
    trigger_type     text        NOT NULL DEFAULT 'manual',
    trigger_config   jsonb       NOT NULL DEFAULT '{}',
    version          integer     NOT NULL DEFAULT 1,
    enabled          boolean     NOT NULL DEFAULT false,
    timeout_s        integer,
    max_concurrency  integer,
    owner_team_id    uuid,
    created_by       uuid,
    tags             text[]      NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT workflows_pkey PRIMARY KEY (id),
    CONSTRAINT workflows_name_key UNIQUE (name),
    CONSTRAINT workflows_owner_team_id_fkey FOREIGN KEY (owner_team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT workflows_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT workflows_trigger_type_check
        CHECK (trigger_type IN ('manual', 'schedule', 'webhook', 'event')),
    CONSTRAINT workflows_trigger_config_check CHECK (jsonb_typeof(trigger_config) = 'object'),
    CONSTRAINT workflows_version_check CHECK (version >= 1),
    CONSTRAINT workflows_timeout_s_check CHECK (timeout_s > 0),
    CONSTRAINT workflows_max_concurrency_check CHECK (max_concurrency > 0)
);
COMMENT ON TABLE workflows IS 'Security workflow definitions';
CREATE INDEX workflows_owner_team_id_idx ON workflows (owner_team_id);
CREATE INDEX workflows_created_by_idx ON workflows (created_by);
-- The dispatcher: enabled workflows by trigger type.
CREATE INDEX workflows_trigger_type_idx ON workflows (trigger_type) WHERE enabled;
CREATE INDEX workflows_created_at_idx ON workflows (created_at);
CREATE INDEX workflows_tags_idx ON workflows USING gin (tags);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE workflow_steps (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    workflow_id        uuid        NOT NULL,
    key                text        NOT NULL,
    name               text        NOT NULL,
    position           integer     NOT NULL DEFAULT 0,
    action_ref         text        NOT NULL,
    integration_id     uuid,
    input              jsonb       NOT NULL DEFAULT '{}',
    condition          text,
    on_success         text[]      NOT NULL DEFAULT '{}',
    on_failure         text[]      NOT NULL DEFAULT '{}',
    retry_max          smallint    NOT NULL DEFAULT 0,
    retry_delay_s      integer     NOT NULL DEFAULT 0,
    timeout_s          integer,
    requires_approval  boolean     NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT workflow_steps_pkey PRIMARY KEY (id),
    -- Also the index of workflow_steps_workflow_id_fkey (workflow_id leads).
    CONSTRAINT workflow_steps_workflow_id_key_key UNIQUE (workflow_id, key),
    CONSTRAINT workflow_steps_workflow_id_fkey FOREIGN KEY (workflow_id)
        REFERENCES workflows (id) ON DELETE CASCADE,
    -- Cross-domain: external_integrations belongs to the integrations crate (earlier domain).
    CONSTRAINT workflow_steps_integration_id_fkey FOREIGN KEY (integration_id)
        REFERENCES external_integrations (id) ON DELETE SET NULL,
    CONSTRAINT workflow_steps_input_check CHECK (jsonb_typeof(input) = 'object'),
    CONSTRAINT workflow_steps_retry_max_check CHECK (retry_max >= 0),
    CONSTRAINT workflow_steps_retry_delay_s_check CHECK (retry_delay_s >= 0),
    CONSTRAINT workflow_steps_timeout_s_check CHECK (timeout_s > 0)
);
COMMENT ON TABLE workflow_steps IS 'Workflow step configurations';
CREATE INDEX workflow_steps_integration_id_idx ON workflow_steps (integration_id);
-- "Which workflows use this action".
CREATE INDEX workflow_steps_action_ref_idx ON workflow_steps (action_ref);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE workflow_executions (
    id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
    workflow_id          uuid        NOT NULL,
    workflow_version     integer     NOT NULL,
    status               text        NOT NULL DEFAULT 'requested',
    trigger_event        jsonb,
    input                jsonb       NOT NULL DEFAULT '{}',
    output               jsonb,
    error                text,
    step_results         jsonb       NOT NULL DEFAULT '[]',
    started_at           timestamptz,
    ended_at             timestamptz,
    duration_ms          bigint,
    triggered_by         uuid,
    parent_execution_id  uuid,
    incident_id          uuid,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT workflow_executions_pkey PRIMARY KEY (id),
    CONSTRAINT workflow_executions_workflow_id_fkey FOREIGN KEY (workflow_id)
        REFERENCES workflows (id) ON DELETE CASCADE,
    CONSTRAINT workflow_executions_triggered_by_fkey FOREIGN KEY (triggered_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT workflow_executions_parent_execution_id_fkey FOREIGN KEY (parent_execution_id)
        REFERENCES workflow_executions (id) ON DELETE SET NULL,
    -- Cross-domain: incidents belongs to the incidents crate (earlier domain).
    CONSTRAINT workflow_executions_incident_id_fkey FOREIGN KEY (incident_id)
        REFERENCES incidents (id) ON DELETE SET NULL,
    CONSTRAINT workflow_executions_status_check
        CHECK (status IN ('requested', 'scheduled', 'delayed', 'running', 'paused', 'succeeded',
                          'failed', 'timeout', 'abandoned', 'canceling', 'canceled')),
    CONSTRAINT workflow_executions_workflow_version_check CHECK (workflow_version >= 1),
    CONSTRAINT workflow_executions_ended_at_check CHECK (ended_at >= started_at),
    CONSTRAINT workflow_executions_duration_ms_check CHECK (duration_ms >= 0),
    CONSTRAINT workflow_executions_parent_execution_id_check CHECK (parent_execution_id <> id),
    CONSTRAINT workflow_executions_input_check CHECK (jsonb_typeof(input) = 'object'),
    CONSTRAINT workflow_executions_step_results_check
        CHECK (jsonb_typeof(step_results) = 'array')
);
COMMENT ON TABLE workflow_executions IS 'Workflow execution tracking';
-- Run history of a workflow, newest first; also the FK index.
CREATE INDEX workflow_executions_workflow_id_created_at_idx
    ON workflow_executions (workflow_id, created_at);
CREATE INDEX workflow_executions_triggered_by_idx ON workflow_executions (triggered_by);
CREATE INDEX workflow_executions_parent_execution_id_idx
    ON workflow_executions (parent_execution_id);
CREATE INDEX workflow_executions_incident_id_idx ON workflow_executions (incident_id);
CREATE INDEX workflow_executions_status_idx ON workflow_executions (status);
CREATE INDEX workflow_executions_started_at_idx ON workflow_executions (started_at);
CREATE INDEX workflow_executions_created_at_idx ON workflow_executions (created_at);

-- ---------------------------------------------------------------------------------------------
-- The incidents ↔ workflows cycle: incident_responses (incidents domain) was created before
-- workflow_executions existed; its index incident_responses_workflow_execution_id_idx is there.
ALTER TABLE incident_responses
    ADD CONSTRAINT incident_responses_workflow_execution_id_fkey
    FOREIGN KEY (workflow_execution_id) REFERENCES workflow_executions (id) ON DELETE SET NULL;
