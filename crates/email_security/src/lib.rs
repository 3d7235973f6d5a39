#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `email_security` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("email_security").migrations(vec![sql_migration!("m20261129_000017_email_security_create_tables")]).tables(vec![])
}
