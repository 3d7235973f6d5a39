//! Identities governed by the IAM module: workforce, service and cloud identities synced from
//! their source (Okta, Azure AD, LDAP, cloud IAM…), linked to a platform login when one exists.

use sea_orm::entity::prelude::*;

/// Directory or cloud provider an identity is synced from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "iam_user_source")]
pub enum IamUserSource {
    #[sea_orm(string_value = "okta")]
    Okta,
    #[sea_orm(string_value = "azure_ad")]
    AzureAd,
    #[sea_orm(string_value = "google_workspace")]
    GoogleWorkspace,
    #[sea_orm(string_value = "ldap")]
    Ldap,
    #[sea_orm(string_value = "aws_iam")]
    AwsIam,
    #[sea_orm(string_value = "gcp_iam")]
    GcpIam,
    #[sea_orm(string_value = "local")]
    Local,
}

/// Kind of account behind an identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "iam_account_type")]
pub enum IamAccountType {
    #[sea_orm(string_value = "human")]
    Human,
    #[sea_orm(string_value = "service")]
    Service,
    #[sea_orm(string_value = "shared")]
    Shared,
    #[sea_orm(string_value = "admin")]
    Admin,
    #[sea_orm(string_value = "break_glass")]
    BreakGlass,
}

/// Lifecycle state of an identity in its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "iam_user_status")]
pub enum IamUserStatus {
    #[sea_orm(string_value = "active")]
    Active,
    #[sea_orm(string_value = "suspended")]
    Suspended,
    #[sea_orm(string_value = "locked")]
    Locked,
    #[sea_orm(string_value = "deprovisioned")]
    Deprovisioned,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "iam_users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The platform login of this identity, when it has one.
    pub user_id: Option<Uuid>,
    pub source: IamUserSource,
    /// Identifier in the source; unique together with `source`.
    pub external_id: String,
    pub username: String,
    #[sea_orm(column_type = "custom(\"citext\")", nullable)]
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub department: Option<String>,
    pub job_title: Option<String>,
    pub manager_id: Option<Uuid>,
    pub account_type: IamAccountType,
    pub status: IamUserStatus,
    #[sea_orm(default_value = false)]
    pub privileged: bool,
    /// Group names in the source directory.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub groups: Vec<String>,
    #[sea_orm(default_value = false)]
    pub mfa_enrolled: bool,
    /// MFA factors enrolled in the source, as the source names them.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub mfa_methods: Vec<String>,
    pub last_login_at: Option<DateTimeWithTimeZone>,
    pub password_last_set_at: Option<DateTimeWithTimeZone>,
    /// 0–100; null until scored.
    pub risk_score: Option<i16>,
    /// Last successful sync from the source.
    pub synced_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "iam_users_user_id_fkey"
    )]
    User,
    #[sea_orm(
        belongs_to = "Entity",
        from = "Column::ManagerId",
        to = "Column::Id",
        on_delete = "SetNull",
        fk_name = "iam_users_manager_id_fkey"
    )]
    Manager,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
