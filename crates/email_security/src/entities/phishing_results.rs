//! One row per recipient of a campaign (GoPhish `Result`): the tracking id, the furthest funnel
//! status reached, whether the recipient reported the mail, and the event timeline.

use sea_orm::entity::prelude::*;

/// Furthest point a recipient reached (GoPhish status constants). Only moves forward:
/// Email Sent → Email Opened → Clicked Link → Submitted Data (logic #9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "phishing_result_status")]
pub enum PhishingResultStatus {
    #[sea_orm(string_value = "Scheduled")]
    Scheduled,
    #[sea_orm(string_value = "Sending")]
    Sending,
    #[sea_orm(string_value = "Retrying")]
    Retrying,
    #[sea_orm(string_value = "Email Sent")]
    EmailSent,
    #[sea_orm(string_value = "Error")]
    Error,
    #[sea_orm(string_value = "Email Opened")]
    EmailOpened,
    #[sea_orm(string_value = "Clicked Link")]
    ClickedLink,
    #[sea_orm(string_value = "Submitted Data")]
    SubmittedData,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "phishing_results")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub campaign_id: Uuid,
    /// Recipient id carried in the tracking URLs (`?rid=`).
    #[sea_orm(unique)]
    pub rid: String,
    /// Recipient address, compared case-insensitively (`citext`); unique per campaign.
    #[sea_orm(column_type = "custom(\"citext\")")]
    pub email: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub position: Option<String>,
    /// The platform user behind the address, when known.
    pub user_id: Option<Uuid>,
    /// The governed identity behind the address, when known.
    pub iam_user_id: Option<Uuid>,
    #[sea_orm(default_value = "Scheduled")]
    pub status: PhishingResultStatus,
    /// The recipient reported the mail; set without touching `status`.
    #[sea_orm(default_value = false)]
    pub reported: bool,
    /// When the mail is (or was) due to be sent.
    pub send_date: Option<DateTimeWithTimeZone>,
    /// Last status change.
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub modified_date: DateTimeWithTimeZone,
    /// Client address of the latest tracked event.
    #[sea_orm(column_type = "Inet", nullable)]
    pub ip: Option<IpNetwork>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub user_agent: Option<String>,
    /// Timeline `[{time, message: Email Sent|Email Opened|Clicked Link|Submitted Data|Email
    /// Reported|Error Sending Email, details}]`; passwords are dropped from submitted data unless
    /// the template captures them.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub events: Json,
    #[sea_orm(default_value = false)]
    pub training_assigned: bool,
    pub training_completed_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::phishing_campaigns::Entity",
        from = "Column::CampaignId",
        to = "super::phishing_campaigns::Column::Id",
        on_delete = "Cascade",
        fk_name = "phishing_results_campaign_id_fkey"
    )]
    Campaign,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::UserId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "phishing_results_user_id_fkey"
    )]
    User,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::iam_users::Entity",
        from = "Column::IamUserId",
        to = "cybershield_iam::entities::iam_users::Column::Id",
        on_delete = "SetNull",
        fk_name = "phishing_results_iam_user_id_fkey"
    )]
    IamUser,
}

impl Related<super::phishing_campaigns::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Campaign.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<cybershield_iam::entities::iam_users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IamUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
