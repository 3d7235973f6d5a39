//! Findings of SCA, container, IaC and secrets scans: advisories on packages (CVE-…, GHSA-…)
//! and rule violations (CKV_AWS_20, gitleaks rules). Normalised copies go to `project_issues`.

use sea_orm::entity::prelude::*;

use crate::severity::SeverityLevel;

/// Triage state of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "app_security_issue_status")]
pub enum AppSecurityIssueStatus {
    #[sea_orm(string_value = "open")]
    Open,
    #[sea_orm(string_value = "risk_accepted")]
    RiskAccepted,
    #[sea_orm(string_value = "false_positive")]
    FalsePositive,
    #[sea_orm(string_value = "fixed")]
    Fixed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "app_security_issues")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub scan_id: Uuid,
    /// Denormalised from the scan for cross-scan deduplication.
    pub project_id: Uuid,
    /// Advisory or rule id: `CVE-2021-44228`, `GHSA-jfh8-c2jp-5v3q`, `CKV_AWS_20`…
    pub rule_or_vuln_id: String,
    pub title: String,
    pub description: Option<String>,
    pub package_name: Option<String>,
    pub package_version: Option<String>,
    /// Package URL, e.g. `pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1`.
    pub purl: Option<String>,
    pub fixed_version: Option<String>,
    #[sea_orm(default_value = false)]
    pub fix_available: bool,
    /// Manifest, IaC file or file holding the secret.
    pub file_path: Option<String>,
    pub line: Option<i32>,
    /// CVSS v3 vector.
    pub cvssv3: Option<String>,
    #[sea_orm(column_type = "Decimal(Some((3, 1)))", nullable)]
    pub cvssv3_score: Option<Decimal>,
    /// FIRST EPSS probability, 0–1.
    #[sea_orm(column_type = "Decimal(Some((6, 5)))", nullable)]
    pub epss_score: Option<Decimal>,
    /// Listed in the CISA Known Exploited Vulnerabilities catalogue.
    #[sea_orm(default_value = false)]
    pub known_exploited: bool,
    /// Platform severity (logic #6).
    pub severity: SeverityLevel,
    /// The tool's own severity (`CRITICAL`, `UNKNOWN`, `Negligible`…), kept as reported.
    pub native_severity: Option<String>,
    #[sea_orm(default_value = "open")]
    pub status: AppSecurityIssueStatus,
    /// sha256 hex of the scanner's hash fields (logic #4; Trivy: title, severity,
    /// vulnerability ids, cwe, description).
    pub hash_code: Option<String>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub first_seen_at: DateTimeWithTimeZone,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub last_seen_at: DateTimeWithTimeZone,
    /// The normalised copy in the project hub.
    pub project_issue_id: Option<Uuid>,
    /// The tool's finding as reported (lossless import).
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub raw: Option<Json>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::app_security_scans::Entity",
        from = "Column::ScanId",
        to = "super::app_security_scans::Column::Id",
        on_delete = "Cascade",
        fk_name = "app_security_issues_scan_id_fkey"
    )]
    Scan,
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::projects::Entity",
        from = "Column::ProjectId",
        to = "cybershield_projects::entities::projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "app_security_issues_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::project_issues::Entity",
        from = "Column::ProjectIssueId",
        to = "cybershield_projects::entities::project_issues::Column::Id",
        on_delete = "SetNull",
        fk_name = "app_security_issues_project_issue_id_fkey"
    )]
    ProjectIssue,
}

impl Related<super::app_security_scans::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Scan.def()
    }
}

impl Related<cybershield_projects::entities::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<cybershield_projects::entities::project_issues::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProjectIssue.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
