//! Risky cloud IAM principals and policies (Cloudsplaining risk categories plus hygiene checks
//! such as missing MFA and stale access keys).

use sea_orm::entity::prelude::*;

use crate::SeverityLevel;

/// Kind of IAM principal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "iam_risk_principal_type")]
pub enum IamRiskPrincipalType {
    #[sea_orm(string_value = "user")]
    User,
    #[sea_orm(string_value = "role")]
    Role,
    #[sea_orm(string_value = "group")]
    Group,
    #[sea_orm(string_value = "policy")]
    Policy,
    #[sea_orm(string_value = "service_account")]
    ServiceAccount,
}

/// Kind of risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "iam_risk_type")]
pub enum IamRiskType {
    #[sea_orm(string_value = "privilege_escalation")]
    PrivilegeEscalation,
    #[sea_orm(string_value = "resource_exposure")]
    ResourceExposure,
    #[sea_orm(string_value = "data_exfiltration")]
    DataExfiltration,
    #[sea_orm(string_value = "infrastructure_modification")]
    InfrastructureModification,
    #[sea_orm(string_value = "credentials_exposure")]
    CredentialsExposure,
    #[sea_orm(string_value = "admin_access")]
    AdminAccess,
    #[sea_orm(string_value = "unused_credentials")]
    UnusedCredentials,
    #[sea_orm(string_value = "no_mfa")]
    NoMfa,
    #[sea_orm(string_value = "stale_access_key")]
    StaleAccessKey,
    #[sea_orm(string_value = "cross_account_trust")]
    CrossAccountTrust,
    #[sea_orm(string_value = "public_trust")]
    PublicTrust,
}

/// Triage state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "iam_risk_status")]
pub enum IamRiskStatus {
    #[sea_orm(string_value = "open")]
    Open,
    #[sea_orm(string_value = "accepted")]
    Accepted,
    #[sea_orm(string_value = "remediated")]
    Remediated,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "iam_risks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub account_id: Uuid,
    /// The principal or policy as a cloud resource, when inventoried.
    pub asset_id: Option<Uuid>,
    pub principal_type: IamRiskPrincipalType,
    /// ARN / principal id.
    pub principal_uid: String,
    /// The governed identity behind the principal, when known.
    pub iam_user_id: Option<Uuid>,
    pub risk_type: IamRiskType,
    pub policy_name: Option<String>,
    /// Risky actions, e.g. `iam:PassRole`.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub actions: Vec<String>,
    /// Resources the actions apply to (`*` included).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub resources: Vec<String>,
    pub severity: SeverityLevel,
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub evidence: Json,
    /// Last use of the principal or credential.
    pub last_used_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(default_value = "open")]
    pub status: IamRiskStatus,
    /// Scanner check that raised the risk.
    pub check_id: Option<String>,
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
        fk_name = "iam_risks_account_id_fkey"
    )]
    Account,
    #[sea_orm(
        belongs_to = "super::cloud_assets::Entity",
        from = "Column::AssetId",
        to = "super::cloud_assets::Column::Id",
        on_delete = "SetNull",
        fk_name = "iam_risks_asset_id_fkey"
    )]
    Asset,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::iam_users::Entity",
        from = "Column::IamUserId",
        to = "cybershield_iam::entities::iam_users::Column::Id",
        on_delete = "SetNull",
        fk_name = "iam_risks_iam_user_id_fkey"
    )]
    IamUser,
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

impl Related<cybershield_iam::entities::iam_users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IamUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
