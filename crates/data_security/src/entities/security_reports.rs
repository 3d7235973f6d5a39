//! Generated data-security reports (executive summary, DLP, encryption coverage, access review,
//! database activity, compliance, vulnerabilities): period, parameters, output file and status.

use sea_orm::entity::prelude::*;

/// Kind of report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "security_report_type")]
pub enum SecurityReportType {
    #[sea_orm(string_value = "executive_summary")]
    ExecutiveSummary,
    #[sea_orm(string_value = "dlp")]
    Dlp,
    #[sea_orm(string_value = "encryption_coverage")]
    EncryptionCoverage,
    #[sea_orm(string_value = "access_review")]
    AccessReview,
    #[sea_orm(string_value = "database_activity")]
    DatabaseActivity,
    #[sea_orm(string_value = "compliance")]
    Compliance,
    #[sea_orm(string_value = "vulnerability")]
    Vulnerability,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "security_report_format")]
pub enum SecurityReportFormat {
    #[sea_orm(string_value = "pdf")]
    Pdf,
    #[sea_orm(string_value = "html")]
    Html,
    #[sea_orm(string_value = "csv")]
    Csv,
    #[sea_orm(string_value = "json")]
    Json,
}

/// Generation progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "security_report_status")]
pub enum SecurityReportStatus {
    #[sea_orm(string_value = "queued")]
    Queued,
    #[sea_orm(string_value = "generating")]
    Generating,
    #[sea_orm(string_value = "ready")]
    Ready,
    #[sea_orm(string_value = "failed")]
    Failed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "security_reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub report_type: SecurityReportType,
    pub period_start: Option<DateTimeWithTimeZone>,
    pub period_end: Option<DateTimeWithTimeZone>,
    /// Filters and options the report was generated with (teams, databases, frameworks…).
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub parameters: Json,
    #[sea_orm(default_value = "pdf")]
    pub format: SecurityReportFormat,
    #[sea_orm(default_value = "queued")]
    pub status: SecurityReportStatus,
    /// Where the file is stored once `ready`.
    pub storage_uri: Option<String>,
    /// Hex sha256 of the file, for integrity checks.
    pub sha256: Option<String>,
    /// Null for scheduled reports.
    pub generated_by: Option<Uuid>,
    pub generated_at: Option<DateTimeWithTimeZone>,
    pub error: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::TeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "security_reports_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::GeneratedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "security_reports_generated_by_fkey"
    )]
    GeneratedBy,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::GeneratedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
