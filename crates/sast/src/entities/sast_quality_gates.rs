//! Quality gates (SonarQube `QUALITY_GATES` + `QUALITY_GATE_CONDITIONS`): the conditions an
//! analysis must meet. The built-in "Sonar way" gate is seeded, read-only and the default.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_quality_gates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub name: String,
    pub description: Option<String>,
    /// Shipped with the platform and read-only ("Sonar way").
    #[sea_orm(default_value = false)]
    pub is_built_in: bool,
    /// Used by projects without a gate of their own; at most one gate is the default.
    #[sea_orm(default_value = false)]
    pub is_default: bool,
    /// `[{metric_key, operator: GT|LT, error_threshold, on_new_code}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub conditions: Json,
    /// Author of a custom gate; null for built-in gates.
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "sast_quality_gates_created_by_fkey"
    )]
    CreatedBy,
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
