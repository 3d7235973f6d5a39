//! Computed security metrics as time series: one value per metric, dimension set, granularity
//! and period (`mttd_minutes`, `mttr_minutes`, `sla_breach_rate`, `phishing_click_rate`…).

use sea_orm::entity::prelude::*;

/// Width of the period a metric value covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "analytics_granularity")]
pub enum AnalyticsGranularity {
    #[sea_orm(string_value = "hour")]
    Hour,
    #[sea_orm(string_value = "day")]
    Day,
    #[sea_orm(string_value = "week")]
    Week,
    #[sea_orm(string_value = "month")]
    Month,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "analytics_metrics")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `mttd_minutes`, `mttr_minutes`, `open_incidents`, `sla_breach_rate`,
    /// `findings_open_by_severity`, `mean_time_to_remediate_days`, `phishing_click_rate`,
    /// `phishing_report_rate`, `posture_score`, `patch_compliance_pct`…
    pub metric_key: String,
    /// The slice the value is for, e.g. `{"team": "<uuid>", "severity": "high"}`; `{}` overall.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub dimensions: Json,
    pub granularity: AnalyticsGranularity,
    pub period_start: DateTimeWithTimeZone,
    pub period_end: DateTimeWithTimeZone,
    pub value: f64,
    /// `minutes`, `percent`, `count`…
    pub unit: Option<String>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub computed_at: DateTimeWithTimeZone,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
