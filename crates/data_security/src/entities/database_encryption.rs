//! Encryption posture of each database (one row per database): TDE, column encryption, TLS
//! settings, backups, and an overall status.

use sea_orm::entity::prelude::*;

use crate::enums::DbEngine;

/// libpq `sslmode` (or the engine's equivalent) that clients are configured with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "database_ssl_mode")]
pub enum DatabaseSslMode {
    #[sea_orm(string_value = "disable")]
    Disable,
    #[sea_orm(string_value = "allow")]
    Allow,
    #[sea_orm(string_value = "prefer")]
    Prefer,
    #[sea_orm(string_value = "require")]
    Require,
    #[sea_orm(string_value = "verify-ca")]
    VerifyCa,
    #[sea_orm(string_value = "verify-full")]
    VerifyFull,
}

/// Overall verdict of the encryption check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "database_encryption_status")]
pub enum DatabaseEncryptionStatus {
    #[sea_orm(string_value = "compliant")]
    Compliant,
    #[sea_orm(string_value = "non_compliant")]
    NonCompliant,
    #[sea_orm(string_value = "unknown")]
    Unknown,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "database_encryption")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub db_engine: DbEngine,
    pub db_host: String,
    pub db_port: Option<i32>,
    /// Null when the row is about the whole server.
    pub db_name: Option<String>,
    /// The cloud resource behind the database, declared in the registration (`cloud_assets`
    /// lives in the cloud crate, whose migration adds the foreign key).
    pub asset_id: Option<Uuid>,
    /// Transparent data encryption of the data files.
    #[sea_orm(default_value = false)]
    pub tde_enabled: bool,
    pub tde_algorithm: Option<String>,
    /// The key protecting the TDE key, when it is a managed key.
    pub key_id: Option<Uuid>,
    /// `[{schema, table, column, method: deterministic|randomized|app_level}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub column_encryption: Json,
    /// The server refuses clients without TLS.
    #[sea_orm(default_value = false)]
    pub tls_required: bool,
    /// E.g. `TLSv1.2`.
    pub min_tls_version: Option<String>,
    pub ssl_mode: Option<DatabaseSslMode>,
    #[sea_orm(default_value = false)]
    pub backups_encrypted: bool,
    #[sea_orm(default_value = "unknown")]
    pub status: DatabaseEncryptionStatus,
    pub checked_at: Option<DateTimeWithTimeZone>,
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
        fk_name = "database_encryption_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "super::encryption_keys::Entity",
        from = "Column::KeyId",
        to = "super::encryption_keys::Column::Id",
        on_delete = "SetNull",
        fk_name = "database_encryption_key_id_fkey"
    )]
    Key,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<super::encryption_keys::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Key.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
