//! Security automation workflows (StackStorm-style): a trigger and an ordered graph of steps.

use sea_orm::entity::prelude::*;

/// What starts a workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "workflow_trigger_type")]
pub enum WorkflowTriggerType {
    #[sea_orm(string_value = "manual")]
    Manual,
    #[sea_orm(string_value = "schedule")]
    Schedule,
    #[sea_orm(string_value = "webhook")]
    Webhook,
    #[sea_orm(string_value = "event")]
    Event,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "workflows")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub name: String,
    pub description: Option<String>,
    #[sea_orm(default_value = "manual")]
    pub trigger_type: WorkflowTriggerType,
    /// Cron expression for `schedule`, event filter for `event` (e.g.
    /// `{"event": "incident.created", "where": "severity >= 3"}`), path for `webhook`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub trigger_config: Json,
    /// Bumped on every change of the steps; executions record the version they ran.
    #[sea_orm(default_value = 1)]
    pub version: i32,
    /// Off until explicitly enabled.
    #[sea_orm(default_value = false)]
    pub enabled: bool,
    /// Whole-run timeout; null: none.
    pub timeout_s: Option<i32>,
    /// Runs allowed at once; null: unlimited.
    pub max_concurrency: Option<i32>,
    pub owner_team_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub tags: Vec<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::OwnerTeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "workflows_owner_team_id_fkey"
    )]
    OwnerTeam,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "workflows_created_by_fkey"
    )]
    CreatedBy,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OwnerTeam.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
