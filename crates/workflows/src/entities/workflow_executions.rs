//! Runs of a workflow (StackStorm execution statuses), with per-step results.

use sea_orm::entity::prelude::*;

/// State of a run (StackStorm `LIVEACTION_STATUS_*`, plus `paused` for approvals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "workflow_execution_status")]
pub enum WorkflowExecutionStatus {
    #[sea_orm(string_value = "requested")]
    Requested,
    #[sea_orm(string_value = "scheduled")]
    Scheduled,
    #[sea_orm(string_value = "delayed")]
    Delayed,
    #[sea_orm(string_value = "running")]
    Running,
    #[sea_orm(string_value = "paused")]
    Paused,
    #[sea_orm(string_value = "succeeded")]
    Succeeded,
    #[sea_orm(string_value = "failed")]
    Failed,
    #[sea_orm(string_value = "timeout")]
    Timeout,
    #[sea_orm(string_value = "abandoned")]
    Abandoned,
    #[sea_orm(string_value = "canceling")]
    Canceling,
    #[sea_orm(string_value = "canceled")]
    Canceled,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "workflow_executions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub workflow_id: Uuid,
    /// `workflows.version` at the start of the run.
    pub workflow_version: i32,
    #[sea_orm(default_value = "requested")]
    pub status: WorkflowExecutionStatus,
    /// The event, schedule tick or webhook payload that started the run.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub trigger_event: Option<Json>,
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub input: Json,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub output: Option<Json>,
    pub error: Option<String>,
    /// `[{step_key, status, attempt, started_at, ended_at, output, error}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub step_results: Json,
    pub started_at: Option<DateTimeWithTimeZone>,
    pub ended_at: Option<DateTimeWithTimeZone>,
    pub duration_ms: Option<i64>,
    /// Who started it by hand; null for schedule, webhook and event triggers.
    pub triggered_by: Option<Uuid>,
    /// The run that started this one as a sub-workflow.
    pub parent_execution_id: Option<Uuid>,
    /// The incident the run works on. References `incidents` (incidents crate): declared with
    /// `.references`, constraint in this crate's migration.
    pub incident_id: Option<Uuid>,
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
        fk_name = "workflow_executions_workflow_id_fkey"
    )]
    Workflow,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::TriggeredBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "workflow_executions_triggered_by_fkey"
    )]
    TriggeredBy,
    #[sea_orm(
        belongs_to = "Entity",
        from = "Column::ParentExecutionId",
        to = "Column::Id",
        on_delete = "SetNull",
        fk_name = "workflow_executions_parent_execution_id_fkey"
    )]
    ParentExecution,
}

impl Related<super::workflows::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Workflow.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TriggeredBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
