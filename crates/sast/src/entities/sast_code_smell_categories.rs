//! Lookup taxonomy of code smells (maintainability) for filtering: one row per clean-code attribute
//! and one per common SonarQube rule tag.

use sea_orm::entity::prelude::*;

pub use super::sast_bug_categories::{SastAttributeCategory, SastImpactSeverity, SastSoftwareQuality};
pub use super::sast_rules::SastCleanCodeAttribute;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_code_smell_categories")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// e.g. `focused` (an attribute) or `brain-overload` (a rule tag).
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
