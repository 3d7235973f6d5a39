#![doc = include_str!("../README.md")]

use cybershield_core::{Domain, sql_migration};

/// The `ai_ml` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("ai_ml").migrations(vec![sql_migration!("m20261129_000016_ai_ml_create_tables")]).tables(vec![])
}
