//! Sensitive data found in cloud storage or SaaS (Amazon Macie-like findings).

use sea_orm::entity::prelude::*;

use crate::SeverityLevel;

/// What was done about the exposure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "cloud_dlp_action_taken")]
pub enum CloudDlpActionTaken {
    #[sea_orm(string_value = "none")]
    None,
    #[sea_orm(string_value = "notified")]
    Notified,
    #[sea_orm(string_value = "quarantined")]
    Quarantined,
    #[sea_orm(string_value = "access_revoked")]
    AccessRevoked,
    #[sea_orm(string_value = "encrypted")]
    Encrypted,
    #[sea_orm(string_value = "deleted")]
    Deleted,
}

/// Triage state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "cloud_dlp_incident_status")]
pub enum CloudDlpIncidentStatus {
    #[sea_orm(string_value = "new")]
    New,
    #[sea_orm(string_value = "triaged")]
    Triaged,
    #[sea_orm(string_value = "resolved")]
    Resolved,
    #[sea_orm(string_value = "false_positive")]
    FalsePositive,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cloud_dlp_incidents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub account_id: Option<Uuid>,
    pub asset_id: Option<Uuid>,
    pub saas_app_id: Option<Uuid>,
    /// Macie finding type, e.g. `SensitiveData:S3Object/Financial`, `Policy:IAMUser/S3BucketPublic`.
    pub finding_type: String,
    /// Object key / file path.
    pub object_path: Option<String>,
    /// `[{type: CREDIT_CARD_NUMBER, count}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub identifiers: Json,
    /// Total sensitive-data occurrences found.
    #[sea_orm(default_value = 0)]
    pub occurrences: i32,
    pub severity: SeverityLevel,
    pub actor_iam_user_id: Option<Uuid>,
    #[sea_orm(default_value = "none")]
    pub action_taken: CloudDlpActionTaken,
    #[sea_orm(default_value = "new")]
    pub status: CloudDlpIncidentStatus,
    /// The DLP policy that matched. References `dlp_policies` (data_security crate): declared
    /// with `.references`, constraint `cloud_dlp_incidents_dlp_policy_id_fkey` in this crate's
    /// migration.
    pub dlp_policy_id: Option<Uuid>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub first_seen_at: DateTimeWithTimeZone,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub last_seen_at: DateTimeWithTimeZone,
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
        fk_name = "cloud_dlp_incidents_account_id_fkey"
    )]
    Account,
    #[sea_orm(
        belongs_to = "super::cloud_assets::Entity",
        from = "Column::AssetId",
        to = "super::cloud_assets::Column::Id",
        on_delete = "SetNull",
        fk_name = "cloud_dlp_incidents_asset_id_fkey"
    )]
    Asset,
    #[sea_orm(
        belongs_to = "super::saas_applications::Entity",
        from = "Column::SaasAppId",
        to = "super::saas_applications::Column::Id",
        on_delete = "SetNull",
        fk_name = "cloud_dlp_incidents_saas_app_id_fkey"
    )]
    SaasApp,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::iam_users::Entity",
        from = "Column::ActorIamUserId",
        to = "cybershield_iam::entities::iam_users::Column::Id",
        on_delete = "SetNull",
        fk_name = "cloud_dlp_incidents_actor_iam_user_id_fkey"
    )]
    ActorIamUser,
}

impl Related<super::cloud_accounts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Account.def()
    }
}

impl Related<super::cloud_assets::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Asset.def()
    }
}

impl Related<super::saas_applications::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SaasApp.def()
    }
}

impl Related<cybershield_iam::entities::iam_users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ActorIamUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
