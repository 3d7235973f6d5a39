#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `rasp` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("rasp").migrations(vec![sql_migration!("m20261129_000024_rasp_create_tables")]).tables(vec![])
}
