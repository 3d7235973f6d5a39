//! Masking rules: which column or information type is transformed, by which operator (Microsoft
//! Presidio anonymizer operators), for which roles and environments.

use sea_orm::entity::prelude::*;

use crate::enums::DbEngine;

/// Masking operator (Presidio `replace`, `redact`, `hash`, `mask`, `encrypt`, `keep`, plus
/// format-preserving encryption, shuffling, nulling and fake data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "data_masking_method")]
pub enum DataMaskingMethod {
    #[sea_orm(string_value = "replace")]
    Replace,
    #[sea_orm(string_value = "redact")]
    Redact,
    #[sea_orm(string_value = "hash")]
    Hash,
    #[sea_orm(string_value = "mask")]
    Mask,
    #[sea_orm(string_value = "encrypt")]
    Encrypt,
    /// Format-preserving encryption.
    #[sea_orm(string_value = "fpe")]
    Fpe,
    #[sea_orm(string_value = "keep")]
    Keep,
    #[sea_orm(string_value = "shuffle")]
    Shuffle,
    #[sea_orm(string_value = "nullify")]
    Nullify,
    #[sea_orm(string_value = "fake")]
    Fake,
}

/// Rule state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "data_masking_status")]
pub enum DataMaskingStatus {
    #[sea_orm(string_value = "draft")]
    Draft,
    #[sea_orm(string_value = "active")]
    Active,
    #[sea_orm(string_value = "disabled")]
    Disabled,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "data_masking")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    #[sea_orm(unique)]
    pub name: String,
    /// Database identity, when the rule targets one database.
    pub db_engine: Option<DbEngine>,
    pub db_host: Option<String>,
    pub db_port: Option<i32>,
    pub db_name: Option<String>,
    /// The cloud resource, declared in the registration (`cloud_assets` lives in the cloud
    /// crate, whose migration adds the foreign key).
    pub asset_id: Option<Uuid>,
    /// `schema.table.column`; a rule has a target, an information type, or both.
    pub target: Option<String>,
    /// Information type masked wherever it is found, e.g. `EMAIL_ADDRESS`, `CREDIT_CARD`.
    pub info_type: Option<String>,
    pub method: DataMaskingMethod,
    /// Operator parameters (Presidio style): `new_value`, `hash_type: sha256|sha512`,
    /// `chars_to_mask`, `masking_char`, `from_end`. Never a key: `encrypt`/`fpe` use `key_id`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub params: Json,
    /// The key of the `encrypt` and `fpe` operators (and the salt key of `hash`).
    pub key_id: Option<Uuid>,
    /// Roles that see masked values (empty: everyone without an exemption).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub applies_to_roles: Vec<String>,
    /// Environments the rule applies in, e.g. `staging`, `analytics`, `production`.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub environments: Vec<String>,
    #[sea_orm(default_value = "draft")]
    pub status: DataMaskingStatus,
    pub last_applied_at: Option<DateTimeWithTimeZone>,
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
        fk_name = "data_masking_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "data_masking_created_by_fkey"
    )]
    CreatedBy,
    #[sea_orm(
        belongs_to = "super::encryption_keys::Entity",
        from = "Column::KeyId",
        to = "super::encryption_keys::Column::Id",
        on_delete = "SetNull",
        fk_name = "data_masking_key_id_fkey"
    )]
    Key,
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
