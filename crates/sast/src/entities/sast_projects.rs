//! Analysed code bases (SonarQube `PROJECTS`), optionally linked to a hub project, with the
//! cached values the project list shows (size, gate status, last analysis).

use sea_orm::entity::prelude::*;

/// Who may browse a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_project_visibility")]
pub enum SastProjectVisibility {
    #[sea_orm(string_value = "public")]
    Public,
    #[sea_orm(string_value = "private")]
    Private,
}

/// Quality gate status of a project: that of its last analysis, `NONE` if never analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_project_quality_gate_status")]
pub enum SastProjectQualityGateStatus {
    #[sea_orm(string_value = "OK")]
    Ok,
    #[sea_orm(string_value = "ERROR")]
    Error,
    #[sea_orm(string_value = "NONE")]
    None,
}

/// How a project was created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_project_creation_method")]
pub enum SastProjectCreationMethod {
    #[sea_orm(string_value = "manual")]
    Manual,
    #[sea_orm(string_value = "ci")]
    Ci,
    #[sea_orm(string_value = "import")]
    Import,
    #[sea_orm(string_value = "api")]
    Api,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_projects")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Project key, e.g. `acme:payments-api`.
    #[sea_orm(unique)]
    pub key: String,
    pub name: String,
    pub description: Option<String>,
    #[sea_orm(default_value = "private")]
    pub visibility: SastProjectVisibility,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub tags: Vec<String>,
    #[sea_orm(default_value = "main")]
    pub main_branch: String,
    pub repository_url: Option<String>,
    /// Languages detected by the last analysis.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub languages: Vec<String>,
    /// Lines of code of the main branch (cached from the last analysis).
    pub ncloc: Option<i64>,
    /// Null: the default gate applies.
    pub quality_gate_id: Option<Uuid>,
    /// Hub project the findings are copied to.
    pub project_id: Option<Uuid>,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    /// Last analysis of the main branch.
    pub last_scan_id: Option<Uuid>,
    #[sea_orm(default_value = "NONE")]
    pub quality_gate_status: SastProjectQualityGateStatus,
    #[sea_orm(default_value = "manual")]
    pub creation_method: SastProjectCreationMethod,
    pub archived_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::sast_quality_gates::Entity",
        from = "Column::QualityGateId",
        to = "super::sast_quality_gates::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_projects_quality_gate_id_fkey"
    )]
    QualityGate,
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::projects::Entity",
        from = "Column::ProjectId",
        to = "cybershield_projects::entities::projects::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_projects_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::TeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_projects_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_projects_created_by_fkey"
    )]
    CreatedBy,
    #[sea_orm(
        belongs_to = "super::sast_scans::Entity",
        from = "Column::LastScanId",
        to = "super::sast_scans::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_projects_last_scan_id_fkey"
    )]
    LastScan,
}

impl Related<super::sast_quality_gates::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::QualityGate.def()
    }
}

impl Related<cybershield_projects::entities::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl Related<super::sast_scans::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LastScan.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
