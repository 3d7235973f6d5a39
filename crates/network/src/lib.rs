#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `network` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("network").migrations(vec![sql_migration!("m20261129_000021_network_create_tables")]).tables(vec![])
}
