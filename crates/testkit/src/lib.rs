#![doc = include_str!("../README.md")]

mod base;
mod counter;
mod template;
mod util;

use sea_orm::DatabaseConnection;
use sea_orm_migration::MigratorTrait;

pub use base::base_url;
pub use counter::StatementCounter;
pub use cybershield_migration::Migrator;
pub use sea_orm;

/// A database of its own for one test, cloned from the migrated template; dropped (with
/// `DROP DATABASE … WITH (FORCE)`) when this value is dropped or [`TestDb::cleanup`] is called.
#[derive(Debug)]
pub struct TestDb {
    /// Pool of up to 5 connections to the test database.
    pub db: DatabaseConnection,
    /// Database name, `cs_test_<uuid>`.
    pub name: String,
    /// Connection URL of the test database.
    pub url: String,
    /// Where to connect to drop it: the base database.
    admin_url: String,
    dropped: bool,
}

impl TestDb {
    /// A fresh database migrated by [`cybershield_migration::Migrator`]. Panics with the reason
    /// when no database can be had.
    pub async fn new() -> TestDb {
        // Generic only inside: a second migrator's template would be swept as stale by the first.
        Self::create::<Migrator>().await
    }

    async fn create<M: MigratorTrait>() -> TestDb {
        let admin_url = base_url().await.to_owned();
        let name = format!("cs_test_{}", uuid::Uuid::now_v7().simple());
        let mut retried = false;
        loop {
            let template = template::ensure::<M>(&admin_url)
                .await
                .unwrap_or_else(|e| panic!("cybershield-testkit: could not build the template database: {e}"));
            match util::create_database(&admin_url, &name, &template).await {
                Ok(()) => break,
                // A run with other migrations dropped our template meanwhile: build it again.
                Err(e) if !retried && util::sql_state(&e).as_deref() == Some("3D000") => {
                    template::forget(&template).await;
                    retried = true;
                }
                Err(e) => panic!("cybershield-testkit: could not create test database {name} from {template}: {e}"),
            }
        }
        let url = util::with_database(&admin_url, &name);
        let db = match util::connect(&url, 5).await {
            Ok(db) => db,
            Err(e) => {
                let _ = util::drop_database_at(&admin_url, &name).await;
                panic!("cybershield-testkit: could not connect to test database {name}: {e}");
            }
        };
        TestDb { db, name, url, admin_url, dropped: false }
    }

    /// Another handle on this database's pool whose every statement is counted (see
    /// [`StatementCounter`]). Statements run through `self.db` are not counted.
    pub fn counted(&self) -> (DatabaseConnection, StatementCounter) {
        let counter = StatementCounter::default();
        // A clone shares the pool but has its own metric callback.
        let mut db = self.db.clone();
        let sink = counter.clone();
        db.set_metric_callback(move |info| sink.record(&info.statement.sql));
        (db, counter)
    }

    /// Closes the pool gracefully and drops the database now; panics if the drop fails.
    pub async fn cleanup(mut self) {
        let _ = self.db.close_by_ref().await;
        self.dropped = true;
        if let Err(e) = util::drop_database_at(&self.admin_url, &self.name).await {
            panic!("cybershield-testkit: could not drop test database {}: {e}", self.name);
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if self.dropped {
            return;
        }
        // Dropping our pool handle closes its idle connections' sockets now (closing it
        // gracefully would need a runtime). Connections still open, e.g. a clone the test kept,
        // make DROP wait for them in 100 ms steps until FORCE has ended them.
        drop(std::mem::take(&mut self.db));
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        // Drop cannot await, and the test's runtime may be single-threaded or shutting down:
        // a thread with a runtime of its own does the work.
        let outcome = std::thread::spawn(move || {
            let runtime =
                tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
            runtime.block_on(util::drop_database_at(&admin_url, &name)).map_err(|e| e.to_string())
        })
        .join();
        match outcome {
            Ok(Ok(())) => {}
            // No panic in drop: it may run while a failed test unwinds.
            Ok(Err(e)) => eprintln!("cybershield-testkit: could not drop test database {}: {e}", self.name),
            Err(_) => eprintln!("cybershield-testkit: dropping test database {} panicked", self.name),
        }
    }
}
