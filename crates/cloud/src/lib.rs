#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `cloud` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("cloud").migrations(vec![sql_migration!("m20261129_000020_cloud_create_tables")]).tables(vec![])
}
