//! Lookup of endpoint and peripheral kinds (`laptop`, `usb_mass_storage`…), seeded by the
//! reference-data migration.

use sea_orm::entity::prelude::*;

use crate::SeverityLevel;

/// Whether the type is a managed endpoint or a peripheral attached to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "device_type_category")]
pub enum DeviceTypeCategory {
    #[sea_orm(string_value = "endpoint")]
    Endpoint,
    #[sea_orm(string_value = "peripheral")]
    Peripheral,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "device_types")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Stable key, e.g. `usb_mass_storage`.
    #[sea_orm(unique)]
    pub key: String,
    /// Short title.
    pub name: String,
    pub category: DeviceTypeCategory,
    /// USB base class, two lower-case hex digits: `08` mass storage, `03` HID, `06` image,
    /// `07` printer, `e0` wireless.
    pub usb_class: Option<String>,
    #[sea_orm(default_value = "medium")]
    pub default_risk: SeverityLevel,
    pub description: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
