//! One run of a scanner against a DAST project: progress, policy, crawl counters and alert
//! counts by ZAP risk.

use sea_orm::entity::prelude::*;

/// What kind of scan ran (ZAP packaged scans, spiders, passive-only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_scan_type")]
pub enum DastScanType {
    #[sea_orm(string_value = "baseline")]
    Baseline,
    #[sea_orm(string_value = "full")]
    Full,
    #[sea_orm(string_value = "api")]
    Api,
    #[sea_orm(string_value = "spider")]
    Spider,
    #[sea_orm(string_value = "ajax_spider")]
    AjaxSpider,
    #[sea_orm(string_value = "passive")]
    Passive,
}

/// Progress of a scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_scan_status")]
pub enum DastScanStatus {
    #[sea_orm(string_value = "queued")]
    Queued,
    #[sea_orm(string_value = "running")]
    Running,
    #[sea_orm(string_value = "paused")]
    Paused,
    #[sea_orm(string_value = "completed")]
    Completed,
    #[sea_orm(string_value = "failed")]
    Failed,
    #[sea_orm(string_value = "stopped")]
    Stopped,
}

/// The scanner that ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_engine")]
pub enum DastEngine {
    #[sea_orm(string_value = "zap")]
    Zap,
    #[sea_orm(string_value = "burp")]
    Burp,
    #[sea_orm(string_value = "nuclei")]
    Nuclei,
    #[sea_orm(string_value = "other")]
    Other,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dast_scans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The DAST project scanned.
    pub project_id: Uuid,
    /// The authenticated session used, if any.
    pub session_id: Option<Uuid>,
    pub scan_type: DastScanType,
    #[sea_orm(default_value = "queued")]
    pub status: DastScanStatus,
    /// 0–100.
    #[sea_orm(default_value = 0)]
    pub progress_pct: i16,
    pub started_at: Option<DateTimeWithTimeZone>,
    pub finished_at: Option<DateTimeWithTimeZone>,
    pub duration_s: Option<i32>,
    /// Scan policy: per scan-rule attack strength and alert threshold, e.g.
    /// `{"40012": {"strength": "HIGH", "threshold": "LOW"}}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub policy: Json,
    /// Start URLs (defaults to the project's base URL when empty).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub target_urls: Vec<String>,
    #[sea_orm(default_value = 0)]
    pub urls_discovered: i32,
    #[sea_orm(default_value = 0)]
    pub requests_sent: i32,
    /// Alerts with ZAP risk 3 (High).
    #[sea_orm(default_value = 0)]
    pub alerts_high: i32,
    /// Alerts with ZAP risk 2 (Medium).
    #[sea_orm(default_value = 0)]
    pub alerts_medium: i32,
    /// Alerts with ZAP risk 1 (Low).
    #[sea_orm(default_value = 0)]
    pub alerts_low: i32,
    /// Alerts with ZAP risk 0 (Informational).
    #[sea_orm(default_value = 0)]
    pub alerts_info: i32,
    #[sea_orm(default_value = "zap")]
    pub engine: DastEngine,
    pub engine_version: Option<String>,
    pub error_message: Option<String>,
    /// Who started the scan; null for scheduled scans.
    pub triggered_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::dast_projects::Entity",
        from = "Column::ProjectId",
        to = "super::dast_projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "dast_scans_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "super::dast_sessions::Entity",
        from = "Column::SessionId",
        to = "super::dast_sessions::Column::Id",
        on_delete = "SetNull",
        fk_name = "dast_scans_session_id_fkey"
    )]
    Session,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::TriggeredBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "dast_scans_triggered_by_fkey"
    )]
    TriggeredBy,
}

impl Related<super::dast_projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<super::dast_sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Session.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TriggeredBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
