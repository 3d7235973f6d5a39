//! Device control events (peripheral plugged in, file copied to removable media, print job…).
//! High-volume and append-only; BRIN-indexed on `event_time`.

use sea_orm::entity::prelude::*;

use crate::SeverityLevel;

/// What the endpoint did with the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "device_event_action")]
pub enum DeviceEventAction {
    #[sea_orm(string_value = "allowed")]
    Allowed,
    #[sea_orm(string_value = "blocked")]
    Blocked,
    #[sea_orm(string_value = "rejected")]
    Rejected,
    #[sea_orm(string_value = "logged")]
    Logged,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "device_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// When it happened on the device.
    pub event_time: DateTimeWithTimeZone,
    /// When the platform received it.
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub ingested_at: DateTimeWithTimeZone,
    pub device_id: Uuid,
    pub event_type_id: Uuid,
    pub user_name: Option<String>,
    /// `{vendor_id, product_id, serial, name, usb_class, interfaces, port}`.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub peripheral: Option<Json>,
    /// `{name, size, sha256}`.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub file: Option<Json>,
    pub process: Option<String>,
    /// The rule that decided, if one matched.
    pub policy_id: Option<Uuid>,
    pub action: Option<DeviceEventAction>,
    #[sea_orm(default_value = "info")]
    pub severity: SeverityLevel,
    /// The agent's original event.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub raw: Option<Json>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::devices::Entity",
        from = "Column::DeviceId",
        to = "super::devices::Column::Id",
        on_delete = "Cascade",
        fk_name = "device_events_device_id_fkey"
    )]
    Device,
    #[sea_orm(
        belongs_to = "super::event_types::Entity",
        from = "Column::EventTypeId",
        to = "super::event_types::Column::Id",
        on_delete = "Restrict",
        fk_name = "device_events_event_type_id_fkey"
    )]
    EventType,
    #[sea_orm(
        belongs_to = "super::device_policies::Entity",
        from = "Column::PolicyId",
        to = "super::device_policies::Column::Id",
        on_delete = "SetNull",
        fk_name = "device_events_policy_id_fkey"
    )]
    Policy,
}

impl Related<super::devices::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Device.def()
    }
}

impl Related<super::event_types::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::EventType.def()
    }
}

impl Related<super::device_policies::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Policy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
