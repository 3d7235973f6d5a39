#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `endpoint` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("endpoint").migrations(vec![sql_migration!("m20261129_000019_endpoint_create_tables")]).tables(vec![])
}
