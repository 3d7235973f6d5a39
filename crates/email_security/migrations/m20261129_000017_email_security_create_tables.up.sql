-- email_security: phishing simulation (GoPhish templates, campaigns, results) and analysis of
-- reported or flagged mail (analyses, attachments, responses, gateway rules).
-- Columns: docs domain-model.md §11. Enums are text + CHECK; every foreign key is indexed.
-- Depends on iam (users, teams, iam_users) and on integrations (external_integrations),
-- threat_intel (threat_intelligence), incidents (incidents) and workflows
-- (workflow_executions), whose migrations run before this one.

-- ---------------------------------------------------------------------------------------------
CREATE TABLE phishing_templates (
    id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id              uuid,
    created_by           uuid,
    name                 text        NOT NULL,
    subject              text,
    envelope_sender      text,
    text_body            text,
    html_body            text,
    attachments          jsonb       NOT NULL DEFAULT '[]',
    page_html            text,
    capture_credentials  boolean     NOT NULL DEFAULT false,
    capture_passwords    boolean     NOT NULL DEFAULT false,
    redirect_url         text,
    difficulty           text,
    lure_type            text,
    language             text,
    tags                 text[]      NOT NULL DEFAULT '{}',
    modified_at          timestamptz NOT NULL DEFAULT now(),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT phishing_templates_pkey PRIMARY KEY (id),
    CONSTRAINT phishing_templates_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT phishing_templates_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT phishing_templates_difficulty_check
        CHECK (difficulty IN ('easy', 'medium', 'hard')),
    CONSTRAINT phishing_templates_lure_type_check
        CHECK (lure_type IN ('credential_harvest', 'attachment', 'link', 'callback', 'qr')),
    -- GoPhish template validation: a name, and at least one of the text and HTML bodies.
    CONSTRAINT phishing_templates_name_check CHECK (btrim(name) <> ''),
    CONSTRAINT phishing_templates_text_body_check
        CHECK (text_body IS NOT NULL OR html_body IS NOT NULL),
    CONSTRAINT phishing_templates_capture_passwords_check
        CHECK (NOT capture_passwords OR capture_credentials),
    CONSTRAINT phishing_templates_attachments_check CHECK (jsonb_typeof(attachments) = 'array')
);
COMMENT ON TABLE phishing_templates IS 'Phishing simulation templates';
CREATE INDEX phishing_templates_team_id_idx ON phishing_templates (team_id);
CREATE INDEX phishing_templates_created_by_idx ON phishing_templates (created_by);
CREATE INDEX phishing_templates_lure_type_idx ON phishing_templates (lure_type);
CREATE INDEX phishing_templates_created_at_idx ON phishing_templates (created_at);
CREATE INDEX phishing_templates_tags_idx ON phishing_templates USING gin (tags);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE phishing_campaigns (
    id                  uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id             uuid,
    created_by          uuid,
    name                text        NOT NULL,
    template_id         uuid,
    sending_profile_id  uuid,
    phish_url           text,
    target_team_ids     uuid[]      NOT NULL DEFAULT '{}',
    target_recipients   jsonb       NOT NULL DEFAULT '[]',
    status              text        NOT NULL DEFAULT 'Created',
    launch_date         timestamptz,
    send_by_date        timestamptz,
    completed_date      timestamptz,
    stats               jsonb       NOT NULL
        DEFAULT '{"total": 0, "sent": 0, "opened": 0, "clicked": 0, "submitted_data": 0, "email_reported": 0, "error": 0}',
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT phishing_campaigns_pkey PRIMARY KEY (id),
    CONSTRAINT phishing_campaigns_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT phishing_campaigns_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT phishing_campaigns_template_id_fkey FOREIGN KEY (template_id)
        REFERENCES phishing_templates (id) ON DELETE SET NULL,
    CONSTRAINT phishing_campaigns_sending_profile_id_fkey FOREIGN KEY (sending_profile_id)
        REFERENCES external_integrations (id) ON DELETE SET NULL,
    CONSTRAINT phishing_campaigns_status_check
        CHECK (status IN ('Created', 'Queued', 'In progress', 'Emails Sent', 'Completed')),
    CONSTRAINT phishing_campaigns_name_check CHECK (btrim(name) <> ''),
    CONSTRAINT phishing_campaigns_send_by_date_check CHECK (send_by_date >= launch_date),
    CONSTRAINT phishing_campaigns_target_recipients_check
        CHECK (jsonb_typeof(target_recipients) = 'array'),
    CONSTRAINT phishing_campaigns_stats_check CHECK (jsonb_typeof(stats) = 'object')
);
COMMENT ON TABLE phishing_campaigns IS 'Phishing awareness campaigns';
CREATE INDEX phishing_campaigns_team_id_idx ON phishing_campaigns (team_id);
CREATE INDEX phishing_campaigns_created_by_idx ON phishing_campaigns (created_by);
CREATE INDEX phishing_campaigns_template_id_idx ON phishing_campaigns (template_id);
CREATE INDEX phishing_campaigns_sending_profile_id_idx ON phishing_campaigns (sending_profile_id);
CREATE INDEX phishing_campaigns_status_idx ON phishing_campaigns (status);
CREATE INDEX phishing_campaigns_launch_date_idx ON phishing_campaigns (launch_date);
CREATE INDEX phishing_campaigns_created_at_idx ON phishing_campaigns (created_at);
-- "Campaigns that targeted my team".
CREATE INDEX phishing_campaigns_target_team_ids_idx ON phishing_campaigns USING gin (target_team_ids);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE phishing_results (
    id                     uuid        NOT NULL DEFAULT gen_random_uuid(),
    campaign_id            uuid        NOT NULL,
    rid                    text        NOT NULL,
    email                  citext      NOT NULL,
    first_name             text,
    last_name              text,
    position               text,
    user_id                uuid,
    iam_user_id            uuid,
    status                 text        NOT NULL DEFAULT 'Scheduled',
    reported               boolean     NOT NULL DEFAULT false,
    send_date              timestamptz,
    modified_date          timestamptz NOT NULL DEFAULT now(),
    ip                     inet,
    latitude               double precision,
    longitude              double precision,
    user_agent             text,
    events                 jsonb       NOT NULL DEFAULT '[]',
    training_assigned      boolean     NOT NULL DEFAULT false,
    training_completed_at  timestamptz,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT phishing_results_pkey PRIMARY KEY (id),
    -- §17: the tracking id is unique across campaigns.
    CONSTRAINT phishing_results_rid_key UNIQUE (rid),
    -- One result per recipient of a campaign (GoPhish de-duplicates recipients by address).
    CONSTRAINT phishing_results_campaign_id_email_key UNIQUE (campaign_id, email),
    CONSTRAINT phishing_results_campaign_id_fkey FOREIGN KEY (campaign_id)
        REFERENCES phishing_campaigns (id) ON DELETE CASCADE,
    CONSTRAINT phishing_results_user_id_fkey FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT phishing_results_iam_user_id_fkey FOREIGN KEY (iam_user_id)
        REFERENCES iam_users (id) ON DELETE SET NULL,
    CONSTRAINT phishing_results_status_check
        CHECK (status IN ('Scheduled', 'Sending', 'Retrying', 'Email Sent', 'Error',
                          'Email Opened', 'Clicked Link', 'Submitted Data')),
    CONSTRAINT phishing_results_rid_check CHECK (rid <> ''),
    CONSTRAINT phishing_results_latitude_check CHECK (latitude BETWEEN -90 AND 90),
    CONSTRAINT phishing_results_longitude_check CHECK (longitude BETWEEN -180 AND 180),
    CONSTRAINT phishing_results_events_check CHECK (jsonb_typeof(events) = 'array')
);
COMMENT ON TABLE phishing_results IS 'Campaign results tracking';
-- §17: the campaign funnel (counts by status); also serves the campaign_id foreign key.
CREATE INDEX phishing_results_campaign_id_status_idx ON phishing_results (campaign_id, status);
CREATE INDEX phishing_results_user_id_idx ON phishing_results (user_id);
CREATE INDEX phishing_results_iam_user_id_idx ON phishing_results (iam_user_id);
CREATE INDEX phishing_results_status_idx ON phishing_results (status);
-- The mailer's queue: results still waiting to be sent, by due time.
CREATE INDEX phishing_results_send_date_idx ON phishing_results (send_date)
    WHERE status IN ('Scheduled', 'Retrying');

