//! The database shape: migrations reverse cleanly, every foreign key has an index, and the
//! entities agree with the tables the migrations create.

use std::collections::{BTreeSet, HashMap};

use cybershield_core::ColumnKind;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::MigratorTrait;
use serde_json::json;

use crate::harness::Harness;

async fn strings(h: &Harness, sql: &str) -> Vec<Vec<String>> {
    let rows = h.test_db.db.query_all_raw(Statement::from_string(DbBackend::Postgres, sql)).await.expect(sql);
    rows.iter()
        .map(|row| {
            let mut out = Vec::new();
            let mut i = 0;
            while let Ok(value) = row.try_get_by_index::<Option<String>>(i) {
                out.push(value.unwrap_or_default());
                i += 1;
            }
            out
        })
        .collect()
}

/// Registered tables plus the migration bookkeeping table.
fn expected_table_count() -> usize {
    cybershield_migration::domains().iter().map(|d| d.tables.len()).sum::<usize>() + 1
}

#[tokio::test]
async fn health_reports_tables_version_and_users() {
    let h = Harness::new().await;
    let data = h.ok("{ health { tableCount postgresVersion userCount } }", json!({})).await;
    assert_eq!(data["health"]["tableCount"], expected_table_count(), "every registered table and the migration table");
    assert!(data["health"]["postgresVersion"].as_str().unwrap().starts_with("15"));
    assert_eq!(data["health"]["userCount"], 1, "the signed-in test admin");
}

#[tokio::test]
async fn migrations_run_up_down_and_up_again() {
    let h = Harness::new().await;
    let db = &h.test_db.db;
    cybershield_migration::Migrator::down(db, None).await.expect("down");
    let left = strings(&h, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").await;
    assert_eq!(left, vec![vec!["seaql_migrations".to_string()]], "down removes every table");
    cybershield_migration::Migrator::up(db, None).await.expect("up again");
    let data = h.ok("{ health { tableCount } }", json!({})).await;
    assert_eq!(data["health"]["tableCount"], expected_table_count());
}

#[tokio::test]
async fn every_foreign_key_has_an_index() {
    let h = Harness::new().await;
    // A foreign key is served by an index whose leading columns are the key's columns.
    let unindexed = strings(
        &h,
        "SELECT c.conrelid::regclass::text, c.conname::text FROM pg_constraint c
         WHERE c.contype = 'f' AND NOT EXISTS (
           SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid
             AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] = c.conkey)",
    )
    .await;
    assert!(unindexed.is_empty(), "foreign keys without an index: {unindexed:?}");
    let foreign_keys = strings(&h, "SELECT conname::text FROM pg_constraint WHERE contype = 'f'").await;
    assert!(foreign_keys.len() >= 15, "the schema has its foreign keys: {foreign_keys:?}");
}

#[tokio::test]
async fn entities_agree_with_the_migrated_tables() {
    let h = Harness::new().await;
    let columns = strings(
        &h,
        "SELECT table_name::text, column_name::text, is_nullable::text, udt_name::text FROM information_schema.columns WHERE table_schema = 'public'",
    )
    .await;
    let db_columns: HashMap<(String, String), (bool, String)> =
        columns.into_iter().map(|c| ((c[0].clone(), c[1].clone()), (c[2] == "YES", c[3].clone()))).collect();
    let checks = strings(&h, "SELECT conrelid::regclass::text, conname::text, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'c'").await;
    let mut problems = Vec::new();
    for domain in cybershield_migration::domains() {
        for table in &domain.tables {
            let mut entity_columns = BTreeSet::new();
            for column in &table.columns {
                entity_columns.insert(column.name.clone());
                let Some((nullable, udt)) = db_columns.get(&(table.table.clone(), column.name.clone())) else {
                    problems.push(format!("{}.{} is missing in the database", table.table, column.name));
                    continue;
                };
                if *nullable != column.nullable {
                    problems.push(format!(
                        "{}.{}: entity nullable={} but database nullable={nullable}",
                        table.table, column.name, column.nullable
                    ));
                }
                let expected = column.kind.sql_type().replace("[]", "");
                let udt = udt.trim_start_matches('_');
                let same = match expected.as_str() {
                    "integer" => udt == "int4",
                    "smallint" => udt == "int2",
                    "bigint" => udt == "int8",
                    "double precision" => udt == "float8" || udt == "float4",
                    "boolean" => udt == "bool",
                    "text" => udt == "text" || udt == "varchar" || udt == "bpchar",
                    other => udt == other,
                };
                if !same {
                    problems
                        .push(format!("{}.{}: entity type {expected}, database type {udt}", table.table, column.name));
                }
                if let ColumnKind::Enum(meta) = &column.kind {
                    let name = format!("{}_{}_check", table.table, column.name);
                    match checks.iter().find(|c| c[0] == table.table && c[1] == name) {
                        None => problems.push(format!("{name} is missing")),
                        Some(check) => {
                            let allowed: BTreeSet<&str> = check[2].split('\'').skip(1).step_by(2).collect();
                            let declared: BTreeSet<&str> = meta.values.iter().map(String::as_str).collect();
                            if allowed != declared {
                                problems
                                    .push(format!("{name}: database allows {allowed:?}, entity declares {declared:?}"));
                            }
                        }
                    }
                }
            }
            for ((db_table, db_column), _) in db_columns.iter().filter(|((t, _), _)| *t == table.table) {
                if !entity_columns.contains(db_column) {
                    problems.push(format!("{db_table}.{db_column} is not in the entity"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "entity/database drift:\n{}", problems.join("\n"));
}
