//! Scans of a project (DefectDojo `Engagement` + `Test`): one import or one assessment.

use sea_orm::entity::prelude::*;

/// How the scan was run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "project_engagement_type")]
pub enum ProjectEngagementType {
    #[sea_orm(string_value = "interactive")]
    Interactive,
    #[sea_orm(string_value = "ci_cd")]
    CiCd,
}

/// Progress of a scan (DefectDojo engagement statuses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "project_scan_status")]
pub enum ProjectScanStatus {
    #[sea_orm(string_value = "not_started")]
    NotStarted,
    #[sea_orm(string_value = "scheduled")]
    Scheduled,
    #[sea_orm(string_value = "in_progress")]
    InProgress,
    #[sea_orm(string_value = "on_hold")]
    OnHold,
    #[sea_orm(string_value = "blocked")]
    Blocked,
    #[sea_orm(string_value = "waiting_for_resource")]
    WaitingForResource,
    #[sea_orm(string_value = "completed")]
    Completed,
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

/// Environment the scanned build runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "project_scan_environment")]
pub enum ProjectScanEnvironment {
    #[sea_orm(string_value = "development")]
    Development,
    #[sea_orm(string_value = "test")]
    Test,
    #[sea_orm(string_value = "staging")]
    Staging,
    #[sea_orm(string_value = "production")]
    Production,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "project_scans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    pub name: String,
    /// DefectDojo parser name: `SonarQube Scan`, `ZAP Scan`, `Trivy Scan`,
    /// `Semgrep JSON Report`, `Prowler Scan`, `Manual`…
    pub scan_type: String,
    pub engagement_type: Option<ProjectEngagementType>,
    pub status: ProjectScanStatus,
    pub target_start: Option<DateTimeWithTimeZone>,
    pub target_end: Option<DateTimeWithTimeZone>,
    pub lead_id: Option<Uuid>,
    pub version: Option<String>,
    pub build_id: Option<String>,
    /// Git commit of the scanned code.
    pub commit_hash: Option<String>,
    pub branch_tag: Option<String>,
    pub environment: Option<ProjectScanEnvironment>,
    /// Tool table the scan came from, e.g. `sast_scans` (with `source_scan_id`).
    pub source_table: Option<String>,
    pub source_scan_id: Option<Uuid>,
    /// Import counters: `{"created": n, "closed": n, "reactivated": n, "untouched": n}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub import_stats: Json,
    pub completed_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::projects::Entity",
        from = "Column::ProjectId",
        to = "super::projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "project_scans_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::LeadId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "project_scans_lead_id_fkey"
    )]
    Lead,
}

impl Related<super::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Lead.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