-- ---------------------------------------------------------------------------------------------
CREATE TABLE email_analyses (
    id                  uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id             uuid,
    message_id          text,
    received_at         timestamptz,
    from_address        text,
    from_display        text,
    reply_to            text,
    return_path         text,
    to_addresses        text[]      NOT NULL DEFAULT '{}',
    subject             text,
    sender_ip           inet,
    spf                 text,
    dkim                text,
    dmarc               text,
    headers             jsonb       NOT NULL DEFAULT '[]',
    body_excerpt        text,
    urls                jsonb       NOT NULL DEFAULT '[]',
    attachment_count    integer     NOT NULL DEFAULT 0,
    verdict             text,
    score               smallint,
    reasons             text[]      NOT NULL DEFAULT '{}',
    source              text        NOT NULL,
    reporter_user_id    uuid,
    phishing_result_id  uuid,
    incident_id         uuid,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT email_analyses_pkey PRIMARY KEY (id),
    CONSTRAINT email_analyses_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT email_analyses_reporter_user_id_fkey FOREIGN KEY (reporter_user_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT email_analyses_phishing_result_id_fkey FOREIGN KEY (phishing_result_id)
        REFERENCES phishing_results (id) ON DELETE SET NULL,
    CONSTRAINT email_analyses_incident_id_fkey FOREIGN KEY (incident_id)
        REFERENCES incidents (id) ON DELETE SET NULL,
    CONSTRAINT email_analyses_spf_check
        CHECK (spf IN ('pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror')),
    CONSTRAINT email_analyses_dkim_check
        CHECK (dkim IN ('pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror')),
    CONSTRAINT email_analyses_dmarc_check
        CHECK (dmarc IN ('pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror')),
    CONSTRAINT email_analyses_verdict_check
        CHECK (verdict IN ('clean', 'spam', 'phishing', 'malware', 'bec', 'suspicious', 'simulation')),
    CONSTRAINT email_analyses_source_check
        CHECK (source IN ('user_report', 'gateway', 'api', 'mailbox_scan')),
    CONSTRAINT email_analyses_score_check CHECK (score BETWEEN 0 AND 100),
    CONSTRAINT email_analyses_attachment_count_check CHECK (attachment_count >= 0),
    CONSTRAINT email_analyses_headers_check CHECK (jsonb_typeof(headers) = 'array'),
    CONSTRAINT email_analyses_urls_check CHECK (jsonb_typeof(urls) = 'array')
);
COMMENT ON TABLE email_analyses IS 'Email security analysis';
CREATE INDEX email_analyses_team_id_idx ON email_analyses (team_id);
CREATE INDEX email_analyses_reporter_user_id_idx ON email_analyses (reporter_user_id);
CREATE INDEX email_analyses_phishing_result_id_idx ON email_analyses (phishing_result_id);
CREATE INDEX email_analyses_incident_id_idx ON email_analyses (incident_id);
-- Triage queue and dashboards.
CREATE INDEX email_analyses_verdict_idx ON email_analyses (verdict);
CREATE INDEX email_analyses_source_idx ON email_analyses (source);
CREATE INDEX email_analyses_received_at_idx ON email_analyses (received_at);
CREATE INDEX email_analyses_created_at_idx ON email_analyses (created_at);
-- "Was this message already reported?" and "everything from this sender".
CREATE INDEX email_analyses_message_id_idx ON email_analyses (message_id);
CREATE INDEX email_analyses_from_address_idx ON email_analyses (from_address);
CREATE INDEX email_analyses_sender_ip_idx ON email_analyses (sender_ip);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE email_attachments (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    email_analysis_id  uuid        NOT NULL,
    filename           text,
    content_type       text,
    detected_type      text,
    size_bytes         bigint,
    md5                text,
    sha1               text,
    sha256             text,
    has_macros         boolean     NOT NULL DEFAULT false,
    encrypted          boolean     NOT NULL DEFAULT false,
    sandbox_verdict    text        NOT NULL DEFAULT 'pending',
    av_detections      jsonb       NOT NULL DEFAULT '[]',
    yara_matches       text[]      NOT NULL DEFAULT '{}',
    extracted_iocs     jsonb       NOT NULL DEFAULT '[]',
    threat_intel_id    uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT email_attachments_pkey PRIMARY KEY (id),
    CONSTRAINT email_attachments_email_analysis_id_fkey FOREIGN KEY (email_analysis_id)
        REFERENCES email_analyses (id) ON DELETE CASCADE,
    CONSTRAINT email_attachments_threat_intel_id_fkey FOREIGN KEY (threat_intel_id)
        REFERENCES threat_intelligence (id) ON DELETE SET NULL,
    CONSTRAINT email_attachments_sandbox_verdict_check
        CHECK (sandbox_verdict IN ('clean', 'suspicious', 'malicious', 'unknown', 'pending')),
    CONSTRAINT email_attachments_size_bytes_check CHECK (size_bytes >= 0),
    CONSTRAINT email_attachments_md5_check CHECK (md5 ~* '^[0-9a-f]{32}$'),
    CONSTRAINT email_attachments_sha1_check CHECK (sha1 ~* '^[0-9a-f]{40}$'),
    CONSTRAINT email_attachments_sha256_check CHECK (sha256 ~* '^[0-9a-f]{64}$'),
    CONSTRAINT email_attachments_av_detections_check
        CHECK (jsonb_typeof(av_detections) = 'array'),
    CONSTRAINT email_attachments_extracted_iocs_check
        CHECK (jsonb_typeof(extracted_iocs) = 'array')
);
COMMENT ON TABLE email_attachments IS 'Email attachment scanning';
CREATE INDEX email_attachments_email_analysis_id_idx ON email_attachments (email_analysis_id);
CREATE INDEX email_attachments_threat_intel_id_idx ON email_attachments (threat_intel_id);
-- "Where else did this file show up?"
CREATE INDEX email_attachments_sha256_idx ON email_attachments (sha256);
CREATE INDEX email_attachments_md5_idx ON email_attachments (md5);
CREATE INDEX email_attachments_sandbox_verdict_idx ON email_attachments (sandbox_verdict);
CREATE INDEX email_attachments_yara_matches_idx ON email_attachments USING gin (yara_matches);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE email_responses (
    id                     uuid        NOT NULL DEFAULT gen_random_uuid(),
    email_analysis_id      uuid        NOT NULL,
    response_type          text        NOT NULL,
    status                 text        NOT NULL DEFAULT 'pending',
    affected_mailboxes     integer     NOT NULL DEFAULT 0,
    performed_by_user_id   uuid,
    workflow_execution_id  uuid,
    message_template       text,
    performed_at           timestamptz,
    error                  text,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT email_responses_pkey PRIMARY KEY (id),
    CONSTRAINT email_responses_email_analysis_id_fkey FOREIGN KEY (email_analysis_id)
        REFERENCES email_analyses (id) ON DELETE CASCADE,
    CONSTRAINT email_responses_performed_by_user_id_fkey FOREIGN KEY (performed_by_user_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT email_responses_workflow_execution_id_fkey FOREIGN KEY (workflow_execution_id)
        REFERENCES workflow_executions (id) ON DELETE SET NULL,
    CONSTRAINT email_responses_response_type_check
        CHECK (response_type IN ('reply_to_reporter', 'quarantine', 'purge_mailboxes',
                                 'block_sender', 'block_domain', 'release', 'user_notification')),
    CONSTRAINT email_responses_status_check CHECK (status IN ('pending', 'completed', 'failed')),
    CONSTRAINT email_responses_affected_mailboxes_check CHECK (affected_mailboxes >= 0)
);
COMMENT ON TABLE email_responses IS 'Email response tracking';
CREATE INDEX email_responses_email_analysis_id_idx ON email_responses (email_analysis_id);
CREATE INDEX email_responses_performed_by_user_id_idx ON email_responses (performed_by_user_id);
CREATE INDEX email_responses_workflow_execution_id_idx ON email_responses (workflow_execution_id);
CREATE INDEX email_responses_status_idx ON email_responses (status);
CREATE INDEX email_responses_created_at_idx ON email_responses (created_at);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE email_rules (
    id           uuid        NOT NULL DEFAULT gen_random_uuid(),
    team_id      uuid,
    created_by   uuid,
    name         text        NOT NULL,
    description  text,
    priority     integer     NOT NULL DEFAULT 100,
    conditions   jsonb       NOT NULL DEFAULT '{}',
    action       text        NOT NULL,
    enabled      boolean     NOT NULL DEFAULT true,
    hit_count    bigint      NOT NULL DEFAULT 0,
    last_hit_at  timestamptz,
    scope        text        NOT NULL DEFAULT 'inbound',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT email_rules_pkey PRIMARY KEY (id),
    CONSTRAINT email_rules_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT email_rules_created_by_fkey FOREIGN KEY (created_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT email_rules_action_check
        CHECK (action IN ('allow', 'quarantine', 'reject', 'tag_subject', 'add_banner',
                          'route_to_analysis')),
    CONSTRAINT email_rules_scope_check CHECK (scope IN ('inbound', 'outbound', 'internal', 'all')),
    CONSTRAINT email_rules_hit_count_check CHECK (hit_count >= 0),
    CONSTRAINT email_rules_conditions_check CHECK (jsonb_typeof(conditions) = 'object')
);
COMMENT ON TABLE email_rules IS 'Email security rules';
CREATE INDEX email_rules_team_id_idx ON email_rules (team_id);
CREATE INDEX email_rules_created_by_idx ON email_rules (created_by);
-- The gateway loads the enabled rules of a flow in evaluation order.
CREATE INDEX email_rules_scope_priority_idx ON email_rules (scope, priority) WHERE enabled;
CREATE INDEX email_rules_action_idx ON email_rules (action);
