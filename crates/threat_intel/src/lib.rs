#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod threat_intelligence;
}

use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `threat_intel` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("threat_intel").migrations(vec![sql_migration!("m20261129_000012_threat_intel_create_tables")]).tables(
        vec![
            TableDef::new::<threat_intelligence::Entity>()
                .description("Threat intelligence feeds")
                .enumeration::<threat_intelligence::ThreatIntelPatternType>(threat_intelligence::Column::PatternType)
                .enumeration::<threat_intelligence::ThreatIntelTlp>(threat_intelligence::Column::Tlp)
                .enumeration::<threat_intelligence::ThreatIntelPap>(threat_intelligence::Column::Pap)
                .enumeration::<threat_intelligence::ThreatIntelSourceReliability>(
                    threat_intelligence::Column::SourceReliability,
                )
                .references(threat_intelligence::Column::FeedIntegrationId, "external_integrations"),
        ],
    )
}
