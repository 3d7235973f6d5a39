//! Steps of a workflow: an action (`virustotal.lookup_hash`, `incident.create`,
//! `slack.post_message`…) with templated input, a guard, branches and a retry policy.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "workflow_steps")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub workflow_id: Uuid,
    /// Unique within the workflow; branches name steps by key.
    pub key: String,
    pub name: String,
    /// Display order.
    #[sea_orm(default_value = 0)]
    pub position: i32,
    /// `<pack>.<action>`, e.g. `virustotal.lookup_hash`.
    pub action_ref: String,
    /// The integration the action calls. References `external_integrations` (integrations
    /// crate): declared with `.references`, constraint in this crate's migration.
    pub integration_id: Option<Uuid>,
    /// Action parameters; values may be templates over the trigger and earlier step results.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub input: Json,
    /// Guard expression; the step is skipped when it is false.
    pub condition: Option<String>,
    /// Keys of the steps run after success.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub on_success: Vec<String>,
    /// Keys of the steps run after failure.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub on_failure: Vec<String>,
    #[sea_orm(default_value = 0)]
    pub retry_max: i16,
    #[sea_orm(default_value = 0)]
    pub retry_delay_s: i32,
    pub timeout_s: Option<i32>,
    /// A person must approve before the step runs.
    #[sea_orm(default_value = false)]
    pub requires_approval: bool,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::workflows::Entity",
        from = "Column::WorkflowId",
        to = "super::workflows::Column::Id",
        on_delete = "Cascade",
        fk_name = "workflow_steps_workflow_id_fkey"
    )]
    Workflow,
}

impl Related<super::workflows::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Workflow.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
