//! Maintainability measures of one analysis (code smells, technical debt `sqale_index`, debt ratio,
//! maintainability rating).

use sea_orm::entity::prelude::*;

pub use super::sast_security_reports::SastRating;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_maintainability_reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub scan_id: Uuid,
    pub project_id: Uuid,
    #[sea_orm(default_value = 0)]
    pub code_smells: i32,
    pub new_code_smells: Option<i32>,
    /// SonarQube `sqale_index`.
    #[sea_orm(default_value = 0)]
    pub technical_debt_minutes: i64,
    pub new_technical_debt_minutes: Option<i64>,
    /// SonarQube `sqale_debt_ratio`.
    #[sea_orm(column_type = "Decimal(Some((6, 2)))", nullable)]
    pub debt_ratio_pct: Option<Decimal>,
    /// SonarQube `sqale_rating`.
    pub maintainability_rating: Option<SastRating>,
    pub new_maintainability_rating: Option<SastRating>,
    /// Effort to reach the A rating.
    pub effort_to_rating_a_minutes: Option<i64>,
    /// Estimated cost to develop the code (ncloc × 30 min by default).
    pub development_cost_minutes: Option<i64>,
    /// Code smells by severity.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub by_severity: Json,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::sast_scans::Entity",
        from = "Column::ScanId",
        to = "super::sast_scans::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_maintainability_reports_scan_id_fkey"
    )]
    Scan,
    #[sea_orm(
        belongs_to = "super::sast_projects::Entity",
        from = "Column::ProjectId",
        to = "super::sast_projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_maintainability_reports_project_id_fkey"
    )]
    Project,
}

impl Related<super::sast_scans::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Scan.def()
    }
}

impl Related<super::sast_projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
