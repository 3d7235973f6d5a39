//! Encryption coverage of data assets (cloud resources, databases, volumes, buckets, file
//! shares, backups, endpoint disks): at rest and in transit, with the key that protects them.

use sea_orm::entity::prelude::*;

use crate::enums::DataClassification;

/// Kind of asset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "encrypted_asset_type")]
pub enum EncryptedAssetType {
    #[sea_orm(string_value = "cloud_asset")]
    CloudAsset,
    #[sea_orm(string_value = "database")]
    Database,
    #[sea_orm(string_value = "volume")]
    Volume,
    #[sea_orm(string_value = "bucket")]
    Bucket,
    #[sea_orm(string_value = "file_share")]
    FileShare,
    #[sea_orm(string_value = "backup")]
    Backup,
    #[sea_orm(string_value = "endpoint_disk")]
    EndpointDisk,
}

/// Encryption at rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "encrypted_asset_at_rest")]
pub enum EncryptedAssetAtRest {
    #[sea_orm(string_value = "encrypted")]
    Encrypted,
    #[sea_orm(string_value = "unencrypted")]
    Unencrypted,
    #[sea_orm(string_value = "partial")]
    Partial,
    #[sea_orm(string_value = "unknown")]
    Unknown,
}

/// Encryption in transit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "encrypted_asset_in_transit")]
pub enum EncryptedAssetInTransit {
    /// TLS 1.2 or later only.
    #[sea_orm(string_value = "tls12_plus")]
    Tls12Plus,
    /// TLS 1.0/1.1 or SSL still accepted.
    #[sea_orm(string_value = "tls_legacy")]
    TlsLegacy,
    #[sea_orm(string_value = "none")]
    None,
    #[sea_orm(string_value = "unknown")]
    Unknown,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "encrypted_assets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub asset_type: EncryptedAssetType,
    /// The cloud resource, declared in the registration (`cloud_assets` lives in the cloud
    /// crate, whose migration adds the foreign key).
    pub asset_id: Option<Uuid>,
    /// The endpoint, declared in the registration (`devices` lives in the endpoint crate, whose
    /// migration adds the foreign key).
    pub device_id: Option<Uuid>,
    /// Where the data is: ARN, bucket, mount point, backup vault, host path…
    pub location: Option<String>,
    #[sea_orm(default_value = "unknown")]
    pub at_rest: EncryptedAssetAtRest,
    #[sea_orm(default_value = "unknown")]
    pub in_transit: EncryptedAssetInTransit,
    /// E.g. `AES-256-XTS`, `aws:kms`, `BitLocker XTS-AES 128`.
    pub algorithm: Option<String>,
    /// The key that encrypts the asset, when it is a managed key.
    pub key_id: Option<Uuid>,
    pub key_version: Option<i32>,
    /// Last time the state was checked.
    pub verified_at: Option<DateTimeWithTimeZone>,
    pub data_classification: Option<DataClassification>,
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
        fk_name = "encrypted_assets_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "super::encryption_keys::Entity",
        from = "Column::KeyId",
        to = "super::encryption_keys::Column::Id",
        on_delete = "SetNull",
        fk_name = "encrypted_assets_key_id_fkey"
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
