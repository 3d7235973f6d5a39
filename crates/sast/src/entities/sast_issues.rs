//! Issues raised by rules (SonarQube `ISSUES` + `ISSUES_IMPACTS`), tracked across analyses by
//! `(rule, component_path, checksum)`.

use sea_orm::entity::prelude::*;

pub use super::sast_rules::{SastCleanCodeAttribute, SastRuleType, SastSeverity};

/// SonarQube issue status (workflow state).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_issue_status")]
pub enum SastIssueStatus {
    #[sea_orm(string_value = "OPEN")]
    Open,
    #[sea_orm(string_value = "CONFIRMED")]
    Confirmed,
    #[sea_orm(string_value = "REOPENED")]
    Reopened,
    #[sea_orm(string_value = "RESOLVED")]
    Resolved,
    #[sea_orm(string_value = "CLOSED")]
    Closed,
}

/// Resolution of a resolved or closed issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_issue_resolution")]
pub enum SastIssueResolution {
    #[sea_orm(string_value = "FIXED")]
    Fixed,
    #[sea_orm(string_value = "FALSE-POSITIVE")]
    FalsePositive,
    #[sea_orm(string_value = "WONTFIX")]
    Wontfix,
    #[sea_orm(string_value = "REMOVED")]
    Removed,
}

/// Simplified issue status shown to users (OPEN covers OPEN and REOPENED; FIXED covers FIXED and
/// CLOSED).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_issue_display_status")]
pub enum SastIssueDisplayStatus {
    #[sea_orm(string_value = "OPEN")]
    Open,
    #[sea_orm(string_value = "CONFIRMED")]
    Confirmed,
    #[sea_orm(string_value = "ACCEPTED")]
    Accepted,
    #[sea_orm(string_value = "FALSE_POSITIVE")]
    FalsePositive,
    #[sea_orm(string_value = "FIXED")]
    Fixed,
}

/// The platform-wide severity, declared once in core.
pub use cybershield_core::severity::SeverityLevel;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_issues")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Issue key (unique).
    #[sea_orm(unique)]
    pub key: String,
    pub project_id: Uuid,
    pub rule_id: Uuid,
    /// Analysis that first raised the issue.
    pub first_scan_id: Option<Uuid>,
    /// Last analysis that saw the issue.
    pub last_scan_id: Option<Uuid>,
    pub branch: Option<String>,
    /// File path; null for project-level issues.
    pub component_path: Option<String>,
    pub line: Option<i32>,
    /// `{start_line, end_line, start_offset, end_offset}`.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub text_range: Option<Json>,
    /// Secondary locations and taint paths.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub flows: Json,
    /// At most 1,333 characters (as SonarQube).
    pub message: Option<String>,
    pub r#type: SastRuleType,
    pub severity: SastSeverity,
    /// Platform severity derived from `severity` (BLOCKER → critical … INFO → info).
    pub platform_severity: Option<SeverityLevel>,
    /// The severity was changed by a user.
    #[sea_orm(default_value = false)]
    pub manual_severity: bool,
    /// `[{software_quality, severity}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub impacts: Json,
    pub clean_code_attribute: Option<SastCleanCodeAttribute>,
    #[sea_orm(default_value = "OPEN")]
    pub status: SastIssueStatus,
    /// Set exactly when the status is RESOLVED or CLOSED.
    pub resolution: Option<SastIssueResolution>,
    /// Simplified status; ACCEPTED and FALSE_POSITIVE issues count in no rating or gate.
    #[sea_orm(default_value = "OPEN")]
    pub issue_status: SastIssueDisplayStatus,
    /// Remediation effort.
    pub effort_minutes: Option<i32>,
    pub gap: Option<f64>,
    /// Hash of the issue line, to track the issue across analyses.
    pub checksum: Option<String>,
    /// SCM author of the line.
    pub author_login: Option<String>,
    pub contributor_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub tags: Vec<String>,
    /// CWE ids, denormalised from the rule.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::integer[]\")")]
    pub cwe_ids: Vec<i32>,
    /// OWASP Top 10 categories, denormalised from the rule.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub owasp_categories: Vec<String>,
    #[sea_orm(default_value = false)]
    pub quick_fix_available: bool,
    /// Raised by reviewing a security hotspot.
    #[sea_orm(default_value = false)]
    pub from_hotspot: bool,
    /// Date of the code that introduced the issue.
    pub issue_created_at: Option<DateTimeWithTimeZone>,
    pub issue_updated_at: Option<DateTimeWithTimeZone>,
    pub issue_closed_at: Option<DateTimeWithTimeZone>,
    /// Tool-native payload, kept so imports are lossless.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub raw: Option<Json>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::sast_projects::Entity",
        from = "Column::ProjectId",
        to = "super::sast_projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_issues_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "super::sast_rules::Entity",
        from = "Column::RuleId",
        to = "super::sast_rules::Column::Id",
        on_delete = "Restrict",
        fk_name = "sast_issues_rule_id_fkey"
    )]
    Rule,
    #[sea_orm(
        belongs_to = "super::sast_scans::Entity",
        from = "Column::FirstScanId",
        to = "super::sast_scans::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_issues_first_scan_id_fkey"
    )]
    FirstScan,
    #[sea_orm(
        belongs_to = "super::sast_scans::Entity",
        from = "Column::LastScanId",
        to = "super::sast_scans::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_issues_last_scan_id_fkey"
    )]
    LastScan,
    #[sea_orm(
        belongs_to = "super::sast_contributors::Entity",
        from = "Column::ContributorId",
        to = "super::sast_contributors::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_issues_contributor_id_fkey"
    )]
    Contributor,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::AssigneeId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_issues_assignee_id_fkey"
    )]
    Assignee,
}

impl Related<super::sast_projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<super::sast_rules::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Rule.def()
    }
}

impl Related<super::sast_contributors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Contributor.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Assignee.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
