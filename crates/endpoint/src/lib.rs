#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod device_events;
    pub mod device_policies;
    pub mod device_status;
    pub mod device_types;
    pub mod devices;
    pub mod endpoint_agents;
    pub mod endpoint_threats;
    pub mod event_types;
    pub mod policy_actions;
}
mod severity;

pub use severity::SeverityLevel;

use cybershield_core::auth::Family;
use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `endpoint` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("endpoint")
        .migrations(vec![
            sql_migration!("m20261129_000019_endpoint_create_tables"),
            sql_migration!("m20261129_100019_endpoint_reference_data"),
        ])
        .tables(vec![
            TableDef::new::<device_types::Entity>()
                .family(Family::Reference)
                .description("Device type classifications")
                .enumeration::<device_types::DeviceTypeCategory>(device_types::Column::Category)
                .enumeration::<SeverityLevel>(device_types::Column::DefaultRisk),
            TableDef::new::<event_types::Entity>()
                .family(Family::Reference)
                .description("Event type classifications")
                .enumeration::<SeverityLevel>(event_types::Column::DefaultSeverity),
            TableDef::new::<devices::Entity>()
                .description("Endpoint device management")
                .enumeration::<devices::DeviceOsPlatform>(devices::Column::OsPlatform)
                .enumeration::<devices::DeviceEnrollment>(devices::Column::Enrollment),
            TableDef::new::<device_status::Entity>()
                .description("Device status tracking")
                .enumeration::<device_status::DeviceStatusState>(device_status::Column::Status)
                .enumeration::<device_status::DeviceCompliance>(device_status::Column::Compliance),
            TableDef::new::<device_policies::Entity>()
                .description("Device security policies")
                .enumeration::<device_policies::DevicePolicyTarget>(device_policies::Column::Target)
                .enumeration::<device_policies::DevicePolicyAccess>(device_policies::Column::Access)
                .enumeration::<devices::DeviceOsPlatform>(device_policies::Column::OsPlatforms)
                .enumeration::<device_policies::DevicePolicyDefaultTarget>(device_policies::Column::DefaultTarget),
            TableDef::new::<device_events::Entity>()
                .description("Device security events")
                .enumeration::<device_events::DeviceEventAction>(device_events::Column::Action)
                .enumeration::<SeverityLevel>(device_events::Column::Severity),
            TableDef::new::<policy_actions::Entity>()
                .description("Policy enforcement actions")
                .enumeration::<policy_actions::PolicyActionType>(policy_actions::Column::Action)
                .enumeration::<policy_actions::PolicyActionResult>(policy_actions::Column::Result),
            TableDef::new::<endpoint_agents::Entity>()
                .description("Endpoint security agent management")
                .enumeration::<endpoint_agents::EndpointAgentStatus>(endpoint_agents::Column::Status)
                .enumeration::<endpoint_agents::EndpointAgentConfigSync>(endpoint_agents::Column::ConfigSync),
            TableDef::new::<endpoint_threats::Entity>()
                .description("Endpoint threat detection")
                .enumeration::<endpoint_threats::EndpointThreatType>(endpoint_threats::Column::ThreatType)
                .enumeration::<SeverityLevel>(endpoint_threats::Column::Severity)
                .enumeration::<endpoint_threats::EndpointThreatActionTaken>(endpoint_threats::Column::ActionTaken)
                .enumeration::<endpoint_threats::EndpointThreatStatus>(endpoint_threats::Column::Status)
                .references(endpoint_threats::Column::IncidentId, "incidents"),
        ])
}
