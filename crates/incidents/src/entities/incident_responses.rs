//! Response tasks of an incident (TheHive `Task` + task logs): created by hand or from the
//! playbook's task list; automated tasks point at the workflow execution that ran them.

use sea_orm::entity::prelude::*;

/// Progress of a task (TheHive `TaskStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "incident_response_status")]
pub enum IncidentResponseStatus {
    #[sea_orm(string_value = "Waiting")]
    Waiting,
    #[sea_orm(string_value = "InProgress")]
    InProgress,
    #[sea_orm(string_value = "Completed")]
    Completed,
    #[sea_orm(string_value = "Cancel")]
    Cancel,
}

/// How a task is carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "incident_response_action_type")]
pub enum IncidentResponseActionType {
    #[sea_orm(string_value = "manual")]
    Manual,
    #[sea_orm(string_value = "automated")]
    Automated,
    #[sea_orm(string_value = "notification")]
    Notification,
    #[sea_orm(string_value = "evidence_collection")]
    EvidenceCollection,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_responses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub incident_id: Uuid,
    /// The playbook the task came from, with the task's `key` in it.
    pub playbook_id: Option<Uuid>,
    pub playbook_step_key: Option<String>,
    pub title: String,
    /// Identification, Containment, Eradication, Recovery, Lessons learned…
    pub group: Option<String>,
    pub description: Option<String>,
    #[sea_orm(default_value = "Waiting")]
    pub status: IncidentResponseStatus,
    #[sea_orm(default_value = false)]
    pub flag: bool,
    /// Position of the task in its incident.
    #[sea_orm(default_value = 0)]
    pub order: i32,
    pub assignee_id: Option<Uuid>,
    pub due_at: Option<DateTimeWithTimeZone>,
    pub started_at: Option<DateTimeWithTimeZone>,
    pub ended_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(default_value = "manual")]
    pub action_type: IncidentResponseActionType,
    /// The workflow run of an automated task. References `workflow_executions` (workflows
    /// crate): declared with `.references`; the workflows migration adds the constraint.
    pub workflow_execution_id: Option<Uuid>,
    /// Task log: `[{at, author, message, attachments}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub logs: Json,
    pub outcome: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::incidents::Entity",
        from = "Column::IncidentId",
        to = "super::incidents::Column::Id",
        on_delete = "Cascade",
        fk_name = "incident_responses_incident_id_fkey"
    )]
    Incident,
    #[sea_orm(
        belongs_to = "super::response_playbooks::Entity",
        from = "Column::PlaybookId",
        to = "super::response_playbooks::Column::Id",
        on_delete = "SetNull",
        fk_name = "incident_responses_playbook_id_fkey"
    )]
    Playbook,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::AssigneeId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "incident_responses_assignee_id_fkey"
    )]
    Assignee,
}

impl Related<super::incidents::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Incident.def()
    }
}

impl Related<super::response_playbooks::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Playbook.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Assignee.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
