//! Duplicated code of one analysis (SonarQube `DUPLICATIONS_INDEX`, summarised): the project total
//! (`component_path` null) and optional per-file rows with their duplicated blocks.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_duplications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub scan_id: Uuid,
    pub project_id: Uuid,
    /// Null for the project total.
    pub component_path: Option<String>,
    #[sea_orm(default_value = 0)]
    pub duplicated_lines: i32,
    #[sea_orm(default_value = 0)]
    pub duplicated_blocks: i32,
    #[sea_orm(default_value = 0)]
    pub duplicated_files: i32,
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub duplicated_lines_density_pct: Option<Decimal>,
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub new_duplicated_lines_density_pct: Option<Decimal>,
    /// `[{start_line, end_line, hash, other_component_path, other_start_line, other_end_line}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub blocks: Json,
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
        fk_name = "sast_duplications_scan_id_fkey"
    )]
    Scan,
    #[sea_orm(
        belongs_to = "super::sast_projects::Entity",
        from = "Column::ProjectId",
        to = "super::sast_projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_duplications_project_id_fkey"
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
