//! Second factors of platform users (Keycloak OTP and WebAuthn credentials, SMS/e-mail codes).

use sea_orm::entity::prelude::*;

/// Kind of second factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "mfa_device_type")]
pub enum MfaDeviceType {
    #[sea_orm(string_value = "totp")]
    Totp,
    #[sea_orm(string_value = "hotp")]
    Hotp,
    #[sea_orm(string_value = "webauthn")]
    Webauthn,
    #[sea_orm(string_value = "sms")]
    Sms,
    #[sea_orm(string_value = "email")]
    Email,
}

/// Enrolment state of a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "mfa_device_status")]
pub enum MfaDeviceStatus {
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "active")]
    Active,
    #[sea_orm(string_value = "disabled")]
    Disabled,
    #[sea_orm(string_value = "revoked")]
    Revoked,
}

/// HMAC algorithm of an OTP device (Keycloak names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "mfa_otp_algorithm")]
pub enum MfaOtpAlgorithm {
    #[sea_orm(string_value = "HmacSHA1")]
    HmacSha1,
    #[sea_orm(string_value = "HmacSHA256")]
    HmacSha256,
    #[sea_orm(string_value = "HmacSHA512")]
    HmacSha512,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "mfa_devices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub r#type: MfaDeviceType,
    pub label: Option<String>,
    pub status: MfaDeviceStatus,
    /// OTP: the shared secret, encrypted with `key_id`. Never output.
    pub secret_encrypted: Option<Vec<u8>>,
    /// OTP: the key that encrypts `secret_encrypted`. References `encryption_keys`, which lives
    /// in the data_security crate: that crate's migration adds the foreign key
    /// (`mfa_devices_key_id_fkey`), so no relation is declared here.
    pub key_id: Option<Uuid>,
    /// OTP only; null for other device types.
    pub algorithm: Option<MfaOtpAlgorithm>,
    #[sea_orm(default_value = 6)]
    pub digits: i16,
    /// TOTP time step in seconds.
    #[sea_orm(default_value = 30)]
    pub period_s: i16,
    /// HOTP moving counter.
    #[sea_orm(default_value = 0)]
    pub counter: i64,
    /// TOTP: the last accepted time step; a code for a step ≤ this one is rejected (no reuse).
    pub last_used_step: Option<i64>,
    /// WebAuthn credential id.
    #[sea_orm(unique)]
    pub credential_id: Option<Vec<u8>>,
    /// WebAuthn: COSE-encoded public key.
    pub public_key_cose: Option<Vec<u8>>,
    /// WebAuthn: authenticator model.
    pub aaguid: Option<Uuid>,
    /// WebAuthn signature counter (clone detection).
    #[sea_orm(default_value = 0)]
    pub sign_count: i64,
    /// WebAuthn transports: `usb`, `nfc`, `ble`, `internal`, `hybrid`.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub transports: Vec<String>,
    pub attestation_format: Option<String>,
    /// SMS/e-mail: masked destination, e.g. `+33 6•• •• •• 42`.
    pub destination_masked: Option<String>,
    pub verified_at: Option<DateTimeWithTimeZone>,
    pub last_used_at: Option<DateTimeWithTimeZone>,
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
        fk_name = "mfa_devices_user_id_fkey"
    )]
    User,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
