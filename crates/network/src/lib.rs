#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod firewall_logs;
    pub mod ids_alerts;
    pub mod nac_logs;
    pub mod network_devices;
    pub mod vpn_sessions;
}
mod severity;

pub use severity::SeverityLevel;

use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `network` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("network").migrations(vec![sql_migration!("m20261129_000021_network_create_tables")]).tables(vec![
        TableDef::new::<network_devices::Entity>()
            .description("Network infrastructure devices")
            .enumeration::<network_devices::NetworkDeviceType>(network_devices::Column::DeviceType)
            .enumeration::<network_devices::NetworkDeviceStatus>(network_devices::Column::Status)
            .enumeration::<network_devices::NetworkLogFormat>(network_devices::Column::LogFormat),
        TableDef::new::<firewall_logs::Entity>()
            .description("Firewall activity logs")
            .enumeration::<firewall_logs::FirewallAction>(firewall_logs::Column::Action)
            .enumeration::<firewall_logs::FirewallDirection>(firewall_logs::Column::Direction),
        TableDef::new::<ids_alerts::Entity>()
            .description("Intrusion detection alerts")
            .enumeration::<ids_alerts::IdsAlertDirection>(ids_alerts::Column::Direction)
            .enumeration::<ids_alerts::IdsAlertAction>(ids_alerts::Column::Action)
            .enumeration::<SeverityLevel>(ids_alerts::Column::Severity)
            .enumeration::<ids_alerts::IdsAlertStatus>(ids_alerts::Column::Status)
            .references(ids_alerts::Column::ThreatIntelId, "threat_intelligence")
            .references(ids_alerts::Column::IncidentId, "incidents"),
        TableDef::new::<vpn_sessions::Entity>()
            .description("VPN connection sessions")
            .enumeration::<vpn_sessions::VpnProtocol>(vpn_sessions::Column::Protocol)
            .enumeration::<vpn_sessions::VpnAuthMethod>(vpn_sessions::Column::AuthMethod)
            .enumeration::<vpn_sessions::VpnSessionStatus>(vpn_sessions::Column::Status)
            .enumeration::<vpn_sessions::VpnTerminateCause>(vpn_sessions::Column::TerminateCause)
            .unique([vpn_sessions::Column::GatewayId, vpn_sessions::Column::AcctSessionId]),
        TableDef::new::<nac_logs::Entity>()
            .description("Network access control logs")
            .enumeration::<nac_logs::NacAuthMethod>(nac_logs::Column::AuthMethod)
            .enumeration::<nac_logs::NacResult>(nac_logs::Column::Result)
            .enumeration::<nac_logs::NacPosture>(nac_logs::Column::Posture)
            .enumeration::<nac_logs::NacNodeStatus>(nac_logs::Column::NodeStatus)
            .enumeration::<nac_logs::NacAction>(nac_logs::Column::Action)
            .enumeration::<nac_logs::NacAcctStatusType>(nac_logs::Column::AcctStatusType)
            .references(nac_logs::Column::DeviceId, "devices"),
    ])
}
