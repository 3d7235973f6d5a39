//! Firewall log lines (pfSense filterlog fields, plus the session counters, NAT, zones, user
//! and application of session firewalls). High-volume and append-only; BRIN on `event_time`.

use sea_orm::entity::prelude::*;

/// What the rule did with the packet (pfSense filterlog `action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "firewall_action")]
pub enum FirewallAction {
    #[sea_orm(string_value = "pass")]
    Pass,
    #[sea_orm(string_value = "block")]
    Block,
    #[sea_orm(string_value = "reject")]
    Reject,
}

/// Packet direction on the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "firewall_direction")]
pub enum FirewallDirection {
    #[sea_orm(string_value = "in")]
    In,
    #[sea_orm(string_value = "out")]
    Out,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "firewall_logs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// When the firewall logged it.
    pub event_time: DateTimeWithTimeZone,
    /// When the platform received it.
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub ingested_at: DateTimeWithTimeZone,
    /// The reporting firewall.
    pub device_id: Option<Uuid>,
    pub rule_number: Option<i32>,
    pub sub_rule: Option<i32>,
    pub anchor: Option<String>,
    /// Rule id (pfSense tracker).
    pub tracker: Option<String>,
    pub rule_name: Option<String>,
    pub interface: Option<String>,
    /// Why the packet was logged, e.g. `match`.
    pub reason: Option<String>,
    pub action: FirewallAction,
    pub direction: Option<FirewallDirection>,
    /// 4 or 6.
    pub ip_version: Option<i16>,
    pub protocol: Option<String>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub src_ip: Option<IpNetwork>,
    pub src_port: Option<i32>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub dst_ip: Option<IpNetwork>,
    pub dst_port: Option<i32>,
    /// Packet length.
    pub length: Option<i32>,
    pub tcp_flags: Option<String>,
    pub bytes_sent: Option<i64>,
    pub bytes_received: Option<i64>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub nat_src_ip: Option<IpNetwork>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub nat_dst_ip: Option<IpNetwork>,
    pub src_zone: Option<String>,
    pub dst_zone: Option<String>,
    pub user_name: Option<String>,
    pub application: Option<String>,
    /// Source location (country code or city).
    pub src_geo: Option<String>,
    pub dst_geo: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::network_devices::Entity",
        from = "Column::DeviceId",
        to = "super::network_devices::Column::Id",
        on_delete = "SetNull",
        fk_name = "firewall_logs_device_id_fkey"
    )]
    Device,
}

impl Related<super::network_devices::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Device.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
