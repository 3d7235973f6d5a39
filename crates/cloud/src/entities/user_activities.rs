//! Cloud and SaaS audit events (CloudTrail-shaped). High-volume and append-only; BRIN on
//! `event_time`.

use sea_orm::entity::prelude::*;

/// Kind of identity that acted (CloudTrail `userIdentity.type`, plus SaaS users).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "user_activity_actor_type")]
pub enum UserActivityActorType {
    #[sea_orm(string_value = "Root")]
    Root,
    #[sea_orm(string_value = "IAMUser")]
    IamUser,
    #[sea_orm(string_value = "AssumedRole")]
    AssumedRole,
    #[sea_orm(string_value = "FederatedUser")]
    FederatedUser,
    #[sea_orm(string_value = "AWSService")]
    AwsService,
    #[sea_orm(string_value = "SaaSUser")]
    SaasUser,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "user_activities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub event_time: DateTimeWithTimeZone,
    /// When the platform received it.
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub ingested_at: DateTimeWithTimeZone,
    pub account_id: Option<Uuid>,
    pub saas_app_id: Option<Uuid>,
    /// Source of the event: `aws`, `azure`, `gcp`, `okta`, `google_workspace`…
    pub provider: Option<String>,
    /// e.g. `iam.amazonaws.com`.
    pub event_source: Option<String>,
    /// e.g. `CreateAccessKey`.
    pub event_name: String,
    pub read_only: Option<bool>,
    pub actor_type: Option<UserActivityActorType>,
    pub actor_arn: Option<String>,
    pub iam_user_id: Option<Uuid>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub source_ip: Option<IpNetwork>,
    pub user_agent: Option<String>,
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code of `source_ip`.
    pub geo_country: Option<String>,
    /// Resources touched: `[{type, arn, account_id}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub resources: Json,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    /// `impossible_travel`, `new_country`, `root_usage`, `mass_download`…
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub risk_flags: Vec<String>,
    /// The original event.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub raw: Option<Json>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::cloud_accounts::Entity",
        from = "Column::AccountId",
        to = "super::cloud_accounts::Column::Id",
        on_delete = "SetNull",
        fk_name = "user_activities_account_id_fkey"
    )]
    Account,
    #[sea_orm(
        belongs_to = "super::saas_applications::Entity",
        from = "Column::SaasAppId",
        to = "super::saas_applications::Column::Id",
        on_delete = "SetNull",
        fk_name = "user_activities_saas_app_id_fkey"
    )]
    SaasApp,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::iam_users::Entity",
        from = "Column::IamUserId",
        to = "cybershield_iam::entities::iam_users::Column::Id",
        on_delete = "SetNull",
        fk_name = "user_activities_iam_user_id_fkey"
    )]
    IamUser,
}

impl Related<super::cloud_accounts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Account.def()
    }
}

impl Related<super::saas_applications::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SaasApp.def()
    }
}

impl Related<cybershield_iam::entities::iam_users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IamUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
