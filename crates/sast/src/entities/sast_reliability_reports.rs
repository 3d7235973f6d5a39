//! Reliability measures of one analysis (bugs, reliability rating, remediation effort).

use sea_orm::entity::prelude::*;

pub use super::sast_rules::SastSeverity;
pub use super::sast_security_reports::SastRating;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_reliability_reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub scan_id: Uuid,
    pub project_id: Uuid,
    #[sea_orm(default_value = 0)]
    pub bugs: i32,
    pub new_bugs: Option<i32>,
    pub reliability_rating: Option<SastRating>,
    pub new_reliability_rating: Option<SastRating>,
    #[sea_orm(default_value = 0)]
    pub reliability_remediation_effort_minutes: i64,
    /// Bugs by severity.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub by_severity: Json,
    /// Worst severity among unresolved bugs; drives the rating.
    pub worst_open_severity: Option<SastSeverity>,
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
        fk_name = "sast_reliability_reports_scan_id_fkey"
    )]
    Scan,
    #[sea_orm(
        belongs_to = "super::sast_projects::Entity",
        from = "Column::ProjectId",
        to = "super::sast_projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_reliability_reports_project_id_fkey"
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
