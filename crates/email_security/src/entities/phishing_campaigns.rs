//! Phishing awareness campaigns (GoPhish `Campaign`): a template sent through an SMTP sending
//! profile to target groups, with the funnel counters cached in `stats` (logic #9).

use sea_orm::entity::prelude::*;

/// Lifecycle of a campaign (GoPhish status constants).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "phishing_campaign_status")]
pub enum PhishingCampaignStatus {
    #[sea_orm(string_value = "Created")]
    Created,
    /// Launched with a `launch_date` in the future.
    #[sea_orm(string_value = "Queued")]
    Queued,
    #[sea_orm(string_value = "In progress")]
    InProgress,
    #[sea_orm(string_value = "Emails Sent")]
    EmailsSent,
    #[sea_orm(string_value = "Completed")]
    Completed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "phishing_campaigns")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub name: String,
    /// Required to launch; nulled if the template is deleted (the results stay).
    pub template_id: Option<Uuid>,
    /// SMTP sending profile: an `external_integrations` row (category `email`), declared in
    /// the registration (the integrations crate is not a dependency).
    pub sending_profile_id: Option<Uuid>,
    /// Base URL of the phishing listener the tracking links point at.
    pub phish_url: Option<String>,
    /// Teams whose members are targeted.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::uuid[]\")")]
    pub target_team_ids: Vec<Uuid>,
    /// Ad-hoc recipients: `[{email, first_name, last_name, position}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub target_recipients: Json,
    #[sea_orm(default_value = "Created")]
    pub status: PhishingCampaignStatus,
    pub launch_date: Option<DateTimeWithTimeZone>,
    /// Sends are spread evenly between `launch_date` and this date when set.
    pub send_by_date: Option<DateTimeWithTimeZone>,
    /// Set once, when the campaign completes; tracking events are rejected afterwards.
    pub completed_date: Option<DateTimeWithTimeZone>,
    /// Funnel cache `{total, sent, opened, clicked, submitted_data, email_reported, error}`:
    /// recomputed from the results, never edited.
    #[sea_orm(
        column_type = "JsonBinary",
        default_expr = r##"Expr::cust(r#"'{"total": 0, "sent": 0, "opened": 0, "clicked": 0, "submitted_data": 0, "email_reported": 0, "error": 0}'::jsonb"#)"##
    )]
    pub stats: Json,
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
        fk_name = "phishing_campaigns_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "phishing_campaigns_created_by_fkey"
    )]
    CreatedBy,
    #[sea_orm(
        belongs_to = "super::phishing_templates::Entity",
        from = "Column::TemplateId",
        to = "super::phishing_templates::Column::Id",
        on_delete = "SetNull",
        fk_name = "phishing_campaigns_template_id_fkey"
    )]
    Template,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl Related<super::phishing_templates::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Template.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
