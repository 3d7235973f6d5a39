//! Table-driven: for every registered table, through GraphQL only — create a row (parents
//! created on the way), read it by id and through a filtered list, follow every relation both
//! ways, aggregate it, update it, delete it; and bad input (unknown enum value, missing foreign
//! key target, duplicate unique key) gets its code and writes nothing.

use std::collections::{HashMap, HashSet};

use cybershield_core::ColumnKind;
use cybershield_core::auth::{Operation, Role};
use cybershield_core::naming::screaming_snake;
use cybershield_core::schema::SchemaConfig;
use cybershield_core::schema::catalog::{Catalog, Column, Table};
use futures_util::future::BoxFuture;
use serde_json::{Map, Value, json};

use crate::harness::Harness;

/// Domain rules (CHECKs) a column's kind cannot tell: the value to use, or `null` to leave the
/// column out. `{n}` and `{uuid}` are filled in.
fn domain_rule(table: &str, column: &str) -> Option<Value> {
    Some(match (table, column) {
        ("threat_intelligence", "stix_id") => json!("indicator--{uuid}"),
        ("phishing_templates", "text_body") => json!("Hello {n}"),
        ("data_masking", "target") => json!("target_{n}"),
        ("sast_project_permissions", "team_id") => Value::Null,
        _ => return None,
    })
}

/// A value of the right kind for a column; `n` makes unique columns unique.
fn sample(table: &Table, column: &Column, n: usize) -> Value {
    match domain_rule(&table.name, &column.def.name) {
        Some(Value::String(format)) => {
            json!(format.replace("{uuid}", &uuid::Uuid::now_v7().to_string()).replace("{n}", &n.to_string()))
        }
        Some(value) => value,
        None => sample_kind(column.kind(), &column.def.name, n),
    }
}

fn sample_kind(kind: &ColumnKind, name: &str, n: usize) -> Value {
    // Ranges stay ordered (`*_end` after `*_start`, `max_*` above `min_*`) so domain CHECKs hold.
    let late = name.starts_with("max")
        || name.ends_with("_end")
        || name.starts_with("end")
        || name.ends_with("ended_at")
        || name.ends_with("finished_at")
        || name.ends_with("expires_at")
        || name.ends_with("until");
    let early =
        name.starts_with("min") || name.ends_with("_start") || name.starts_with("start") || name.ends_with("from");
    match kind {
        ColumnKind::Uuid => json!(uuid::Uuid::now_v7().to_string()),
        ColumnKind::Text | ColumnKind::Time => {
            if name.contains("email") {
                json!(format!("user{n}@example.com"))
            } else if name.ends_with("country") {
                json!("DE")
            } else if name.contains("sha256") || name == "hash_code" || name.ends_with("_sha") {
                json!(format!("{n:064x}"))
            } else if name.contains("sha1") {
                json!(format!("{n:040x}"))
            } else if name.contains("md5") {
                json!(format!("{n:032x}"))
            } else if name == "mac" || name.ends_with("_mac") {
                json!(format!("00:11:22:33:44:{:02x}", n % 256))
            } else if name == "cve_id" {
                json!(format!("CVE-2024-{:05}", n % 100_000))
            } else if name == "color" {
                json!("#aabbcc")
            } else if name == "sqlstate" {
                json!("42P01")
            } else {
                json!(format!("{name}_{n}"))
            }
        }
        ColumnKind::CiText => json!(format!("user{n}@example.com")),
        ColumnKind::SmallInt | ColumnKind::Int | ColumnKind::BigInt => json!(if late {
            1_000
        } else if early {
            1
        } else {
            n % 5 + 1
        }),
        ColumnKind::Float | ColumnKind::Decimal => json!(if late {
            1.0
        } else if early {
            0.0
        } else {
            0.5
        }),
        ColumnKind::Bool => json!(true),
        ColumnKind::DateTime => json!(if late {
            "2026-12-31T00:00:00Z"
        } else if early {
            "2026-01-01T00:00:00Z"
        } else {
            "2026-11-29T12:00:00Z"
        }),
        ColumnKind::Date => json!(if late {
            "2026-12-31"
        } else if early {
            "2026-01-01"
        } else {
            "2026-11-29"
        }),
        ColumnKind::Json => json!({"sample": n}),
        ColumnKind::Inet => json!(format!("10.0.{}.{}", n / 250 % 250, n % 250 + 1)),
        ColumnKind::Bytes => json!(format!("bytes-{n}")),
        ColumnKind::Enum(meta) => json!(screaming_snake(&meta.values[0])),
        ColumnKind::Array(inner) => json!([sample_kind(inner, name, n)]),
    }
}

