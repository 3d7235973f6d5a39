//! Results of sensitive-data discovery scans: one row per location (a database column, a bucket
//! prefix, a file share path) with its classification and the information types found.

use sea_orm::entity::prelude::*;

use crate::enums::{DataClassification, DbEngine};

/// Review state of a discovery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "data_discovery_status")]
pub enum DataDiscoveryStatus {
    #[sea_orm(string_value = "new")]
    New,
    #[sea_orm(string_value = "confirmed")]
    Confirmed,
    #[sea_orm(string_value = "dismissed")]
    Dismissed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "data_discovery")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Database identity, when the location is in a database.
    pub db_engine: Option<DbEngine>,
    pub db_host: Option<String>,
    pub db_port: Option<i32>,
    pub db_name: Option<String>,
    /// The cloud resource (bucket, database instance…), declared in the registration
    /// (`cloud_assets` lives in the cloud crate, whose migration adds the foreign key).
    pub asset_id: Option<Uuid>,
    /// `schema.table.column` in a database, `bucket/prefix` in object storage, a path otherwise.
    pub location: String,
    pub classification: DataClassification,
    /// `[{type, count, likelihood | score 0–1}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub info_types: Json,
    pub rows_sampled: Option<i32>,
    pub estimated_records: Option<i64>,
    /// Identifier of the scan run that produced the latest result.
    pub scan_ref: Option<String>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub first_discovered_at: DateTimeWithTimeZone,
    pub last_scanned_at: Option<DateTimeWithTimeZone>,
    pub owner_team_id: Option<Uuid>,
    #[sea_orm(default_value = "new")]
    pub status: DataDiscoveryStatus,
    /// A masking rule covers the location.
    #[sea_orm(default_value = false)]
    pub masked: bool,
    /// The data is encrypted (column or object encryption).
    #[sea_orm(default_value = false)]
    pub encrypted: bool,
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
        fk_name = "data_discovery_owner_team_id_fkey"
    )]
    OwnerTeam,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OwnerTeam.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
