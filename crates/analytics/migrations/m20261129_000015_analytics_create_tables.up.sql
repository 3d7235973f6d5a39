-- analytics: metric time series, dashboards and reports.
-- Columns: docs domain-model.md §12. Enums are text + CHECK; every foreign key is indexed.
-- Depends on iam (users, teams).

-- ---------------------------------------------------------------------------------------------
CREATE TABLE analytics_metrics (
    id            uuid             NOT NULL DEFAULT gen_random_uuid(),
    metric_key    text             NOT NULL,
    dimensions    jsonb            NOT NULL DEFAULT '{}',
    granularity   text             NOT NULL,
    period_start  timestamptz      NOT NULL,
    period_end    timestamptz      NOT NULL,
    value         double precision NOT NULL,
    unit          text,
    computed_at   timestamptz      NOT NULL DEFAULT now(),
    created_at    timestamptz      NOT NULL DEFAULT now(),
    updated_at    timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT analytics_metrics_pkey PRIMARY KEY (id),
    -- unique (metric_key, dimensions, granularity, period_start): one value per series point,
    -- the upsert target of the metric jobs. Named short: the conventional name
    -- (<table>_<columns>_key) is longer than PostgreSQL's 63-character identifier limit.
    CONSTRAINT analytics_metrics_series_key
        UNIQUE (metric_key, dimensions, granularity, period_start),
    CONSTRAINT analytics_metrics_granularity_check
        CHECK (granularity IN ('hour', 'day', 'week', 'month')),
    CONSTRAINT analytics_metrics_dimensions_check CHECK (jsonb_typeof(dimensions) = 'object'),
    CONSTRAINT analytics_metrics_period_end_check CHECK (period_end > period_start)
);
COMMENT ON TABLE analytics_metrics IS 'Security metrics collection';
-- Reading a series (all dimension slices) over time.
CREATE INDEX analytics_metrics_metric_key_granularity_period_start_idx
    ON analytics_metrics (metric_key, granularity, period_start);
-- Slice filters (`dimensions @> {"team": …}`).
CREATE INDEX analytics_metrics_dimensions_idx
    ON analytics_metrics USING gin (dimensions jsonb_path_ops);
-- Append-mostly time series: BRIN on the period.
CREATE INDEX analytics_metrics_period_start_idx ON analytics_metrics USING brin (period_start);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE analytics_dashboards (
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    name             text        NOT NULL,
    owner_id         uuid,
    shared_team_ids  uuid[]      NOT NULL DEFAULT '{}',
    is_default       boolean     NOT NULL DEFAULT false,
    layout           jsonb       NOT NULL DEFAULT '[]',
    time_range       text        NOT NULL DEFAULT 'last_30d',
    refresh_s        integer,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT analytics_dashboards_pkey PRIMARY KEY (id),
    CONSTRAINT analytics_dashboards_owner_id_fkey FOREIGN KEY (owner_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT analytics_dashboards_layout_check CHECK (jsonb_typeof(layout) = 'array'),
    CONSTRAINT analytics_dashboards_refresh_s_check CHECK (refresh_s > 0)
);
COMMENT ON TABLE analytics_dashboards IS 'Custom dashboard configurations';
CREATE INDEX analytics_dashboards_owner_id_idx ON analytics_dashboards (owner_id);
-- "Dashboards shared with my teams" (array overlaps).
CREATE INDEX analytics_dashboards_shared_team_ids_idx
    ON analytics_dashboards USING gin (shared_team_ids);
CREATE INDEX analytics_dashboards_created_at_idx ON analytics_dashboards (created_at);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE analytics_reports (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    name           text        NOT NULL,
    definition     jsonb       NOT NULL DEFAULT '{}',
    schedule_cron  text,
    recipients     text[]      NOT NULL DEFAULT '{}',
    format         text        NOT NULL DEFAULT 'pdf',
    last_run_at    timestamptz,
    last_status    text,
    output_uri     text,
    next_run_at    timestamptz,
    owner_id       uuid,
    team_id        uuid,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT analytics_reports_pkey PRIMARY KEY (id),
    CONSTRAINT analytics_reports_owner_id_fkey FOREIGN KEY (owner_id)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT analytics_reports_team_id_fkey FOREIGN KEY (team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT analytics_reports_format_check CHECK (format IN ('pdf', 'csv', 'html', 'json')),
    CONSTRAINT analytics_reports_last_status_check
        CHECK (last_status IN ('success', 'failed', 'running')),
    CONSTRAINT analytics_reports_definition_check CHECK (jsonb_typeof(definition) = 'object')
);
COMMENT ON TABLE analytics_reports IS 'Analytics report generation';
CREATE INDEX analytics_reports_owner_id_idx ON analytics_reports (owner_id);
CREATE INDEX analytics_reports_team_id_idx ON analytics_reports (team_id);
-- The scheduler: scheduled reports by next run.
CREATE INDEX analytics_reports_next_run_at_idx ON analytics_reports (next_run_at)
    WHERE schedule_cron IS NOT NULL;
CREATE INDEX analytics_reports_last_status_idx ON analytics_reports (last_status);
CREATE INDEX analytics_reports_created_at_idx ON analytics_reports (created_at);
