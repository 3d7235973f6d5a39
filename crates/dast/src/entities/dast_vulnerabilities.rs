//! ZAP alerts: one row per alert type × URL / parameter instance. Inside a scan an instance is
//! identified by `(plugin_id, alert_ref, name, method, url, param)` (ZAP `Alert.compareTo`);
//! repeats only increment `instance_count`. `hash_code` groups rows across scans (logic #4).

use sea_orm::entity::prelude::*;

use crate::severity::SeverityLevel;

/// What raised the alert (ZAP `Alert.Source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_alert_source")]
pub enum DastAlertSource {
    #[sea_orm(string_value = "ACTIVE")]
    Active,
    #[sea_orm(string_value = "PASSIVE")]
    Passive,
    #[sea_orm(string_value = "MANUAL")]
    Manual,
    #[sea_orm(string_value = "TOOL")]
    Tool,
    #[sea_orm(string_value = "UNKNOWN")]
    Unknown,
}

/// Triage state of a DAST finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_vulnerability_status")]
pub enum DastVulnerabilityStatus {
    #[sea_orm(string_value = "open")]
    Open,
    #[sea_orm(string_value = "confirmed")]
    Confirmed,
    #[sea_orm(string_value = "false_positive")]
    FalsePositive,
    #[sea_orm(string_value = "risk_accepted")]
    RiskAccepted,
    #[sea_orm(string_value = "fixed")]
    Fixed,
    #[sea_orm(string_value = "reopened")]
    Reopened,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dast_vulnerabilities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub scan_id: Uuid,
    /// The DAST project (denormalised from the scan for cross-scan deduplication).
    pub project_id: Uuid,
    /// ZAP scan rule id, e.g. 40012; null for engines without one.
    pub plugin_id: Option<i32>,
    /// ZAP alert reference: the plugin id, or `<plugin>-<n>` for rules with several alerts
    /// (e.g. `40012-1`).
    pub alert_ref: Option<String>,
    /// Alert title.
    pub name: String,
    /// ZAP risk: 0 Informational, 1 Low, 2 Medium, 3 High.
    pub risk: i16,
    /// ZAP confidence: 0 False Positive, 1 Low, 2 Medium, 3 High, 4 Confirmed.
    pub confidence: i16,
    /// Platform severity mapped from `risk` (logic #6).
    pub severity: SeverityLevel,
    pub cwe_id: Option<i32>,
    pub wasc_id: Option<i32>,
    #[sea_orm(default_value = "UNKNOWN")]
    pub source: DastAlertSource,
    /// ZAP alert tags, tag → reference URL (e.g. `{"OWASP_2021_A03": "https://…"}`).
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub tags: Json,
    pub description: Option<String>,
    pub solution: Option<String>,
    /// Reference links, newline separated (ZAP `reference`).
    pub reference: Option<String>,
    pub other_info: Option<String>,
    pub url: String,
    /// HTTP method of the instance.
    pub method: Option<String>,
    /// Attacked parameter.
    pub param: Option<String>,
    /// The attack string sent.
    pub attack: Option<String>,
    /// What in the response proves the finding.
    pub evidence: Option<String>,
    /// ZAP input vector name (`queryString`, `postData`, `json`, `header`, `cookie`…).
    pub input_vector: Option<String>,
    pub request_excerpt: Option<String>,
    pub response_excerpt: Option<String>,
    /// ZAP history / message reference of the instance.
    pub message_ref: Option<String>,
    /// Identical instances seen in the scan (at least 1).
    #[sea_orm(default_value = 1)]
    pub instance_count: i32,
    /// sha256 hex of the DefectDojo ZAP hash fields (title, cwe, severity).
    pub hash_code: Option<String>,
    #[sea_orm(default_value = "open")]
    pub status: DastVulnerabilityStatus,
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
        belongs_to = "super::dast_scans::Entity",
        from = "Column::ScanId",
        to = "super::dast_scans::Column::Id",
        on_delete = "Cascade",
        fk_name = "dast_vulnerabilities_scan_id_fkey"
    )]
    Scan,
    #[sea_orm(
        belongs_to = "super::dast_projects::Entity",
        from = "Column::ProjectId",
        to = "super::dast_projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "dast_vulnerabilities_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::project_issues::Entity",
        from = "Column::ProjectIssueId",
        to = "cybershield_projects::entities::project_issues::Column::Id",
        on_delete = "SetNull",
        fk_name = "dast_vulnerabilities_project_issue_id_fkey"
    )]
    ProjectIssue,
}

impl Related<super::dast_scans::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Scan.def()
    }
}

impl Related<super::dast_projects::Entity> for Entity {
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
