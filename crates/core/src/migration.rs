//! Migrations written as plain SQL files, one `up` and one `down` per change.
//!
//! SQL is the source of truth for the database shape (CHECKs, partial and BRIN indexes,
//! partitions read best as DDL); the entity ↔ database agreement is checked by a test.

use sea_orm_migration::prelude::*;

/// One migration: a globally unique name (`mYYYYMMDD_HHMMSS_<domain>_<change>`) and its SQL.
pub struct SqlMigration {
    pub name: &'static str,
    pub up: &'static str,
    pub down: &'static str,
}

impl MigrationName for SqlMigration {
    fn name(&self) -> &str {
        self.name
    }
}

#[async_trait::async_trait]
impl MigrationTrait for SqlMigration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.get_connection().execute_unprepared(self.up).await.map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.get_connection().execute_unprepared(self.down).await.map(|_| ())
    }
}

/// `sql_migration!("m20261129_000001_iam_create_tables")` reads
/// `migrations/<name>.up.sql` and `migrations/<name>.down.sql` of the calling crate.
#[macro_export]
macro_rules! sql_migration {
    ($name:literal) => {
        ::std::boxed::Box::new($crate::migration::SqlMigration {
            name: $name,
            up: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/", $name, ".up.sql")),
            down: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/", $name, ".down.sql")),
        }) as ::std::boxed::Box<dyn $crate::migration::MigrationTrait>
    };
}

pub use sea_orm_migration::MigrationTrait;
