//! Lookup of device event kinds (`usb_inserted`, `file_copied_to_removable`…), seeded by the
//! reference-data migration.

use sea_orm::entity::prelude::*;

use crate::SeverityLevel;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "event_types")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Stable key, e.g. `usb_inserted`.
    #[sea_orm(unique)]
    pub key: String,
    /// Short title.
    pub name: String,
    /// ECS-like category: `device`, `file`, `process`, `network`, `malware`.
    pub category: String,
    #[sea_orm(default_value = "info")]
    pub default_severity: SeverityLevel,
    pub description: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
