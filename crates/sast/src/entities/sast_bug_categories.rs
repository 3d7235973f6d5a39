//! Lookup taxonomy of bugs (reliability) for filtering: one row per clean-code attribute and one
//! per common SonarQube rule tag.

use sea_orm::entity::prelude::*;

pub use super::sast_rules::SastCleanCodeAttribute;

/// Group of clean-code attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_attribute_category")]
pub enum SastAttributeCategory {
    #[sea_orm(string_value = "CONSISTENT")]
    Consistent,
    #[sea_orm(string_value = "INTENTIONAL")]
    Intentional,
    #[sea_orm(string_value = "ADAPTABLE")]
    Adaptable,
    #[sea_orm(string_value = "RESPONSIBLE")]
    Responsible,
}

/// Software quality an issue impacts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_software_quality")]
pub enum SastSoftwareQuality {
    #[sea_orm(string_value = "MAINTAINABILITY")]
    Maintainability,
    #[sea_orm(string_value = "RELIABILITY")]
    Reliability,
    #[sea_orm(string_value = "SECURITY")]
    Security,
}

/// Severity of an impact on a software quality (SonarQube 10.x).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_impact_severity")]
pub enum SastImpactSeverity {
    #[sea_orm(string_value = "INFO")]
    Info,
    #[sea_orm(string_value = "LOW")]
    Low,
    #[sea_orm(string_value = "MEDIUM")]
    Medium,
    #[sea_orm(string_value = "HIGH")]
    High,
    #[sea_orm(string_value = "BLOCKER")]
    Blocker,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_bug_categories")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// e.g. `logical` (an attribute) or `multi-threading` (a rule tag).
    #[sea_orm(unique)]
    pub key: String,
    pub name: String,
    pub description: Option<String>,
    pub clean_code_attribute: Option<SastCleanCodeAttribute>,
    pub attribute_category: Option<SastAttributeCategory>,
    pub software_quality: Option<SastSoftwareQuality>,
    /// Usual impact severity of the category.
    pub default_severity: Option<SastImpactSeverity>,
    /// Rule tags that map into this category.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub rule_tags: Vec<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
