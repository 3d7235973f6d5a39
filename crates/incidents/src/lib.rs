#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `incidents` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("incidents").migrations(vec![sql_migration!("m20261129_000013_incidents_create_tables")]).tables(vec![])
}
