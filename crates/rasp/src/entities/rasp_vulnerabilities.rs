//! Confirmed runtime weaknesses, aggregated from attacks that hit the same sink (application,
//! attack type, path pattern, parameter, stack signature).

use sea_orm::entity::prelude::*;

use crate::enums::{RaspAttackType, SeverityLevel};

/// Lifecycle of a runtime vulnerability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "rasp_vulnerability_status")]
pub enum RaspVulnerabilityStatus {
    #[sea_orm(string_value = "open")]
    Open,
    #[sea_orm(string_value = "confirmed")]
    Confirmed,
    #[sea_orm(string_value = "patched_virtually")]
    PatchedVirtually,
    #[sea_orm(string_value = "fixed")]
    Fixed,
    #[sea_orm(string_value = "ignored")]
    Ignored,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "rasp_vulnerabilities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The vulnerable application (a hub project).
    pub app_id: Uuid,
    pub attack_type: RaspAttackType,
    /// Normalised request path, e.g. `/api/users/{id}`.
    pub path_pattern: String,
    /// Request parameter that reaches the sink.
    pub parameter: Option<String>,
    /// md5 hex of the sink's stack trace (sink signature).
    pub stack_md5: Option<String>,
    pub cwe_id: Option<i32>,
    pub severity: SeverityLevel,
    pub title: String,
    pub description: Option<String>,
    #[sea_orm(default_value = "open")]
    pub status: RaspVulnerabilityStatus,
    /// Attacks that hit the sink.
    #[sea_orm(default_value = 0)]
    pub hit_count: i32,
    /// Of those, the ones the agent blocked.
    #[sea_orm(default_value = 0)]
    pub blocked_count: i32,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub first_seen_at: DateTimeWithTimeZone,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub last_seen_at: DateTimeWithTimeZone,
    /// The normalised copy in the project hub.
    pub project_issue_id: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::projects::Entity",
        from = "Column::AppId",
        to = "cybershield_projects::entities::projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "rasp_vulnerabilities_app_id_fkey"
    )]
    App,
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::project_issues::Entity",
        from = "Column::ProjectIssueId",
        to = "cybershield_projects::entities::project_issues::Column::Id",
        on_delete = "SetNull",
        fk_name = "rasp_vulnerabilities_project_issue_id_fkey"
    )]
    ProjectIssue,
}

impl Related<cybershield_projects::entities::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::App.def()
    }
}

impl Related<cybershield_projects::entities::project_issues::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProjectIssue.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
