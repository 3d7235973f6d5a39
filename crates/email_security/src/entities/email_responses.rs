//! Actions taken on an analysed message: replies to the reporter, quarantine, purge from every
//! mailbox, sender/domain blocks, release, user notifications; manual or run by a workflow.

use sea_orm::entity::prelude::*;

/// What was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "email_response_type")]
pub enum EmailResponseType {
    #[sea_orm(string_value = "reply_to_reporter")]
    ReplyToReporter,
    #[sea_orm(string_value = "quarantine")]
    Quarantine,
    #[sea_orm(string_value = "purge_mailboxes")]
    PurgeMailboxes,
    #[sea_orm(string_value = "block_sender")]
    BlockSender,
    #[sea_orm(string_value = "block_domain")]
    BlockDomain,
    #[sea_orm(string_value = "release")]
    Release,
    #[sea_orm(string_value = "user_notification")]
    UserNotification,
}

/// Progress of the action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "email_response_status")]
pub enum EmailResponseStatus {
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "completed")]
    Completed,
    #[sea_orm(string_value = "failed")]
    Failed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "email_responses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub email_analysis_id: Uuid,
    pub response_type: EmailResponseType,
    #[sea_orm(default_value = "pending")]
    pub status: EmailResponseStatus,
    /// Mailboxes the action touched (quarantine, purge, release).
    #[sea_orm(default_value = 0)]
    pub affected_mailboxes: i32,
    /// Null when a workflow or the system acted.
    pub performed_by_user_id: Option<Uuid>,
    /// The automation run that performed it, declared in the registration (the workflows crate
    /// is not a dependency).
    pub workflow_execution_id: Option<Uuid>,
    /// Text sent to the reporter or to the users (`reply_to_reporter`, `user_notification`).
    pub message_template: Option<String>,
    pub performed_at: Option<DateTimeWithTimeZone>,
    pub error: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::email_analyses::Entity",
        from = "Column::EmailAnalysisId",
        to = "super::email_analyses::Column::Id",
        on_delete = "Cascade",
        fk_name = "email_responses_email_analysis_id_fkey"
    )]
    EmailAnalysis,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::PerformedByUserId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "email_responses_performed_by_user_id_fkey"
    )]
    PerformedByUser,
}

impl Related<super::email_analyses::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::EmailAnalysis.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PerformedByUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