/// Whether creating a row of `table` needs (through mandatory references) one of `tables`.
fn requires_any(catalog: &Catalog, table: usize, tables: &HashSet<usize>, seen: &mut HashSet<usize>) -> bool {
    if tables.contains(&table) {
        return true;
    }
    if !seen.insert(table) {
        return false;
    }
    let t = catalog.table(table);
    t.to_one.iter().filter(|r| !r.nullable).any(|r| requires_any(catalog, r.parent_table, tables, seen))
}

struct Walker<'a> {
    h: &'a Harness,
    catalog: &'a Catalog,
    rows: HashMap<usize, String>,
    in_progress: HashSet<usize>,
    /// Tables where a seeded row stood in because the walker's input broke a domain rule.
    stand_ins: HashSet<usize>,
    n: usize,
}

impl<'a> Walker<'a> {
    fn foreign_key<'t>(
        table: &'t Table,
        column: &str,
    ) -> Option<&'t std::sync::Arc<cybershield_core::schema::catalog::Relation>> {
        table.to_one.iter().find(|r| r.child_column == column)
    }

    /// The create input of a row of `table`: every writable column filled, foreign keys
    /// pointing at parents created first.
    fn input<'s>(&'s mut self, index: usize) -> BoxFuture<'s, Map<String, Value>> {
        Box::pin(async move {
            let catalog = self.catalog;
            let table = catalog.table(index);
            let mut input = Map::new();
            // Required columns and references; optional plain columns keep their defaults
            // (their CHECKs are domain rules this walker cannot know).
            let wanted = |c: &&Column| {
                c.writable()
                    && c.def.name != "id"
                    && ((!c.def.nullable && !c.def.has_default)
                        || Self::foreign_key(table, &c.def.name).is_some()
                        || domain_rule(&table.name, &c.def.name).is_some())
            };
            for column in table.columns.iter().filter(wanted) {
                self.n += 1;
                if domain_rule(&table.name, &column.def.name) == Some(Value::Null) {
                    continue;
                }
                let value = match Self::foreign_key(table, &column.def.name) {
                    // An optional reference whose parent would need a row being created now.
                    Some(rel)
                        if column.def.nullable
                            && requires_any(catalog, rel.parent_table, &self.in_progress, &mut HashSet::new()) =>
                    {
                        Value::Null
                    }
                    Some(rel) if rel.parent_table == index || self.in_progress.contains(&rel.parent_table) => {
                        assert!(
                            column.def.nullable,
                            "{}.{} is a mandatory reference in a cycle",
                            table.name, column.def.name
                        );
                        Value::Null
                    }
                    Some(rel) => json!(self.row(rel.parent_table).await),
                    None => sample(table, column, self.n),
                };
                input.insert(column.field.clone(), value);
            }
            input
        })
    }

    /// A row of `table`, created once through `create<Type>`.
    fn row<'s>(&'s mut self, index: usize) -> BoxFuture<'s, String> {
        Box::pin(async move {
            if let Some(id) = self.rows.get(&index) {
                return id.clone();
            }
            self.in_progress.insert(index);
            let input = self.input(index).await;
            self.in_progress.remove(&index);
            let catalog = self.catalog;
            let table = catalog.table(index);
            if !table.creatable() {
                let id = insert_by_sql(self.h, table, &input).await;
                self.rows.insert(index, id.clone());
                return id;
            }
            let names = &table.names;
            let query = format!(
                "mutation($input: {}!) {{ create{}(input: $input) {{ id }} }}",
                names.create_input(),
                names.type_name
            );
            let response = self.h.run(&query, json!({ "input": input })).await;
            let id = match response["errors"][0]["extensions"]["code"].as_str() {
                None => response["data"][format!("create{}", names.type_name)]["id"].as_str().expect("id").to_string(),
                // Reference data can already hold every value of an enum-typed natural key
                // (P1–P4), or a CHECK ties columns together (`key = category || ':' || …`):
                // then a seeded row stands in.
                Some("CONFLICT" | "BAD_USER_INPUT") if self.h.count(&format!("\"{}\"", table.name)).await > 0 => {
                    self.stand_ins.insert(index);
                    let data = self
                        .h
                        .ok(&format!("{{ {}(first: 1) {{ nodes {{ id }} }} }}", names.list_field), json!({}))
                        .await;
                    data[&names.list_field]["nodes"][0]["id"]
                        .as_str()
                        .unwrap_or_else(|| panic!("{}: {response}", table.name))
                        .to_string()
                }
                Some(_) => panic!("creating a {} failed: {response:#}", table.name),
            };
            self.rows.insert(index, id.clone());
            id
        })
    }
}

