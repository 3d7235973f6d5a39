#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `compliance` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("compliance").migrations(vec![sql_migration!("m20261129_000011_compliance_create_tables")]).tables(vec![])
}
