#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `analytics` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("analytics").migrations(vec![sql_migration!("m20261129_000015_analytics_create_tables")]).tables(vec![])
}