/// Tables that only domain logic creates (a required secret column) get their row by SQL.
async fn insert_by_sql(h: &Harness, table: &Table, input: &Map<String, Value>) -> String {
    let id = uuid::Uuid::now_v7().to_string();
    let mut columns = vec!["id".to_string()];
    let mut values = vec![format!("'{id}'")];
    for column in &table.columns {
        let literal = match input.get(&column.field) {
            Some(Value::Null) | None if column.def.secret && !column.def.nullable => match column.kind() {
                ColumnKind::Bytes => "'\\x00'".to_string(),
                _ => format!("'{}'", "0".repeat(64)),
            },
            Some(Value::Null) | None => continue,
            Some(value) => {
                let text = match (column.kind(), value) {
                    (ColumnKind::Enum(meta), _) => meta.values[0].clone(),
                    (ColumnKind::Array(_), Value::Array(items)) => format!(
                        "{{{}}}",
                        items
                            .iter()
                            .map(|i| i.as_str().map(str::to_string).unwrap_or_else(|| i.to_string()))
                            .collect::<Vec<_>>()
                            .join(",")
                    ),
                    (_, Value::String(s)) => s.clone(),
                    (_, other) => other.to_string(),
                };
                format!("'{}'::{}", text.replace('\'', "''"), column.kind().sql_type())
            }
        };
        columns.push(format!("\"{}\"", column.def.name));
        values.push(literal);
    }
    h.execute_sql(&format!("INSERT INTO \"{}\" ({}) VALUES ({})", table.name, columns.join(", "), values.join(", ")))
        .await;
    id
}

