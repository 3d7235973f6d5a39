-- incidents: priorities, statuses, playbooks, categories, incidents and their response tasks
-- (TheHive / DFIR-IRIS). Columns: docs domain-model.md §10 and §15 logic #8. Enums are
-- text + CHECK; every foreign key is indexed. Depends on iam (users, teams).
-- incident_responses.workflow_execution_id references workflow_executions, a table of the
-- workflows domain, which runs later: its migration adds incident_responses_workflow_execution_id_fkey.
-- Reference data (priorities, statuses, categories): the *_reference_data migration.

-- ---------------------------------------------------------------------------------------------
CREATE TABLE incident_priorities (
    id                        uuid        NOT NULL DEFAULT gen_random_uuid(),
    key                       text        NOT NULL,
    level                     smallint    NOT NULL,
    name                      text        NOT NULL,
    impact                    text        NOT NULL,
    urgency                   text        NOT NULL,
    response_sla_minutes      integer     NOT NULL,
    resolution_sla_minutes    integer     NOT NULL,
    escalation_after_minutes  integer,
    notify_channels           text[]      NOT NULL DEFAULT '{}',
    color                     text,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT incident_priorities_pkey PRIMARY KEY (id),
    CONSTRAINT incident_priorities_key_key UNIQUE (key),
    CONSTRAINT incident_priorities_level_key UNIQUE (level),
    CONSTRAINT incident_priorities_impact_urgency_key UNIQUE (impact, urgency),
    CONSTRAINT incident_priorities_key_check CHECK (key IN ('P1', 'P2', 'P3', 'P4')),
    CONSTRAINT incident_priorities_impact_check CHECK (impact IN ('high', 'medium', 'low')),
    CONSTRAINT incident_priorities_urgency_check CHECK (urgency IN ('high', 'medium', 'low')),
    CONSTRAINT incident_priorities_level_check CHECK (level BETWEEN 1 AND 4),
    CONSTRAINT incident_priorities_response_sla_minutes_check CHECK (response_sla_minutes > 0),
    CONSTRAINT incident_priorities_resolution_sla_minutes_check
        CHECK (resolution_sla_minutes >= response_sla_minutes),
    CONSTRAINT incident_priorities_escalation_after_minutes_check
        CHECK (escalation_after_minutes > 0),
    CONSTRAINT incident_priorities_color_check CHECK (color ~ '^#[0-9A-Fa-f]{6}$')
);
COMMENT ON TABLE incident_priorities IS 'Incident priority levels';

