//! Weaknesses of databases: CIS benchmark failures, engine CVEs, risky configuration, weak
//! credentials and excess privileges; each can be copied to `project_issues` for triage.

use sea_orm::entity::prelude::*;

use crate::enums::{DbEngine, SeverityLevel};

/// Where the finding comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "database_vulnerability_source")]
pub enum DatabaseVulnerabilitySource {
    #[sea_orm(string_value = "cis_benchmark")]
    CisBenchmark,
    #[sea_orm(string_value = "cve")]
    Cve,
    #[sea_orm(string_value = "configuration")]
    Configuration,
    #[sea_orm(string_value = "weak_credentials")]
    WeakCredentials,
    #[sea_orm(string_value = "excess_privilege")]
    ExcessPrivilege,
}

/// Remediation state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "database_vulnerability_status")]
pub enum DatabaseVulnerabilityStatus {
    #[sea_orm(string_value = "open")]
    Open,
    #[sea_orm(string_value = "risk_accepted")]
    RiskAccepted,
    #[sea_orm(string_value = "fixed")]
    Fixed,
    #[sea_orm(string_value = "false_positive")]
    FalsePositive,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "database_vulnerabilities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub db_engine: DbEngine,
    pub db_host: String,
    pub db_port: Option<i32>,
    pub db_name: Option<String>,
    /// The cloud resource behind the database, declared in the registration (`cloud_assets`
    /// lives in the cloud crate, whose migration adds the foreign key).
    pub asset_id: Option<Uuid>,
    pub source: DatabaseVulnerabilitySource,
    /// Benchmark recommendation or check id, e.g. `CIS PostgreSQL 16 3.1.2`, `CVE-2024-10979`.
    pub check_id: Option<String>,
    pub title: String,
    pub description: Option<String>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub cve_ids: Vec<String>,
    /// CVSS base score 0.0–10.0.
    #[sea_orm(column_type = "Decimal(Some((3, 1)))", nullable)]
    pub cvss_score: Option<Decimal>,
    pub severity: SeverityLevel,
    /// Engine version found.
    pub detected_version: Option<String>,
    /// First version without the weakness.
    pub fixed_version: Option<String>,
    pub remediation: Option<String>,
    #[sea_orm(default_value = "open")]
    pub status: DatabaseVulnerabilityStatus,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub first_seen_at: DateTimeWithTimeZone,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub last_seen_at: DateTimeWithTimeZone,
    /// The normalised copy in the projects hub.
    pub project_issue_id: Option<Uuid>,
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
        fk_name = "database_vulnerabilities_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::project_issues::Entity",
        from = "Column::ProjectIssueId",
        to = "cybershield_projects::entities::project_issues::Column::Id",
        on_delete = "SetNull",
        fk_name = "database_vulnerabilities_project_issue_id_fkey"
    )]
    ProjectIssue,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<cybershield_projects::entities::project_issues::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProjectIssue.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
