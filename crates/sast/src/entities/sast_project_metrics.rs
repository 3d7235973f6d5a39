//! Measures (SonarQube `LIVE_MEASURES` when `scan_id` is null, `PROJECT_MEASURES` per analysis),
//! for the project (`component_path` null) or a file. Metric definitions (value type, direction,
//! best/worst values) are kept in code.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_project_metrics")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    /// Null: the live value.
    pub scan_id: Option<Uuid>,
    /// Null: the project value.
    pub component_path: Option<String>,
    /// e.g. `ncloc`, `coverage`, `new_security_rating`, `sqale_index`, `alert_status`.
    pub metric_key: String,
    /// Numeric value; ratings are 1–5 (A–E), percentages 0–100, durations in minutes.
    pub value: Option<f64>,
    /// Value of text and level metrics (e.g. `alert_status`).
    pub text_value: Option<String>,
    /// Structured value, e.g. a distribution.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub data: Option<Json>,
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
        fk_name = "sast_project_metrics_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "super::sast_scans::Entity",
        from = "Column::ScanId",
        to = "super::sast_scans::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_project_metrics_scan_id_fkey"
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
