//! Chart points of a project: one row per day or per analysis.

use sea_orm::entity::prelude::*;

pub use super::sast_scans::SastQualityGateResult;
pub use super::sast_security_reports::SastRating;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_project_trends")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    pub scan_id: Option<Uuid>,
    /// Day of the chart point.
    pub date: Date,
    pub bugs: Option<i32>,
    pub vulnerabilities: Option<i32>,
    pub code_smells: Option<i32>,
    pub security_hotspots: Option<i32>,
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub coverage_pct: Option<Decimal>,
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub duplicated_lines_density_pct: Option<Decimal>,
    pub ncloc: Option<i64>,
    pub reliability_rating: Option<SastRating>,
    pub security_rating: Option<SastRating>,
    pub maintainability_rating: Option<SastRating>,
    pub technical_debt_minutes: Option<i64>,
    pub quality_gate_status: Option<SastQualityGateResult>,
    /// Change of each value since the previous point.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub deltas: Json,
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
        fk_name = "sast_project_trends_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "super::sast_scans::Entity",
        from = "Column::ScanId",
        to = "super::sast_scans::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_project_trends_scan_id_fkey"
    )]
    Scan,
}

impl Related<super::sast_projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl Related<super::sast_scans::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Scan.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
