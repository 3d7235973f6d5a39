#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `integrations` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("integrations").migrations(vec![sql_migration!("m20261129_000010_integrations_create_tables")]).tables(vec![])
}
