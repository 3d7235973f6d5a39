#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `appsec` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("appsec").migrations(vec![sql_migration!("m20261129_000025_appsec_create_tables")]).tables(vec![])
}
