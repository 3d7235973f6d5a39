#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `data_security` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("data_security").migrations(vec![sql_migration!("m20261129_000018_data_security_create_tables")]).tables(vec![])
}
