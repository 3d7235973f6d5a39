//! Normalised findings (DefectDojo `Finding`): every tool family copies its findings here, so
//! triage, deduplication, SLAs and risk acceptance work the same way for all of them.

use sea_orm::entity::prelude::*;

/// DefectDojo severity of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "project_issue_severity")]
pub enum ProjectIssueSeverity {
    #[sea_orm(string_value = "Critical")]
    Critical,
    #[sea_orm(string_value = "High")]
    High,
    #[sea_orm(string_value = "Medium")]
    Medium,
    #[sea_orm(string_value = "Low")]
    Low,
    #[sea_orm(string_value = "Info")]
    Info,
}

/// DefectDojo numerical severity: `S0` (Critical) … `S4` (Info), derived from the severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "project_issue_numerical_severity")]
pub enum ProjectIssueNumericalSeverity {
    #[sea_orm(string_value = "S0")]
    S0,
    #[sea_orm(string_value = "S1")]
    S1,
    #[sea_orm(string_value = "S2")]
    S2,
    #[sea_orm(string_value = "S3")]
    S3,
    #[sea_orm(string_value = "S4")]
    S4,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "project_issues")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    pub scan_id: Option<Uuid>,
    /// Tool table the finding was copied from, e.g. `sast_issues` (with `source_id`).
    pub source_table: Option<String>,
    pub source_id: Option<Uuid>,
    pub title: String,
    pub description: Option<String>,
    pub mitigation: Option<String>,
    pub impact: Option<String>,
    pub steps_to_reproduce: Option<String>,
    pub references: Option<String>,
    pub severity: ProjectIssueSeverity,
    pub numerical_severity: Option<ProjectIssueNumericalSeverity>,
    pub severity_justification: Option<String>,
    pub cwe: Option<i32>,
    /// CVE / GHSA identifiers.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub vulnerability_ids: Vec<String>,
    /// CVSS v3 vector.
    pub cvssv3: Option<String>,
    #[sea_orm(column_type = "Decimal(Some((3, 1)))", nullable)]
    pub cvssv3_score: Option<Decimal>,
    /// CVSS v4 vector.
    pub cvssv4: Option<String>,
    #[sea_orm(column_type = "Decimal(Some((3, 1)))", nullable)]
    pub cvssv4_score: Option<Decimal>,
    /// FIRST EPSS probability, 0–1.
    #[sea_orm(column_type = "Decimal(Some((6, 5)))", nullable)]
    pub epss_score: Option<Decimal>,
    #[sea_orm(column_type = "Decimal(Some((6, 5)))", nullable)]
    pub epss_percentile: Option<Decimal>,
    /// Listed in the CISA Known Exploited Vulnerabilities catalogue.
    #[sea_orm(default_value = false)]
    pub known_exploited: bool,
    pub kev_date: Option<Date>,
    pub file_path: Option<String>,
    pub line: Option<i32>,
    pub component_name: Option<String>,
    pub component_version: Option<String>,
    pub endpoint_url: Option<String>,
    pub param: Option<String>,
    pub payload: Option<String>,
    pub service: Option<String>,
    #[sea_orm(default_value = true)]
    pub active: bool,
    #[sea_orm(default_value = false)]
    pub verified: bool,
    /// False positive.
    #[sea_orm(default_value = false)]
    pub false_p: bool,
    #[sea_orm(default_value = false)]
    pub duplicate: bool,
    /// The original finding this one duplicates (chains are one level deep).
    pub duplicate_of_id: Option<Uuid>,
    #[sea_orm(default_value = false)]
    pub out_of_scope: bool,
    #[sea_orm(default_value = false)]
    pub risk_accepted: bool,
    #[sea_orm(default_value = false)]
    pub under_review: bool,
    #[sea_orm(default_value = false)]
    pub is_mitigated: bool,
    pub mitigated_at: Option<DateTimeWithTimeZone>,
    pub mitigated_by: Option<Uuid>,
    pub reporter_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub last_reviewed_at: Option<DateTimeWithTimeZone>,
    pub last_status_update_at: Option<DateTimeWithTimeZone>,
    /// Deduplication hash: sha256 hex of the scanner's hash fields.
    pub hash_code: Option<String>,
    pub unique_id_from_tool: Option<String>,
    pub vuln_id_from_tool: Option<String>,
    #[sea_orm(default_value = false)]
    pub static_finding: bool,
    #[sea_orm(default_value = false)]
    pub dynamic_finding: bool,
    /// How many times the finding was seen (at least once).
    #[sea_orm(default_value = 1)]
    pub nb_occurrences: i32,
    /// Date the finding was found.
    #[sea_orm(default_expr = "Expr::current_date()")]
    pub date: Date,
    pub sla_start_date: Option<Date>,
    pub sla_expiration_date: Option<Date>,
    pub planned_remediation_date: Option<Date>,
    pub planned_remediation_version: Option<String>,
    /// `{decision: accept|avoid|mitigate|fix|transfer, owner, justification, expires_at,
    /// reactivate_on_expiry}`; null when no risk decision was taken.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub risk_acceptance: Option<Json>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub tags: Vec<String>,
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
        fk_name = "project_issues_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "super::project_scans::Entity",
        from = "Column::ScanId",
        to = "super::project_scans::Column::Id",
        on_delete = "Cascade",
        fk_name = "project_issues_scan_id_fkey"
    )]
    Scan,
    #[sea_orm(
        belongs_to = "Entity",
        from = "Column::DuplicateOfId",
        to = "Column::Id",
        on_delete = "SetNull",
        fk_name = "project_issues_duplicate_of_id_fkey"
    )]
    DuplicateOf,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::MitigatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "project_issues_mitigated_by_fkey"
    )]
    MitigatedBy,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::ReporterId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "project_issues_reporter_id_fkey"
    )]
    Reporter,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::AssigneeId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "project_issues_assignee_id_fkey"
    )]
    Assignee,
}

impl Related<super::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<super::project_scans::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Scan.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
