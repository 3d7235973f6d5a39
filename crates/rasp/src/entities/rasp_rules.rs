//! Detection algorithm configuration (OpenRASP `algorithmConfig`): one global row per algorithm
//! key, plus optional per-application overrides of the same key.

use sea_orm::entity::prelude::*;

use crate::enums::RaspAttackType;

/// What the agent does when the algorithm fires (`ignore` switches the detection off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "rasp_rule_action")]
pub enum RaspRuleAction {
    #[sea_orm(string_value = "block")]
    Block,
    #[sea_orm(string_value = "log")]
    Log,
    #[sea_orm(string_value = "ignore")]
    Ignore,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "rasp_rules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Algorithm key, e.g. `sql_userinput`, `command_reflect`, `xxe_protocol`; unique together
    /// with `scope_app_id`.
    pub key: String,
    pub attack_type: RaspAttackType,
    pub name: String,
    #[sea_orm(default_value = "log")]
    pub action: RaspRuleAction,
    #[sea_orm(default_value = true)]
    pub enabled: bool,
    /// Detections below this plugin confidence (0–100) are dropped.
    #[sea_orm(default_value = 0)]
    pub min_confidence: i16,
    /// Algorithm options (`min_length`, `protocols`, `feature` switches…).
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub options: Json,
    /// The application this override applies to; null = the global default.
    pub scope_app_id: Option<Uuid>,
    /// Incremented on every change (agents pull newer versions).
    #[sea_orm(default_value = 1)]
    pub version: i32,
    pub updated_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::projects::Entity",
        from = "Column::ScopeAppId",
        to = "cybershield_projects::entities::projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "rasp_rules_scope_app_id_fkey"
    )]
    ScopeApp,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::UpdatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "rasp_rules_updated_by_fkey"
    )]
    UpdatedBy,
}

impl Related<cybershield_projects::entities::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ScopeApp.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::UpdatedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
