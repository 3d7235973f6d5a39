-- threat_intel: indicators of compromise (STIX 2.1 Indicator + MISP attribute + OpenCTI decay).
-- Columns: docs domain-model.md §9, decay fields: §15 logic #10. Enums are text + CHECK; every
-- foreign key is indexed. Depends on iam (users) and integrations (external_integrations).

-- ---------------------------------------------------------------------------------------------
CREATE TABLE threat_intelligence (
    id                      uuid        NOT NULL DEFAULT gen_random_uuid(),
    stix_id                 text        NOT NULL,
    spec_version            text        NOT NULL DEFAULT '2.1',
    name                    text,
    description             text,
    indicator_types         text[]      NOT NULL DEFAULT '{}',
    pattern                 text        NOT NULL,
    pattern_type            text        NOT NULL DEFAULT 'stix',
    pattern_version         text,
    observable_type         text,
    observable_value        text,
    valid_from              timestamptz NOT NULL DEFAULT now(),
    valid_until             timestamptz,
    kill_chain_phases       jsonb       NOT NULL DEFAULT '[]',
    confidence              smallint,
    labels                  text[]      NOT NULL DEFAULT '{}',
    lang                    text,
    revoked                 boolean     NOT NULL DEFAULT false,
    created                 timestamptz NOT NULL DEFAULT now(),
    modified                timestamptz NOT NULL DEFAULT now(),
    created_by_ref          text,
    external_references     jsonb       NOT NULL DEFAULT '[]',
    tlp                     text        NOT NULL DEFAULT 'AMBER',
    pap                     text        NOT NULL DEFAULT 'AMBER',
    misp_event_uuid         uuid,
    misp_category           text,
    to_ids                  boolean     NOT NULL DEFAULT true,
    distribution            smallint,
    threat_level            smallint,
    analysis                smallint,
    first_seen              timestamptz,
    last_seen               timestamptz,
    score                   smallint    NOT NULL DEFAULT 50,
    base_score              smallint    NOT NULL DEFAULT 50,
    decay_rule              jsonb,
    decay_next_reaction_at  timestamptz,
    detection               boolean     NOT NULL DEFAULT false,
    source_name             text,
    source_reliability      text,
    feed_integration_id     uuid,
    sightings_count         integer     NOT NULL DEFAULT 0,
    last_sighted_at         timestamptz,
    false_positive          boolean     NOT NULL DEFAULT false,
    raw                     jsonb,
    created_by              uuid,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT threat_intelligence_pkey PRIMARY KEY (id),
    CONSTRAINT threat_intelligence_stix_id_key UNIQUE (stix_id),
    -- Cross-domain: external_integrations belongs to the integrations crate (earlier domain).
    CONSTRAINT threat_intelligence_feed_integration_id_fkey FOREIGN KEY (feed_integration_id)
        REFERENCES external_integrations (id) ON DELETE SET NULL,
    CONSTRAINT threat_intelligence_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT threat_intelligence_stix_id_check CHECK (stix_id LIKE 'indicator--%'),
    CONSTRAINT threat_intelligence_pattern_type_check
        CHECK (pattern_type IN ('stix', 'pcre', 'sigma', 'snort', 'suricata', 'yara')),
    CONSTRAINT threat_intelligence_tlp_check
        CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
    CONSTRAINT threat_intelligence_pap_check CHECK (pap IN ('CLEAR', 'GREEN', 'AMBER', 'RED')),
    CONSTRAINT threat_intelligence_source_reliability_check
        CHECK (source_reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    CONSTRAINT threat_intelligence_valid_until_check CHECK (valid_until > valid_from),
    CONSTRAINT threat_intelligence_last_seen_check CHECK (last_seen >= first_seen),
    CONSTRAINT threat_intelligence_confidence_check CHECK (confidence BETWEEN 0 AND 100),
    CONSTRAINT threat_intelligence_score_check CHECK (score BETWEEN 0 AND 100),
    CONSTRAINT threat_intelligence_base_score_check CHECK (base_score BETWEEN 0 AND 100),
    CONSTRAINT threat_intelligence_distribution_check CHECK (distribution BETWEEN 0 AND 5),
    CONSTRAINT threat_intelligence_threat_level_check CHECK (threat_level BETWEEN 1 AND 4),
    CONSTRAINT threat_intelligence_analysis_check CHECK (analysis BETWEEN 0 AND 2),
    CONSTRAINT threat_intelligence_sightings_count_check CHECK (sightings_count >= 0),
    CONSTRAINT threat_intelligence_kill_chain_phases_check
        CHECK (jsonb_typeof(kill_chain_phases) = 'array'),
    CONSTRAINT threat_intelligence_external_references_check
        CHECK (jsonb_typeof(external_references) = 'array'),
    CONSTRAINT threat_intelligence_decay_rule_check CHECK (jsonb_typeof(decay_rule) = 'object')
);
COMMENT ON TABLE threat_intelligence IS 'Threat intelligence feeds';
CREATE INDEX threat_intelligence_feed_integration_id_idx
    ON threat_intelligence (feed_integration_id);
CREATE INDEX threat_intelligence_created_by_idx ON threat_intelligence (created_by);
-- §17: IOC lookups (enrichment of alerts, e-mails, logs) see only live indicators.
CREATE INDEX threat_intelligence_observable_type_observable_value_idx
    ON threat_intelligence (observable_type, observable_value) WHERE NOT revoked;
-- Lookups by value whatever its type (search box).
CREATE INDEX threat_intelligence_observable_value_idx ON threat_intelligence (observable_value);
-- Block-list export: live, IDS-flagged indicators by expiry.
CREATE INDEX threat_intelligence_valid_until_idx ON threat_intelligence (valid_until)
    WHERE NOT revoked AND to_ids;
-- The decay job: next indicators whose score crosses a reaction point.
CREATE INDEX threat_intelligence_decay_next_reaction_at_idx
    ON threat_intelligence (decay_next_reaction_at) WHERE NOT revoked;
CREATE INDEX threat_intelligence_misp_event_uuid_idx ON threat_intelligence (misp_event_uuid);
CREATE INDEX threat_intelligence_score_idx ON threat_intelligence (score);
CREATE INDEX threat_intelligence_tlp_idx ON threat_intelligence (tlp);
CREATE INDEX threat_intelligence_source_name_idx ON threat_intelligence (source_name);
CREATE INDEX threat_intelligence_created_at_idx ON threat_intelligence (created_at);
-- §17: GIN on label arrays (overlaps / contains filters).
CREATE INDEX threat_intelligence_labels_idx ON threat_intelligence USING gin (labels);
CREATE INDEX threat_intelligence_indicator_types_idx
    ON threat_intelligence USING gin (indicator_types);
