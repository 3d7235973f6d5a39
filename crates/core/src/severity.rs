//! The platform-wide severity shared by every domain (GraphQL `SeverityLevel`), declared once.

use sea_orm::entity::prelude::*;

/// Platform-wide severity (`severity_level`); tool-native severities map onto it (logic #6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "severity_level")]
pub enum SeverityLevel {
    #[sea_orm(string_value = "critical")]
    Critical,
    #[sea_orm(string_value = "high")]
    High,
    #[sea_orm(string_value = "medium")]
    Medium,
    #[sea_orm(string_value = "low")]
    Low,
    #[sea_orm(string_value = "info")]
    Info,
}
