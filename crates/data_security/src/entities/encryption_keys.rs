//! Key management: one row per managed key (AWS KMS, Azure Key Vault, GCP KMS, Vault transit, HSM
//! or a local key), with its type, usage, state, versions and rotation policy. Every
//! `*_encrypted` column of the platform names the key that encrypts it through a `key_id` here.

use sea_orm::entity::prelude::*;

/// Where the key lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "encryption_key_provider")]
pub enum EncryptionKeyProvider {
    #[sea_orm(string_value = "aws_kms")]
    AwsKms,
    #[sea_orm(string_value = "azure_key_vault")]
    AzureKeyVault,
    #[sea_orm(string_value = "gcp_kms")]
    GcpKms,
    #[sea_orm(string_value = "vault_transit")]
    VaultTransit,
    #[sea_orm(string_value = "hsm")]
    Hsm,
    /// Key material kept by CyberShield itself, wrapped (`key_material_encrypted`).
    #[sea_orm(string_value = "local")]
    Local,
}

/// Algorithm of the key (Vault transit key type names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "encryption_key_type")]
pub enum EncryptionKeyType {
    #[sea_orm(string_value = "aes256-gcm96")]
    Aes256Gcm96,
    #[sea_orm(string_value = "aes128-gcm96")]
    Aes128Gcm96,
    #[sea_orm(string_value = "chacha20-poly1305")]
    Chacha20Poly1305,
    #[sea_orm(string_value = "rsa-2048")]
    Rsa2048,
    #[sea_orm(string_value = "rsa-3072")]
    Rsa3072,
    #[sea_orm(string_value = "rsa-4096")]
    Rsa4096,
    #[sea_orm(string_value = "ecdsa-p256")]
    EcdsaP256,
    #[sea_orm(string_value = "ecdsa-p384")]
    EcdsaP384,
    #[sea_orm(string_value = "ecdsa-p521")]
    EcdsaP521,
    #[sea_orm(string_value = "ed25519")]
    Ed25519,
    #[sea_orm(string_value = "hmac")]
    Hmac,
}

/// What the key may be used for (AWS KMS `KeyUsage`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "encryption_key_usage")]
pub enum EncryptionKeyUsage {
    #[sea_orm(string_value = "ENCRYPT_DECRYPT")]
    EncryptDecrypt,
    #[sea_orm(string_value = "SIGN_VERIFY")]
    SignVerify,
    #[sea_orm(string_value = "GENERATE_VERIFY_MAC")]
    GenerateVerifyMac,
    #[sea_orm(string_value = "KEY_AGREEMENT")]
    KeyAgreement,
}

/// Key state (AWS KMS key states).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "encryption_key_state")]
pub enum EncryptionKeyState {
    #[sea_orm(string_value = "Creating")]
    Creating,
    #[sea_orm(string_value = "Enabled")]
    Enabled,
    #[sea_orm(string_value = "Disabled")]
    Disabled,
    #[sea_orm(string_value = "PendingDeletion")]
    PendingDeletion,
    #[sea_orm(string_value = "PendingImport")]
    PendingImport,
    #[sea_orm(string_value = "Unavailable")]
    Unavailable,
    #[sea_orm(string_value = "Updating")]
    Updating,
}

/// Where the key material came from (AWS KMS `Origin`: provider = `AWS_KMS`, external =
/// `EXTERNAL`, hsm = `AWS_CLOUDHSM`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "encryption_key_origin")]
pub enum EncryptionKeyOrigin {
    #[sea_orm(string_value = "provider")]
    Provider,
    #[sea_orm(string_value = "external")]
    External,
    #[sea_orm(string_value = "hsm")]
    Hsm,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "encryption_keys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Human name, e.g. `alias/cybershield-secrets`.
    #[sea_orm(unique)]
    pub alias: String,
    pub provider: EncryptionKeyProvider,
    /// Provider reference: KMS ARN, Key Vault key id, Vault `transit/keys/<name>` path; unique
    /// per provider.
    pub key_ref: Option<String>,
    pub key_type: EncryptionKeyType,
    #[sea_orm(default_value = "ENCRYPT_DECRYPT")]
    pub key_usage: EncryptionKeyUsage,
    #[sea_orm(default_value = "Enabled")]
    pub state: EncryptionKeyState,
    #[sea_orm(default_value = "provider")]
    pub origin: EncryptionKeyOrigin,
    /// Latest key version (Vault `latest_version`); new data is encrypted with it.
    #[sea_orm(default_value = 1)]
    pub current_version: i32,
    /// Oldest version still allowed to decrypt (Vault `min_decryption_version`).
    #[sea_orm(default_value = 1)]
    pub min_decryption_version: i32,
    #[sea_orm(default_value = false)]
    pub rotation_enabled: bool,
    /// Automatic rotation period (Vault `auto_rotate_period`, AWS KMS 90–2560 days).
    pub rotation_period_days: Option<i32>,
    pub last_rotated_at: Option<DateTimeWithTimeZone>,
    pub next_rotation_at: Option<DateTimeWithTimeZone>,
    /// End of the waiting period of a key in `PendingDeletion`.
    pub deletion_scheduled_at: Option<DateTimeWithTimeZone>,
    /// The key may be exported (Vault `exportable`).
    #[sea_orm(default_value = false)]
    pub exportable: bool,
    #[sea_orm(default_value = false)]
    pub multi_region: bool,
    pub owner_team_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    /// What the key protects, e.g. `MFA seeds`, `integration credentials`.
    pub purpose: Option<String>,
    /// `local` keys only: the key material, wrapped by the key `key_id`. Never output.
    pub key_material_encrypted: Option<Vec<u8>>,
    /// `local` keys only: the key-encryption key that wraps `key_material_encrypted`.
    pub key_id: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::OwnerTeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "encryption_keys_owner_team_id_fkey"
    )]
    OwnerTeam,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "encryption_keys_created_by_fkey"
    )]
    CreatedBy,
    #[sea_orm(
        belongs_to = "Entity",
        from = "Column::KeyId",
        to = "Column::Id",
        on_delete = "SetNull",
        fk_name = "encryption_keys_key_id_fkey"
    )]
    Key,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OwnerTeam.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
