//! Posture findings (Prowler finding: one check evaluated on one resource), with their
//! compliance mapping and a triage workflow.

use sea_orm::entity::prelude::*;

/// Prowler check severity (kept native; `informational` maps to platform `info`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "misconfiguration_severity")]
pub enum MisconfigurationSeverity {
    #[sea_orm(string_value = "critical")]
    Critical,
    #[sea_orm(string_value = "high")]
    High,
    #[sea_orm(string_value = "medium")]
    Medium,
    #[sea_orm(string_value = "low")]
    Low,
    #[sea_orm(string_value = "informational")]
    Informational,
}

/// Prowler check status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "misconfiguration_status")]
pub enum MisconfigurationStatus {
    #[sea_orm(string_value = "PASS")]
    Pass,
    #[sea_orm(string_value = "FAIL")]
    Fail,
    #[sea_orm(string_value = "MANUAL")]
    Manual,
}

/// Change since the previous scan (null = unchanged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "misconfiguration_delta")]
pub enum MisconfigurationDelta {
    #[sea_orm(string_value = "new")]
    New,
    #[sea_orm(string_value = "changed")]
    Changed,
}

/// Triage state of the finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "misconfiguration_workflow_status")]
pub enum MisconfigurationWorkflowStatus {
    #[sea_orm(string_value = "open")]
    Open,
    #[sea_orm(string_value = "in_progress")]
    InProgress,
    #[sea_orm(string_value = "resolved")]
    Resolved,
    #[sea_orm(string_value = "risk_accepted")]
    RiskAccepted,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "misconfigurations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub account_id: Uuid,
    /// The resource checked; null for account-level checks.
    pub asset_id: Option<Uuid>,
    /// Scanner run that produced the finding.
    pub scan_ref: Option<String>,
    /// Prowler finding uid.
    #[sea_orm(unique)]
    pub uid: String,
    /// Check id, e.g. `s3_bucket_public_access`.
    pub check_id: String,
    pub check_title: Option<String>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub check_type: Vec<String>,
    pub service_name: Option<String>,
    pub subservice_name: Option<String>,
    pub severity: MisconfigurationSeverity,
    pub status: MisconfigurationStatus,
    /// Human-readable result, e.g. `S3 Bucket x has public access`.
    pub status_extended: Option<String>,
    /// Muted findings do not fail a compliance requirement (logic #7).
    #[sea_orm(default_value = false)]
    pub muted: bool,
    pub muted_reason: Option<String>,
    pub muted_at: Option<DateTimeWithTimeZone>,
    pub delta: Option<MisconfigurationDelta>,
    pub region: Option<String>,
    pub resource_type: Option<String>,
    pub description: Option<String>,
    pub risk: Option<String>,
    pub related_url: Option<String>,
    /// `{recommendation: {text, url}, code: {cli, native_iac, terraform, other}}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub remediation: Json,
    /// Requirement ids per framework, e.g. `{"CIS-2.0": ["2.1.1"], "ISO27001-2022": ["A.8.24"]}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub compliance: Json,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub categories: Vec<String>,
    #[sea_orm(default_value = "open")]
    pub workflow_status: MisconfigurationWorkflowStatus,
    pub assignee_id: Option<Uuid>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub first_seen_at: DateTimeWithTimeZone,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub last_seen_at: DateTimeWithTimeZone,
    /// The normalised copy in `project_issues`, when one was made.
    pub project_issue_id: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::cloud_accounts::Entity",
        from = "Column::AccountId",
        to = "super::cloud_accounts::Column::Id",
        on_delete = "Cascade",
        fk_name = "misconfigurations_account_id_fkey"
    )]
    Account,
    #[sea_orm(
        belongs_to = "super::cloud_assets::Entity",
        from = "Column::AssetId",
        to = "super::cloud_assets::Column::Id",
        on_delete = "SetNull",
        fk_name = "misconfigurations_asset_id_fkey"
    )]
    Asset,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::AssigneeId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "misconfigurations_assignee_id_fkey"
    )]
    Assignee,
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::project_issues::Entity",
        from = "Column::ProjectIssueId",
        to = "cybershield_projects::entities::project_issues::Column::Id",
        on_delete = "SetNull",
        fk_name = "misconfigurations_project_issue_id_fkey"
    )]
    ProjectIssue,
}

impl Related<super::cloud_accounts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Account.def()
    }
}

impl Related<super::cloud_assets::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Asset.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Assignee.def()
    }
}

impl Related<cybershield_projects::entities::project_issues::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProjectIssue.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