#[tokio::test]
async fn every_table_has_the_whole_generic_surface() {
    let h = Harness::new().await;
    let defs = cybershield_migration::domains().into_iter().flat_map(|d| d.tables).collect();
    let catalog = Catalog::build(defs, SchemaConfig::default()).expect("catalog");
    let mut walker = Walker {
        h: &h,
        catalog: &catalog,
        rows: HashMap::new(),
        in_progress: HashSet::new(),
        stand_ins: HashSet::new(),
        n: 0,
    };
    for table in &catalog.tables {
        let names = &table.names;
        let id = walker.row(table.index).await;

        // By id, and through a filtered list with its count.
        let fields: Vec<&str> = table.visible_columns().map(|c| c.field.as_str()).collect();
        let query = format!("query($id: UUID!) {{ {}(id: $id) {{ {} }} }}", names.single_field, fields.join(" "));
        let data = h.ok(&query, json!({"id": id})).await;
        assert_eq!(data[&names.single_field]["id"], json!(id), "{}", table.name);
        let query = format!(
            "query($id: UUID!) {{ {}(where: {{id: {{eq: $id}}}}) {{ totalCount nodes {{ id }} }} }}",
            names.list_field
        );
        let data = h.ok(&query, json!({"id": id})).await;
        assert_eq!(data[&names.list_field]["totalCount"], 1, "{}", table.name);

        // Every relation, both ways.
        for rel in &table.to_one {
            let parent = catalog.table(rel.parent_table);
            let query = format!(
                "query($id: UUID!) {{ {}(id: $id) {{ {} {{ id {}(first: 100) {{ nodes {{ id }} }} }} }} }}",
                names.single_field,
                rel.field,
                parent
                    .to_many
                    .iter()
                    .find(|m| m.child_table == rel.child_table && m.child_column == rel.child_column)
                    .expect("inverse")
                    .field
            );
            let data = h.ok(&query, json!({"id": id})).await;
            let related = &data[&names.single_field][&rel.field];
            if related.is_null() {
                continue; // a nullable self or cyclic reference left empty
            }
            let children = related.as_object().unwrap().values().find(|v| v.is_object()).unwrap()["nodes"]
                .as_array()
                .unwrap()
                .clone();
            assert!(children.iter().any(|c| c["id"] == json!(id)), "{}.{} does not lead back", table.name, rel.field);
        }

        // Aggregate, grouped by its first groupable column.
        let group = table
            .visible_columns()
            .find(|c| !matches!(c.kind(), ColumnKind::Json | ColumnKind::Bytes | ColumnKind::Array(_)))
            .expect("a groupable column");
        let query = format!(
            "query($id: UUID!) {{ {}(where: {{id: {{eq: $id}}}}, groupBy: [{}]) {{ count }} }}",
            names.aggregate_field(),
            screaming_snake(&group.def.name)
        );
        let data = h.ok(&query, json!({"id": id})).await;
        assert_eq!(data[names.aggregate_field()][0]["count"], 1, "{}", table.name);

        // Update one plain column (not a key, not unique).
        let plain = |c: &&Column| {
            c.writable()
                && c.def.name != "id"
                && !c.def.unique
                && Walker::foreign_key(table, &c.def.name).is_none()
                && !table.unique_keys.iter().any(|k| k.contains(&c.def.name))
        };
        // A free-text description takes a new value; otherwise the first plain column is written
        // back with its current value (domain CHECKs may tie it to others).
        let description = table
            .columns
            .iter()
            .filter(plain)
            .find(|c| c.def.name == "description" && matches!(c.kind(), ColumnKind::Text));
        let may_update = cybershield_core::auth::allowed(Role::Admin, table.family, Operation::Update);
        if let Some(column) = description.or_else(|| table.columns.iter().find(plain)).filter(|_| may_update) {
            let read = format!("query($id: UUID!) {{ {}(id: $id) {{ {} }} }}", names.single_field, column.field);
            let current = h.ok(&read, json!({"id": id})).await[&names.single_field][&column.field].clone();
            let value = if description.is_some() { json!(format!("updated {id}")) } else { current };
            let query = format!(
                "mutation($id: UUID!, $set: {}!) {{ update{}(id: $id, set: $set) {{ id {} }} }}",
                names.update_input(),
                names.type_name,
                column.field
            );
            let data = h.ok(&query, json!({"id": id, "set": {column.field.clone(): value.clone()}})).await;
            assert_eq!(data[format!("update{}", names.type_name)][&column.field], value, "{}", table.name);
        }

        bad_input(&h, &mut walker, table).await;
    }

    // Only reference tables whose rows are tied together by CHECKs may stand in.
    let stand_ins: Vec<&str> = walker.stand_ins.iter().map(|&i| catalog.table(i).name.as_str()).collect();
    assert!(stand_ins.len() <= 3, "too many tables could not be created generically: {stand_ins:?}");

    // Delete every row, children first (the reverse of creation order).
    let mut created: Vec<(usize, String)> = walker.rows.into_iter().collect();
    created.sort_by_key(|(index, _)| std::cmp::Reverse(*index));
    for (index, id) in created {
        let table = catalog.table(index);
        if !cybershield_core::auth::allowed(Role::Admin, table.family, Operation::Delete) {
            continue; // the audit trail is append-only
        }
        let query = format!("mutation($id: UUID!) {{ delete{}(id: $id) {{ id }} }}", table.names.type_name);
        let response = h.run(&query, json!({"id": id})).await;
        // A row may already be gone through an ON DELETE CASCADE of its parent.
        if let Some(code) = response["errors"][0]["extensions"]["code"].as_str() {
            // Gone through a cascade already, or kept because the audit trail references it.
            assert!(matches!(code, "NOT_FOUND" | "BAD_USER_INPUT" | "CONFLICT"), "{}: {response}", table.name);
        }
    }
}

