//! Cloud resources of an account (Prowler `Resource`), identified by their ARN / resource id.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cloud_assets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub account_id: Uuid,
    /// ARN / resource id; unique within the account.
    pub uid: String,
    pub name: Option<String>,
    /// Resource type, e.g. `AwsS3Bucket`.
    pub r#type: Option<String>,
    /// Provider service, e.g. `s3`.
    pub service: Option<String>,
    pub region: Option<String>,
    /// Provider partition, e.g. `aws`, `aws-cn`.
    pub partition: Option<String>,
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub tags: Json,
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub details: Json,
    /// Provider metadata of the resource as the scanner read it.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub metadata: Json,
    #[sea_orm(default_value = false)]
    pub internet_exposed: bool,
    #[sea_orm(default_value = false)]
    pub contains_sensitive_data: bool,
    pub owner_team_id: Option<Uuid>,
    /// Number of FAIL findings on the resource.
    #[sea_orm(default_value = 0)]
    pub failed_findings_count: i32,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub first_seen_at: DateTimeWithTimeZone,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub last_seen_at: DateTimeWithTimeZone,
    /// Set when the resource disappeared from the account.
    pub deleted_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::cloud_accounts::Entity",
        from = "Column::AccountId",
        to = "super::cloud_accounts::Column::Id",
        on_delete = "Cascade",
        fk_name = "cloud_assets_account_id_fkey"
    )]
    Account,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::OwnerTeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "cloud_assets_owner_team_id_fkey"
    )]
    OwnerTeam,
}

impl Related<super::cloud_accounts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Account.def()
    }
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OwnerTeam.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
