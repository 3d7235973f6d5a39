//! Scans by tools without a family of their own: SCA (osv-scanner, grype), container images
//! (trivy), IaC (checkov), secrets (gitleaks), licences, SBOM generation.

use sea_orm::entity::prelude::*;

/// What the scan looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "app_security_scan_kind")]
pub enum AppSecurityScanKind {
    #[sea_orm(string_value = "sca")]
    Sca,
    #[sea_orm(string_value = "container")]
    Container,
    #[sea_orm(string_value = "iac")]
    Iac,
    #[sea_orm(string_value = "secrets")]
    Secrets,
    #[sea_orm(string_value = "license")]
    License,
    #[sea_orm(string_value = "sbom")]
    Sbom,
}

/// Progress of a scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "app_security_scan_status")]
pub enum AppSecurityScanStatus {
    #[sea_orm(string_value = "queued")]
    Queued,
    #[sea_orm(string_value = "running")]
    Running,
    #[sea_orm(string_value = "completed")]
    Completed,
    #[sea_orm(string_value = "failed")]
    Failed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "app_security_scans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    /// The hub scan (import) this run was recorded under.
    pub project_scan_id: Option<Uuid>,
    pub scan_kind: AppSecurityScanKind,
    /// `trivy`, `grype`, `osv-scanner`, `checkov`, `gitleaks`…
    pub tool: String,
    pub tool_version: Option<String>,
    /// Image digest, manifest path or `repo@sha`.
    pub target: String,
    #[sea_orm(default_value = "queued")]
    pub status: AppSecurityScanStatus,
    pub started_at: Option<DateTimeWithTimeZone>,
    pub finished_at: Option<DateTimeWithTimeZone>,
    /// Findings by platform severity, e.g. `{"critical": 1, "high": 4, "medium": 10}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub counts_by_severity: Json,
    /// Where the generated SBOM (CycloneDX / SPDX) is stored.
    pub sbom_uri: Option<String>,
    pub error: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::projects::Entity",
        from = "Column::ProjectId",
        to = "cybershield_projects::entities::projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "app_security_scans_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::project_scans::Entity",
        from = "Column::ProjectScanId",
        to = "cybershield_projects::entities::project_scans::Column::Id",
        on_delete = "SetNull",
        fk_name = "app_security_scans_project_scan_id_fkey"
    )]
    ProjectScan,
}

impl Related<cybershield_projects::entities::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<cybershield_projects::entities::project_scans::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProjectScan.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
