//! Platform login sessions (Keycloak user sessions). Only hashes of the opaque tokens are stored.

use sea_orm::entity::prelude::*;

/// How the session was authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "iam_session_auth_method")]
pub enum IamSessionAuthMethod {
    #[sea_orm(string_value = "password")]
    Password,
    #[sea_orm(string_value = "oidc")]
    Oidc,
    #[sea_orm(string_value = "saml")]
    Saml,
    #[sea_orm(string_value = "api_token")]
    ApiToken,
    #[sea_orm(string_value = "recovery_code")]
    RecoveryCode,
}

/// Second factor used to verify the session (`none` when no MFA step happened).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "iam_session_mfa_method")]
pub enum IamSessionMfaMethod {
    #[sea_orm(string_value = "totp")]
    Totp,
    #[sea_orm(string_value = "hotp")]
    Hotp,
    #[sea_orm(string_value = "webauthn")]
    Webauthn,
    #[sea_orm(string_value = "backup_code")]
    BackupCode,
    #[sea_orm(string_value = "none")]
    None,
}

/// Why a session was ended before its expiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "iam_session_revoke_reason")]
pub enum IamSessionRevokeReason {
    #[sea_orm(string_value = "logout")]
    Logout,
    #[sea_orm(string_value = "admin")]
    Admin,
    #[sea_orm(string_value = "password_change")]
    PasswordChange,
    #[sea_orm(string_value = "mfa_reset")]
    MfaReset,
    #[sea_orm(string_value = "expired")]
    Expired,
    #[sea_orm(string_value = "risk")]
    Risk,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "iam_sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// sha256 of the opaque session token (never the token). Never output.
    #[sea_orm(unique)]
    pub token_hash: String,
    /// sha256 of the refresh token, when one was issued. Never output.
    #[sea_orm(unique)]
    pub refresh_token_hash: Option<String>,
    pub auth_method: IamSessionAuthMethod,
    #[sea_orm(default_value = "none")]
    pub mfa_method: IamSessionMfaMethod,
    pub mfa_verified_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub ip: Option<IpNetwork>,
    pub user_agent: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub geo_country: Option<String>,
    pub geo_city: Option<String>,
    pub device_fingerprint: Option<String>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub started_at: DateTimeWithTimeZone,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub last_seen_at: DateTimeWithTimeZone,
    /// Idle timeout (Keycloak SSO idle default: 30 minutes after the last activity).
    #[sea_orm(default_expr = "Expr::cust(\"now() + interval '30 minutes'\")")]
    pub idle_expires_at: DateTimeWithTimeZone,
    /// Hard limit (Keycloak SSO max default: 10 hours after the start).
    #[sea_orm(default_expr = "Expr::cust(\"now() + interval '10 hours'\")")]
    pub absolute_expires_at: DateTimeWithTimeZone,
    pub revoked_at: Option<DateTimeWithTimeZone>,
    pub revoke_reason: Option<IamSessionRevokeReason>,
    #[sea_orm(default_value = false)]
    pub remember_me: bool,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_delete = "Cascade",
        fk_name = "iam_sessions_user_id_fkey"
    )]
    User,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
