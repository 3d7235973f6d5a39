//! People who log in to CyberShield (SonarQube `USERS`, Keycloak users).

use sea_orm::entity::prelude::*;

/// Platform role of a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "user_role")]
pub enum UserRole {
    #[sea_orm(string_value = "admin")]
    Admin,
    #[sea_orm(string_value = "security_manager")]
    SecurityManager,
    #[sea_orm(string_value = "analyst")]
    Analyst,
    #[sea_orm(string_value = "developer")]
    Developer,
    #[sea_orm(string_value = "auditor")]
    Auditor,
    #[sea_orm(string_value = "viewer")]
    Viewer,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Login e-mail, compared case-insensitively (`citext`).
    #[sea_orm(column_type = "custom(\"citext\")", unique)]
    pub email: String,
    #[sea_orm(unique)]
    pub username: String,
    pub display_name: Option<String>,
    /// argon2id PHC string; null for SSO-only accounts. Never output.
    pub password_hash: Option<String>,
    pub password_changed_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(default_value = false)]
    pub reset_password_required: bool,
    pub role: UserRole,
    #[sea_orm(default_value = true)]
    pub is_active: bool,
    /// SSO provider that provisioned the account; unique together with `external_id`.
    pub external_identity_provider: Option<String>,
    pub external_id: Option<String>,
    pub last_login_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub last_login_ip: Option<IpNetwork>,
    /// Consecutive failed logins since the last success (brute-force protection).
    #[sea_orm(default_value = 0)]
    pub failed_login_count: i32,
    pub locked_until: Option<DateTimeWithTimeZone>,
    #[sea_orm(default_value = false)]
    pub permanently_locked: bool,
    #[sea_orm(default_value = false)]
    pub mfa_enabled: bool,
    #[sea_orm(default_value = false)]
    pub mfa_required: bool,
    /// IANA time zone name, e.g. `Europe/Paris`.
    pub timezone: Option<String>,
    /// BCP 47 language tag, e.g. `en-GB`.
    pub locale: Option<String>,
    /// Soft deletion: the account is kept for audit references.
    pub deleted_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
