#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `dast` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("dast").migrations(vec![sql_migration!("m20261129_000023_dast_create_tables")]).tables(vec![])
}
