//! Enums shared by several tables of the domain.

use sea_orm::entity::prelude::*;

/// The platform-wide severity, declared once in core.
pub use cybershield_core::severity::SeverityLevel;

/// Database engine of the "database identity" columns (`db_engine`, `db_host`, `db_port`,
/// `db_name`, optional `asset_id`) that rows about a database carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "data_security_db_engine")]
pub enum DbEngine {
    #[sea_orm(string_value = "postgresql")]
    Postgresql,
    #[sea_orm(string_value = "mysql")]
    Mysql,
    #[sea_orm(string_value = "mariadb")]
    Mariadb,
    #[sea_orm(string_value = "mssql")]
    Mssql,
    #[sea_orm(string_value = "oracle")]
    Oracle,
    #[sea_orm(string_value = "mongodb")]
    Mongodb,
    #[sea_orm(string_value = "redis")]
    Redis,
    #[sea_orm(string_value = "other")]
    Other,
}

/// Sensitivity class of data (data discovery results, encrypted assets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "data_security_classification")]
pub enum DataClassification {
    #[sea_orm(string_value = "public")]
    Public,
    #[sea_orm(string_value = "internal")]
    Internal,
    #[sea_orm(string_value = "confidential")]
    Confidential,
    #[sea_orm(string_value = "restricted")]
    Restricted,
}

/// Channel a DLP policy watches and an incident happened on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dlp_channel")]
pub enum DlpChannel {
    #[sea_orm(string_value = "email")]
    Email,
    #[sea_orm(string_value = "endpoint")]
    Endpoint,
    #[sea_orm(string_value = "cloud")]
    Cloud,
    #[sea_orm(string_value = "web")]
    Web,
    #[sea_orm(string_value = "database")]
    Database,
}
