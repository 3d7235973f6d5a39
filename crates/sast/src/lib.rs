#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `sast` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("sast").migrations(vec![sql_migration!("m20261129_000022_sast_create_tables")]).tables(vec![])
}