-- ---------------------------------------------------------------------------------------------
CREATE TABLE incident_statuses (
    id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
    key                  text        NOT NULL,
    name                 text        NOT NULL,
    phase                text        NOT NULL,
    is_terminal          boolean     NOT NULL DEFAULT false,
    pauses_sla           boolean     NOT NULL DEFAULT false,
    sort_order           smallint    NOT NULL DEFAULT 0,
    allowed_next         text[]      NOT NULL DEFAULT '{}',
    requires_resolution  boolean     NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT incident_statuses_pkey PRIMARY KEY (id),
    CONSTRAINT incident_statuses_key_key UNIQUE (key),
    CONSTRAINT incident_statuses_phase_check
        CHECK (phase IN ('new', 'triage', 'containment', 'eradication', 'recovery', 'post_incident',
                         'reporting', 'closed'))
);
COMMENT ON TABLE incident_statuses IS 'Incident status tracking';
CREATE INDEX incident_statuses_sort_order_idx ON incident_statuses (sort_order);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE response_playbooks (
    id                  uuid        NOT NULL DEFAULT gen_random_uuid(),
    name                text        NOT NULL,
    description         text,
    version             integer     NOT NULL DEFAULT 1,
    status              text        NOT NULL DEFAULT 'draft',
    owner_team_id       uuid,
    category_ids        uuid[]      NOT NULL DEFAULT '{}',
    min_severity        smallint,
    trigger_conditions  jsonb       NOT NULL DEFAULT '{}',
    title_prefix        text,
    default_severity    smallint,
    default_tlp         text,
    default_pap         text,
    tags                text[]      NOT NULL DEFAULT '{}',
    custom_fields       jsonb       NOT NULL DEFAULT '{}',
    tasks               jsonb       NOT NULL DEFAULT '[]',
    nist_phases         text[]      NOT NULL DEFAULT '{}',
    created_by          uuid,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT response_playbooks_pkey PRIMARY KEY (id),
    CONSTRAINT response_playbooks_name_version_key UNIQUE (name, version),
    CONSTRAINT response_playbooks_owner_team_id_fkey FOREIGN KEY (owner_team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT response_playbooks_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT response_playbooks_status_check CHECK (status IN ('draft', 'active', 'deprecated')),
    CONSTRAINT response_playbooks_default_tlp_check
        CHECK (default_tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
    CONSTRAINT response_playbooks_default_pap_check
        CHECK (default_pap IN ('CLEAR', 'GREEN', 'AMBER', 'RED')),
    CONSTRAINT response_playbooks_nist_phases_check
        CHECK (nist_phases <@ ARRAY['preparation', 'detection_analysis',
                                    'containment_eradication_recovery', 'post_incident']::text[]),
    CONSTRAINT response_playbooks_version_check CHECK (version >= 1),
    CONSTRAINT response_playbooks_min_severity_check CHECK (min_severity BETWEEN 1 AND 4),
    CONSTRAINT response_playbooks_default_severity_check CHECK (default_severity BETWEEN 1 AND 4),
    CONSTRAINT response_playbooks_trigger_conditions_check
        CHECK (jsonb_typeof(trigger_conditions) = 'object'),
    CONSTRAINT response_playbooks_custom_fields_check
        CHECK (jsonb_typeof(custom_fields) = 'object'),
    CONSTRAINT response_playbooks_tasks_check CHECK (jsonb_typeof(tasks) = 'array')
);
COMMENT ON TABLE response_playbooks IS 'Response procedure playbooks';
CREATE INDEX response_playbooks_owner_team_id_idx ON response_playbooks (owner_team_id);
CREATE INDEX response_playbooks_created_by_idx ON response_playbooks (created_by);
CREATE INDEX response_playbooks_status_idx ON response_playbooks (status);
-- Playbook selection for a new incident: "applies to this category".
CREATE INDEX response_playbooks_category_ids_idx ON response_playbooks USING gin (category_ids);
CREATE INDEX response_playbooks_tags_idx ON response_playbooks USING gin (tags);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE incident_categories (
    id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
    key                  text        NOT NULL,
    category             text        NOT NULL,
    subcategory          text        NOT NULL,
    name                 text        NOT NULL,
    description          text,
    default_priority_id  uuid,
    default_playbook_id  uuid,
    notify_regulator     boolean     NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT incident_categories_pkey PRIMARY KEY (id),
    CONSTRAINT incident_categories_key_key UNIQUE (key),
    CONSTRAINT incident_categories_default_priority_id_fkey FOREIGN KEY (default_priority_id)
        REFERENCES incident_priorities (id) ON DELETE SET NULL,
    CONSTRAINT incident_categories_default_playbook_id_fkey FOREIGN KEY (default_playbook_id)
        REFERENCES response_playbooks (id) ON DELETE SET NULL,
    CONSTRAINT incident_categories_key_check CHECK (key = category || ':' || subcategory)
);
COMMENT ON TABLE incident_categories IS 'Incident categorization';
CREATE INDEX incident_categories_default_priority_id_idx
    ON incident_categories (default_priority_id);
CREATE INDEX incident_categories_default_playbook_id_idx
    ON incident_categories (default_playbook_id);
CREATE INDEX incident_categories_category_idx ON incident_categories (category);

-- ---------------------------------------------------------------------------------------------
-- Human-facing incident numbers (#1, #2, …); owned by incidents.number, dropped with it.
CREATE SEQUENCE incidents_number_seq AS integer;

CREATE TABLE incidents (
    id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
    number               integer     NOT NULL DEFAULT nextval('incidents_number_seq'::regclass),
    title                text        NOT NULL,
    description          text,
    summary              text,
    severity             smallint    NOT NULL DEFAULT 2,
    priority_id          uuid,
    category_id          uuid,
    status_id            uuid,
    tlp                  text        NOT NULL DEFAULT 'AMBER',
    pap                  text        NOT NULL DEFAULT 'AMBER',
    flag                 boolean     NOT NULL DEFAULT false,
    tags                 text[]      NOT NULL DEFAULT '{}',
    resolution           text,
    impact_status        text,
    assignee_id          uuid,
    team_id              uuid,
    reviewer_id          uuid,
    created_by           uuid,
    source               text        NOT NULL DEFAULT 'manual',
    source_ref           text,
    occurred_at          timestamptz,
    detected_at          timestamptz NOT NULL DEFAULT now(),
    reported_at          timestamptz,
    acknowledged_at      timestamptz,
    contained_at         timestamptz,
    resolved_at          timestamptz,
    closed_at            timestamptz,
    response_due_at      timestamptz,
    resolution_due_at    timestamptz,
    response_breached    boolean     NOT NULL DEFAULT false,
    resolution_breached  boolean     NOT NULL DEFAULT false,
    sla_paused_seconds   integer     NOT NULL DEFAULT 0,
    observables          jsonb       NOT NULL DEFAULT '[]',
    affected_assets      jsonb       NOT NULL DEFAULT '[]',
    playbook_id          uuid,
    merged_into_id       uuid,
    custom_fields        jsonb       NOT NULL DEFAULT '{}',
    mitre_techniques     text[]      NOT NULL DEFAULT '{}',
    raw                  jsonb,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT incidents_pkey PRIMARY KEY (id),
    CONSTRAINT incidents_number_key UNIQUE (number),
    -- §17: idempotent alert import (TheHive alert type + source + sourceRef).
    CONSTRAINT incidents_source_source_ref_key UNIQUE (source, source_ref),
    CONSTRAINT incidents_priority_id_fkey FOREIGN KEY (priority_id)
        REFERENCES incident_priorities (id) ON DELETE SET NULL,
    CONSTRAINT incidents_category_id_fkey FOREIGN KEY (category_id)
        REFERENCES incident_categories (id) ON DELETE SET NULL,
    CONSTRAINT incidents_status_id_fkey FOREIGN KEY (status_id)
        REFERENCES incident_statuses (id) ON DELETE SET NULL,
    CONSTRAINT incidents_assignee_id_fkey FOREIGN KEY (assignee_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT incidents_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT incidents_reviewer_id_fkey FOREIGN KEY (reviewer_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT incidents_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT incidents_playbook_id_fkey FOREIGN KEY (playbook_id)
        REFERENCES response_playbooks (id) ON DELETE SET NULL,
    CONSTRAINT incidents_merged_into_id_fkey FOREIGN KEY (merged_into_id)
        REFERENCES incidents (id) ON DELETE SET NULL,
    CONSTRAINT incidents_tlp_check CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
    CONSTRAINT incidents_pap_check CHECK (pap IN ('CLEAR', 'GREEN', 'AMBER', 'RED')),
    CONSTRAINT incidents_resolution_check
        CHECK (resolution IN ('TruePositive', 'FalsePositive', 'Indeterminate', 'Duplicated', 'Other')),
    CONSTRAINT incidents_impact_status_check
        CHECK (impact_status IN ('NoImpact', 'WithImpact', 'NotApplicable')),
    CONSTRAINT incidents_source_check
        CHECK (source IN ('manual', 'siem', 'ids', 'edr', 'cloud', 'email', 'rasp', 'dlp',
                          'threat_intel')),
    CONSTRAINT incidents_severity_check CHECK (severity BETWEEN 1 AND 4),
    CONSTRAINT incidents_number_check CHECK (number > 0),
    CONSTRAINT incidents_sla_paused_seconds_check CHECK (sla_paused_seconds >= 0),
    CONSTRAINT incidents_merged_into_id_check CHECK (merged_into_id <> id),
    -- Logic #8: a duplicate points at the incident it duplicates.
    CONSTRAINT incidents_resolution_duplicated_check
        CHECK (resolution IS DISTINCT FROM 'Duplicated' OR merged_into_id IS NOT NULL),
    CONSTRAINT incidents_observables_check CHECK (jsonb_typeof(observables) = 'array'),
    CONSTRAINT incidents_affected_assets_check CHECK (jsonb_typeof(affected_assets) = 'array'),
    CONSTRAINT incidents_custom_fields_check CHECK (jsonb_typeof(custom_fields) = 'object')
);
COMMENT ON TABLE incidents IS 'Security incident records';
ALTER SEQUENCE incidents_number_seq OWNED BY incidents.number;
-- §17: the queue (status, then priority); also the FK index of status_id.
CREATE INDEX incidents_status_id_priority_id_idx ON incidents (status_id, priority_id);
CREATE INDEX incidents_priority_id_idx ON incidents (priority_id);
CREATE INDEX incidents_category_id_idx ON incidents (category_id);
CREATE INDEX incidents_assignee_id_idx ON incidents (assignee_id);
CREATE INDEX incidents_team_id_idx ON incidents (team_id);
CREATE INDEX incidents_reviewer_id_idx ON incidents (reviewer_id);
CREATE INDEX incidents_created_by_idx ON incidents (created_by);
CREATE INDEX incidents_playbook_id_idx ON incidents (playbook_id);
CREATE INDEX incidents_merged_into_id_idx ON incidents (merged_into_id);
-- §17: SLA breach job and "due soon" views look only at open incidents.
CREATE INDEX incidents_resolution_due_at_idx ON incidents (resolution_due_at)
    WHERE closed_at IS NULL;
CREATE INDEX incidents_response_due_at_idx ON incidents (response_due_at)
    WHERE acknowledged_at IS NULL AND closed_at IS NULL;
CREATE INDEX incidents_severity_idx ON incidents (severity);
CREATE INDEX incidents_detected_at_idx ON incidents (detected_at);
CREATE INDEX incidents_created_at_idx ON incidents (created_at);
CREATE INDEX incidents_tags_idx ON incidents USING gin (tags);
CREATE INDEX incidents_mitre_techniques_idx ON incidents USING gin (mitre_techniques);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE incident_responses (
    id                     uuid        NOT NULL DEFAULT gen_random_uuid(),
    incident_id            uuid        NOT NULL,
    playbook_id            uuid,
    playbook_step_key      text,
    title                  text        NOT NULL,
    "group"                text,
    description            text,
    status                 text        NOT NULL DEFAULT 'Waiting',
    flag                   boolean     NOT NULL DEFAULT false,
    "order"                integer     NOT NULL DEFAULT 0,
    assignee_id            uuid,
    due_at                 timestamptz,
    started_at             timestamptz,
    ended_at               timestamptz,
    action_type            text        NOT NULL DEFAULT 'manual',
    -- References workflow_executions (workflows domain, later in the order): the workflows
    -- migration adds incident_responses_workflow_execution_id_fkey; the index is created here.
    workflow_execution_id  uuid,
    logs                   jsonb       NOT NULL DEFAULT '[]',
    outcome                text,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT incident_responses_pkey PRIMARY KEY (id),
    CONSTRAINT incident_responses_incident_id_fkey FOREIGN KEY (incident_id)
        REFERENCES incidents (id) ON DELETE CASCADE,
    CONSTRAINT incident_responses_playbook_id_fkey FOREIGN KEY (playbook_id)
        REFERENCES response_playbooks (id) ON DELETE SET NULL,
    CONSTRAINT incident_responses_assignee_id_fkey FOREIGN KEY (assignee_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT incident_responses_status_check
        CHECK (status IN ('Waiting', 'InProgress', 'Completed', 'Cancel')),
    CONSTRAINT incident_responses_action_type_check
        CHECK (action_type IN ('manual', 'automated', 'notification', 'evidence_collection')),
    CONSTRAINT incident_responses_ended_at_check CHECK (ended_at >= started_at),
    CONSTRAINT incident_responses_logs_check CHECK (jsonb_typeof(logs) = 'array')
);
COMMENT ON TABLE incident_responses IS 'Incident response actions';
-- The task list of an incident, in order; also the FK index.
CREATE INDEX incident_responses_incident_id_order_idx ON incident_responses (incident_id, "order");
CREATE INDEX incident_responses_playbook_id_idx ON incident_responses (playbook_id);
CREATE INDEX incident_responses_assignee_id_idx ON incident_responses (assignee_id);
CREATE INDEX incident_responses_workflow_execution_id_idx
    ON incident_responses (workflow_execution_id);
CREATE INDEX incident_responses_status_idx ON incident_responses (status);
-- "My open tasks, by due date".
CREATE INDEX incident_responses_due_at_idx ON incident_responses (due_at)
    WHERE status IN ('Waiting', 'InProgress');
CREATE INDEX incident_responses_created_at_idx ON incident_responses (created_at);
