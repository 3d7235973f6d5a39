#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod external_integrations;
    pub mod integration_logs;
}

use cybershield_core::auth::Family;
use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `integrations` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("integrations").migrations(vec![sql_migration!("m20261129_000010_integrations_create_tables")]).tables(
        vec![
            TableDef::new::<external_integrations::Entity>()
                .family(Family::Secrets)
                .description("Third-party security tool integrations")
                // The constraint is added by data_security's migration, which owns the table.
                .references(external_integrations::Column::KeyId, "encryption_keys")
                .enumeration::<external_integrations::IntegrationCategory>(external_integrations::Column::Category)
                .enumeration::<external_integrations::IntegrationDirection>(external_integrations::Column::Direction)
                .enumeration::<external_integrations::IntegrationAuthType>(external_integrations::Column::AuthType)
                .enumeration::<external_integrations::IntegrationStatus>(external_integrations::Column::Status),
            TableDef::new::<integration_logs::Entity>()
                .description("Integration activity logs")
                .enumeration::<integration_logs::IntegrationDirection>(integration_logs::Column::Direction)
                .enumeration::<integration_logs::IntegrationLogOperation>(integration_logs::Column::Operation),
        ],
    )
}
