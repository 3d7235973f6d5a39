//! Report definitions, optionally scheduled, with the state of their last run.

use sea_orm::entity::prelude::*;

/// Output format of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "analytics_report_format")]
pub enum AnalyticsReportFormat {
    #[sea_orm(string_value = "pdf")]
    Pdf,
    #[sea_orm(string_value = "csv")]
    Csv,
    #[sea_orm(string_value = "html")]
    Html,
    #[sea_orm(string_value = "json")]
    Json,
}

/// Outcome of the last run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "analytics_report_run_status")]
pub enum AnalyticsReportRunStatus {
    #[sea_orm(string_value = "success")]
    Success,
    #[sea_orm(string_value = "failed")]
    Failed,
    #[sea_orm(string_value = "running")]
    Running,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "analytics_reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    /// Metrics, filters and grouping of the report.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub definition: Json,
    /// Cron expression; null: on demand only.
    pub schedule_cron: Option<String>,
    /// E-mail addresses the output is sent to.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub recipients: Vec<String>,
    #[sea_orm(default_value = "pdf")]
    pub format: AnalyticsReportFormat,
    pub last_run_at: Option<DateTimeWithTimeZone>,
    pub last_status: Option<AnalyticsReportRunStatus>,
    /// Where the last output is stored.
    pub output_uri: Option<String>,
    pub next_run_at: Option<DateTimeWithTimeZone>,
    pub owner_id: Option<Uuid>,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::OwnerId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "analytics_reports_owner_id_fkey"
    )]
    Owner,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::TeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "analytics_reports_team_id_fkey"
    )]
    Team,
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Owner.def()
    }
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
