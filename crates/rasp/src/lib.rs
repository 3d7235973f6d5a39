#![doc = include_str!("../README.md")]

pub mod enums;

pub mod entities {
    pub mod rasp_agents;
    pub mod rasp_alerts;
    pub mod rasp_attacks;
    pub mod rasp_integrations;
    pub mod rasp_rules;
    pub mod rasp_telemetry;
    pub mod rasp_virtual_patches;
    pub mod rasp_vulnerabilities;
}

use cybershield_core::auth::Family;
use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;
use enums::{RaspAttackType, SeverityLevel};

/// The `rasp` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("rasp")
        .migrations(vec![
            sql_migration!("m20261129_000024_rasp_create_tables"),
            sql_migration!("m20261129_100024_rasp_reference_data"),
        ])
        .tables(vec![
            TableDef::new::<rasp_agents::Entity>()
                .description("RASP agent deployments")
                .enumeration::<rasp_agents::RaspLanguage>(rasp_agents::Column::Language)
                .enumeration::<rasp_agents::RaspHostType>(rasp_agents::Column::HostType)
                .enumeration::<rasp_agents::RaspAgentMode>(rasp_agents::Column::Mode)
                .enumeration::<rasp_agents::RaspAgentStatus>(rasp_agents::Column::Status),
            TableDef::new::<rasp_attacks::Entity>()
                .description("Attack attempts detected")
                .enumeration::<RaspAttackType>(rasp_attacks::Column::AttackType)
                .enumeration::<rasp_attacks::RaspInterceptState>(rasp_attacks::Column::InterceptState)
                .enumeration::<SeverityLevel>(rasp_attacks::Column::Severity),
            TableDef::new::<rasp_rules::Entity>()
                .family(Family::Reference)
                .description("RASP security rules")
                .enumeration::<RaspAttackType>(rasp_rules::Column::AttackType)
                .enumeration::<rasp_rules::RaspRuleAction>(rasp_rules::Column::Action)
                .unique([rasp_rules::Column::Key, rasp_rules::Column::ScopeAppId]),
            TableDef::new::<rasp_vulnerabilities::Entity>()
                .description("Runtime vulnerabilities")
                .enumeration::<RaspAttackType>(rasp_vulnerabilities::Column::AttackType)
                .enumeration::<SeverityLevel>(rasp_vulnerabilities::Column::Severity)
                .enumeration::<rasp_vulnerabilities::RaspVulnerabilityStatus>(rasp_vulnerabilities::Column::Status),
            TableDef::new::<rasp_virtual_patches::Entity>()
                .description("Virtual patch implementations")
                .enumeration::<rasp_virtual_patches::RaspVirtualPatchAction>(rasp_virtual_patches::Column::Action)
                .enumeration::<rasp_virtual_patches::RaspVirtualPatchStatus>(rasp_virtual_patches::Column::Status),
            TableDef::new::<rasp_telemetry::Entity>()
                .description("Runtime telemetry data")
                .unique([rasp_telemetry::Column::AgentId, rasp_telemetry::Column::ReportedAt]),
            TableDef::new::<rasp_alerts::Entity>()
                .description("Security alerts")
                .enumeration::<SeverityLevel>(rasp_alerts::Column::Severity)
                .enumeration::<RaspAttackType>(rasp_alerts::Column::AttackType)
                .enumeration::<rasp_alerts::RaspAlertStatus>(rasp_alerts::Column::Status)
                .references(rasp_alerts::Column::IncidentId, "incidents"),
            TableDef::new::<rasp_integrations::Entity>()
                .description("RASP integrations")
                .enumeration::<rasp_integrations::RaspIntegrationType>(rasp_integrations::Column::Type)
                .enumeration::<rasp_integrations::RaspIntegrationStatus>(rasp_integrations::Column::Status)
                // A vault path, not a secret (the naming rule would hide `secret*` columns).
                .public(rasp_integrations::Column::SecretRef)
                .unique([rasp_integrations::Column::TeamId, rasp_integrations::Column::Name])
                .references(rasp_integrations::Column::KeyId, "encryption_keys"),
        ])
}
