//! Network infrastructure: firewalls, routers, switches, IDS sensors, VPN gateways, NAC
//! servers… — the devices that emit the logs of this domain.

use sea_orm::entity::prelude::*;

/// Role of a network device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "network_device_type")]
pub enum NetworkDeviceType {
    #[sea_orm(string_value = "firewall")]
    Firewall,
    #[sea_orm(string_value = "router")]
    Router,
    #[sea_orm(string_value = "switch")]
    Switch,
    #[sea_orm(string_value = "ids_sensor")]
    IdsSensor,
    #[sea_orm(string_value = "vpn_gateway")]
    VpnGateway,
    #[sea_orm(string_value = "wireless_controller")]
    WirelessController,
    #[sea_orm(string_value = "access_point")]
    AccessPoint,
    #[sea_orm(string_value = "load_balancer")]
    LoadBalancer,
    #[sea_orm(string_value = "nac_server")]
    NacServer,
    #[sea_orm(string_value = "proxy")]
    Proxy,
}

/// Operational state of a network device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "network_device_status")]
pub enum NetworkDeviceStatus {
    #[sea_orm(string_value = "up")]
    Up,
    #[sea_orm(string_value = "down")]
    Down,
    #[sea_orm(string_value = "degraded")]
    Degraded,
    #[sea_orm(string_value = "maintenance")]
    Maintenance,
    #[sea_orm(string_value = "unknown")]
    Unknown,
}

/// Format of the logs the device ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "network_log_format")]
pub enum NetworkLogFormat {
    #[sea_orm(string_value = "suricata_eve")]
    SuricataEve,
    #[sea_orm(string_value = "pf_filterlog")]
    PfFilterlog,
    #[sea_orm(string_value = "cef")]
    Cef,
    #[sea_orm(string_value = "leef")]
    Leef,
    #[sea_orm(string_value = "syslog")]
    Syslog,
    #[sea_orm(string_value = "radius")]
    Radius,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "network_devices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub hostname: String,
    pub vendor: Option<String>,
    pub model: Option<String>,
    pub device_type: NetworkDeviceType,
    #[sea_orm(column_type = "Inet", nullable)]
    pub management_ip: Option<IpNetwork>,
    pub serial: Option<String>,
    pub firmware_version: Option<String>,
    pub site: Option<String>,
    /// Security zone, e.g. `dmz`, `lan`, `wan`.
    pub zone: Option<String>,
    #[sea_orm(default_value = "unknown")]
    pub status: NetworkDeviceStatus,
    pub last_seen_at: Option<DateTimeWithTimeZone>,
    pub last_config_backup_at: Option<DateTimeWithTimeZone>,
    pub log_format: Option<NetworkLogFormat>,
    pub owner_team_id: Option<Uuid>,
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
        fk_name = "network_devices_owner_team_id_fkey"
    )]
    OwnerTeam,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OwnerTeam.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
