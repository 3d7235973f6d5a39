#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `workflows` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("workflows").migrations(vec![sql_migration!("m20261129_000014_workflows_create_tables")]).tables(vec![])
}
