//! Custom dashboards: a grid of widgets over metrics or queries, owned by a user and optionally
//! shared with teams.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "analytics_dashboards")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub owner_id: Option<Uuid>,
    /// Teams whose members may view the dashboard.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::uuid[]\")")]
    pub shared_team_ids: Vec<Uuid>,
    /// Shown first to its owner.
    #[sea_orm(default_value = false)]
    pub is_default: bool,
    /// `[{widget_id, type: kpi|line|bar|pie|table|heatmap, metric_key or query, filters,
    /// x, y, w, h}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub layout: Json,
    /// Relative range, e.g. `last_30d`.
    #[sea_orm(default_value = "last_30d")]
    pub time_range: String,
    /// Auto-refresh period; null: manual.
    pub refresh_s: Option<i32>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::OwnerId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "analytics_dashboards_owner_id_fkey"
    )]
    Owner,
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Owner.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