/// Unknown enum value, missing foreign key target, duplicate unique key: each gets its code and
/// the table's row count does not move.
async fn bad_input(h: &Harness, walker: &mut Walker<'_>, table: &Table) {
    let names = &table.names;
    if !table.creatable() || walker.stand_ins.contains(&table.index) {
        return;
    }
    let before = h.count(&format!("\"{}\"", table.name)).await;
    let mutation =
        format!("mutation($input: {}!) {{ create{}(input: $input) {{ id }} }}", names.create_input(), names.type_name);
    // A fresh valid input (parents exist already): each case breaks exactly one thing.
    let valid = walker.input(table.index).await;

    if let Some(column) = table.columns.iter().find(|c| c.writable() && matches!(c.kind(), ColumnKind::Enum(_))) {
        let mut input = valid.clone();
        input.insert(column.field.clone(), json!("NOT_A_VALUE"));
        assert_eq!(h.error_code(&mutation, json!({ "input": input })).await, "BAD_USER_INPUT", "{} enum", table.name);
    }
    if let Some(rel) = table.to_one.first() {
        let mut input = valid.clone();
        let column = table.column(&rel.child_column).unwrap();
        input.insert(column.field.clone(), json!("0190f1a2-7b3c-7d4e-8f00-112233445566"));
        let code = h.error_code(&mutation, json!({ "input": input })).await;
        // Seeded tables may refuse the fresh input for its own reasons first; only a missing
        // parent may be reported, and never as anything but bad input.
        assert_eq!(code, "BAD_USER_INPUT", "{} foreign key", table.name);
    }
    // A unique key the existing row fills in completely (NULLs never conflict).
    let key_fields =
        |key: &Vec<String>| key.iter().map(|c| table.column(c).map(|c| c.field.clone())).collect::<Option<Vec<_>>>();
    for key in &table.unique_keys {
        let Some(fields) = key_fields(key) else { continue };
        if key.iter().any(|c| table.column(c).is_some_and(|c| c.def.secret)) {
            continue;
        }
        let query = format!("{{ {}(first: 1) {{ nodes {{ {} }} }} }}", names.list_field, fields.join(" "));
        let existing = h.ok(&query, json!({})).await[&names.list_field]["nodes"][0].clone();
        if fields.iter().any(|f| existing[f].is_null()) {
            continue;
        }
        let mut input = valid.clone();
        for field in &fields {
            input.insert(field.clone(), existing[field].clone());
        }
        assert_eq!(
            h.error_code(&mutation, json!({ "input": input })).await,
            "CONFLICT",
            "{} duplicate {key:?}",
            table.name
        );
        break;
    }
    assert_eq!(h.count(&format!("\"{}\"", table.name)).await, before, "{}: bad input wrote a row", table.name);
}
