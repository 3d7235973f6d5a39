#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `threat_intel` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("threat_intel").migrations(vec![sql_migration!("m20261129_000012_threat_intel_create_tables")]).tables(vec![])
}
