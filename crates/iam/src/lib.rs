#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod users;
}

use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `iam` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("iam")
        .migrations(vec![sql_migration!("m20261129_000001_iam_create_tables")])
        .tables(vec![
            TableDef::new::<users::Entity>()
                .description("User accounts and authentication")
                .enumeration::<users::UserRole>(users::Column::Role),
        ])
}
