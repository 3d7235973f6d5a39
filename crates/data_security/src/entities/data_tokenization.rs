//! Tokenization schemes: which kind of value is replaced by tokens, the token format, the key,
//! the provider (e.g. Vault transform) and who may detokenize; with usage counters.

use sea_orm::entity::prelude::*;

/// Kind of value tokenized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "data_tokenization_data_format")]
pub enum DataTokenizationDataFormat {
    #[sea_orm(string_value = "credit_card")]
    CreditCard,
    #[sea_orm(string_value = "ssn")]
    Ssn,
    #[sea_orm(string_value = "email")]
    Email,
    #[sea_orm(string_value = "phone")]
    Phone,
    #[sea_orm(string_value = "iban")]
    Iban,
    /// Described by `template_regex` and `alphabet`.
    #[sea_orm(string_value = "custom")]
    Custom,
}

/// Shape of the tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "data_tokenization_token_format")]
pub enum DataTokenizationTokenFormat {
    /// Same length and alphabet as the value (FF3-1).
    #[sea_orm(string_value = "format_preserving")]
    FormatPreserving,
    #[sea_orm(string_value = "random")]
    Random,
    /// The same value always gives the same token.
    #[sea_orm(string_value = "convergent")]
    Convergent,
}

/// Scheme state: `retired` schemes issue no tokens but still detokenize.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "data_tokenization_status")]
pub enum DataTokenizationStatus {
    #[sea_orm(string_value = "active")]
    Active,
    #[sea_orm(string_value = "disabled")]
    Disabled,
    #[sea_orm(string_value = "retired")]
    Retired,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "data_tokenization")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    #[sea_orm(unique)]
    pub name: String,
    pub data_format: DataTokenizationDataFormat,
    pub token_format: DataTokenizationTokenFormat,
    /// Template of the value (Vault transform template pattern), for `custom` formats.
    pub template_regex: Option<String>,
    /// Characters tokens are drawn from, e.g. `0123456789`.
    pub alphabet: Option<String>,
    /// Tokens can be turned back into values.
    #[sea_orm(default_value = true)]
    pub reversible: bool,
    #[sea_orm(default_value = false)]
    pub convergent: bool,
    /// Token lifetime; null: tokens do not expire.
    pub ttl_days: Option<i32>,
    /// The tokenization key.
    pub key_id: Option<Uuid>,
    /// E.g. `vault_transform`, `local`, `protegrity`.
    pub provider: Option<String>,
    /// Credential for the provider's tokenization vault (e.g. a Vault token), encrypted with
    /// `vault_secret_key_id`. Never output.
    pub vault_secret_encrypted: Option<Vec<u8>>,
    /// The key that encrypts `vault_secret_encrypted`.
    pub vault_secret_key_id: Option<Uuid>,
    /// Roles allowed to detokenize.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub detokenize_roles: Vec<String>,
    #[sea_orm(default_value = 0)]
    pub tokens_issued: i64,
    #[sea_orm(default_value = 0)]
    pub detokenize_count: i64,
    #[sea_orm(default_value = "active")]
    pub status: DataTokenizationStatus,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::TeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "data_tokenization_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "data_tokenization_created_by_fkey"
    )]
    CreatedBy,
    #[sea_orm(
        belongs_to = "super::encryption_keys::Entity",
        from = "Column::KeyId",
        to = "super::encryption_keys::Column::Id",
        on_delete = "SetNull",
        fk_name = "data_tokenization_key_id_fkey"
    )]
    Key,
    #[sea_orm(
        belongs_to = "super::encryption_keys::Entity",
        from = "Column::VaultSecretKeyId",
        to = "super::encryption_keys::Column::Id",
        on_delete = "SetNull",
        fk_name = "data_tokenization_vault_secret_key_id_fkey"
    )]
    VaultSecretKey,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl Related<super::encryption_keys::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Key.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
