//! Violations of DLP policies: who moved which sensitive data where, what matched (redacted),
//! what the policy did, and the triage state.

use sea_orm::entity::prelude::*;

use crate::enums::{DlpChannel, SeverityLevel};

/// What happened to the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dlp_action_taken")]
pub enum DlpActionTaken {
    #[sea_orm(string_value = "logged")]
    Logged,
    #[sea_orm(string_value = "blocked")]
    Blocked,
    #[sea_orm(string_value = "quarantined")]
    Quarantined,
    #[sea_orm(string_value = "encrypted")]
    Encrypted,
    #[sea_orm(string_value = "redacted")]
    Redacted,
    /// The user overrode a block with a justification.
    #[sea_orm(string_value = "user_justified")]
    UserJustified,
}

/// Triage state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dlp_incident_status")]
pub enum DlpIncidentStatus {
    #[sea_orm(string_value = "new")]
    New,
    #[sea_orm(string_value = "triaged")]
    Triaged,
    #[sea_orm(string_value = "investigating")]
    Investigating,
    #[sea_orm(string_value = "resolved_true_positive")]
    ResolvedTruePositive,
    #[sea_orm(string_value = "resolved_false_positive")]
    ResolvedFalsePositive,
    /// Promoted to a security incident (`incident_id`).
    #[sea_orm(string_value = "escalated")]
    Escalated,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dlp_incidents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    /// The policy that matched; nulled if the policy is deleted (the incident stays).
    pub policy_id: Option<Uuid>,
    pub channel: DlpChannel,
    /// The platform user who moved the data, when known.
    pub actor_user_id: Option<Uuid>,
    /// The governed identity who moved the data, when known.
    pub actor_iam_user_id: Option<Uuid>,
    /// The endpoint, declared in the registration (`devices` lives in the endpoint crate, whose
    /// migration adds the foreign key).
    pub device_id: Option<Uuid>,
    /// Where the data came from: file path, mailbox, bucket, table…
    pub source: Option<String>,
    /// Where it was going: recipient, URL, USB device, bucket…
    pub destination: Option<String>,
    /// `[{info_type, likelihood, count, redacted_sample}]`; never the clear values.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub matches: Json,
    #[sea_orm(default_value = 0)]
    pub match_count: i32,
    pub severity: SeverityLevel,
    #[sea_orm(default_value = "logged")]
    pub action_taken: DlpActionTaken,
    /// The user's reason when overriding (`user_justified`).
    pub user_justification: Option<String>,
    #[sea_orm(default_value = "new")]
    pub status: DlpIncidentStatus,
    pub assignee_id: Option<Uuid>,
    /// The security incident it was escalated to, declared in the registration (the incidents
    /// crate is not a dependency).
    pub incident_id: Option<Uuid>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub occurred_at: DateTimeWithTimeZone,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::TeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "dlp_incidents_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "super::dlp_policies::Entity",
        from = "Column::PolicyId",
        to = "super::dlp_policies::Column::Id",
        on_delete = "SetNull",
        fk_name = "dlp_incidents_policy_id_fkey"
    )]
    Policy,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::ActorUserId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "dlp_incidents_actor_user_id_fkey"
    )]
    ActorUser,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::iam_users::Entity",
        from = "Column::ActorIamUserId",
        to = "cybershield_iam::entities::iam_users::Column::Id",
        on_delete = "SetNull",
        fk_name = "dlp_incidents_actor_iam_user_id_fkey"
    )]
    ActorIamUser,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::AssigneeId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "dlp_incidents_assignee_id_fkey"
    )]
    Assignee,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<super::dlp_policies::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Policy.def()
    }
}

impl Related<cybershield_iam::entities::iam_users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ActorIamUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
