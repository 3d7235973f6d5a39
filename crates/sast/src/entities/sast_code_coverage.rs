//! Test coverage of one analysis: the project total (`component_path` null) and optional per-file
//! rows.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_code_coverage")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub scan_id: Uuid,
    pub project_id: Uuid,
    /// Null for the project total.
    pub component_path: Option<String>,
    #[sea_orm(default_value = 0)]
    pub lines_to_cover: i32,
    #[sea_orm(default_value = 0)]
    pub uncovered_lines: i32,
    #[sea_orm(default_value = 0)]
    pub conditions_to_cover: i32,
    #[sea_orm(default_value = 0)]
    pub uncovered_conditions: i32,
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub coverage_pct: Option<Decimal>,
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub line_coverage_pct: Option<Decimal>,
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub branch_coverage_pct: Option<Decimal>,
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub new_coverage_pct: Option<Decimal>,
    pub new_lines_to_cover: Option<i32>,
    pub tests: Option<i32>,
    pub test_failures: Option<i32>,
    pub test_errors: Option<i32>,
    pub skipped_tests: Option<i32>,
    pub test_execution_time_ms: Option<i64>,
    /// `jacoco`, `lcov`, `cobertura`…
    pub report_format: Option<String>,
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
        fk_name = "sast_code_coverage_scan_id_fkey"
    )]
    Scan,
    #[sea_orm(
        belongs_to = "super::sast_projects::Entity",
        from = "Column::ProjectId",
        to = "super::sast_projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_code_coverage_project_id_fkey"
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
