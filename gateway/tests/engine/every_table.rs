//! Table-driven: for every registered table, through GraphQL only — create a row (parents
//! created on the way), read it by id and through a filtered list, follow every relation both
//! ways, aggregate it, update it, delete it; and bad input (unknown enum value, missing foreign
//! key target, duplicate unique key) gets its code and writes nothing.

use std::collections::{HashMap, HashSet};

use cybershield_core::ColumnKind;
use cybershield_core::naming::screaming_snake;
use cybershield_core::schema::catalog::{Catalog, Column, Table};
use cybershield_core::schema::SchemaConfig;
use futures_util::future::BoxFuture;
use serde_json::{Map, Value, json};

use crate::harness::Harness;

/// A value of the right kind for a column; `n` makes unique columns unique.
fn sample(column: &Column, n: usize) -> Value {
    sample_kind(column.kind(), &column.def.name, n)
}

fn sample_kind(kind: &ColumnKind, name: &str, n: usize) -> Value {
    match kind {
        ColumnKind::Uuid => json!(uuid::Uuid::now_v7().to_string()),
        ColumnKind::Text | ColumnKind::Time => {
            if name.contains("email") {
                json!(format!("user{n}@example.com"))
            } else if name.ends_with("country") {
                json!("DE")
            } else {
                json!(format!("{name}-{n}"))
            }
        }
        ColumnKind::CiText => json!(format!("user{n}@example.com")),
        ColumnKind::SmallInt | ColumnKind::Int | ColumnKind::BigInt => json!(n % 5 + 1),
        ColumnKind::Float | ColumnKind::Decimal => json!(0.5),
        ColumnKind::Bool => json!(true),
        ColumnKind::DateTime => json!("2026-11-29T12:00:00Z"),
        ColumnKind::Date => json!("2026-11-29"),
        ColumnKind::Json => json!({"sample": n}),
        ColumnKind::Inet => json!(format!("10.0.{}.{}", n / 250, n % 250 + 1)),
        ColumnKind::Bytes => json!(format!("bytes-{n}")),
        ColumnKind::Enum(meta) => json!(screaming_snake(&meta.values[0])),
        ColumnKind::Array(inner) => json!([sample_kind(inner, name, n)]),
    }
}

struct Walker<'a> {
    h: &'a Harness,
    catalog: &'a Catalog,
    rows: HashMap<usize, String>,
    in_progress: HashSet<usize>,
    n: usize,
}

impl<'a> Walker<'a> {
    fn foreign_key<'t>(table: &'t Table, column: &str) -> Option<&'t std::sync::Arc<cybershield_core::schema::catalog::Relation>> {
        table.to_one.iter().find(|r| r.child_column == column)
    }

    /// The create input of a row of `table`: every writable column filled, foreign keys
    /// pointing at parents created first.
    fn input<'s>(&'s mut self, index: usize) -> BoxFuture<'s, Map<String, Value>> {
        Box::pin(async move {
            let catalog = self.catalog;
            let table = catalog.table(index);
            let mut input = Map::new();
            // Required columns, references and enums; optional plain columns keep their defaults
            // (their CHECKs are domain rules this walker cannot know).
            let wanted = |c: &&Column| {
                c.writable()
                    && c.def.name != "id"
                    && ((!c.def.nullable && !c.def.has_default)
                        || Self::foreign_key(table, &c.def.name).is_some()
                        || matches!(c.kind(), ColumnKind::Enum(_)))
            };
            for column in table.columns.iter().filter(wanted) {
                self.n += 1;
                let value = match Self::foreign_key(table, &column.def.name) {
                    Some(rel) if rel.parent_table == index || self.in_progress.contains(&rel.parent_table) => {
                        assert!(column.def.nullable, "{}.{} is a mandatory reference in a cycle", table.name, column.def.name);
                        Value::Null
                    }
                    Some(rel) => json!(self.row(rel.parent_table).await),
                    None => sample(column, self.n),
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
            let query = format!("mutation($input: {}!) {{ create{}(input: $input) {{ id }} }}", names.create_input(), names.type_name);
            let data = self.h.ok(&query, json!({ "input": input })).await;
            let id = data[format!("create{}", names.type_name)]["id"].as_str().expect("id").to_string();
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
                        items.iter().map(|i| i.as_str().map(str::to_string).unwrap_or_else(|| i.to_string())).collect::<Vec<_>>().join(",")
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
    h.execute_sql(&format!("INSERT INTO \"{}\" ({}) VALUES ({})", table.name, columns.join(", "), values.join(", "))).await;
    id
}

#[tokio::test]
async fn every_table_has_the_whole_generic_surface() {
    let h = Harness::new().await;
    let defs = cybershield_migration::domains().into_iter().flat_map(|d| d.tables).collect();
    let catalog = Catalog::build(defs, SchemaConfig::default()).expect("catalog");
    let mut walker = Walker { h: &h, catalog: &catalog, rows: HashMap::new(), in_progress: HashSet::new(), n: 0 };
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
                parent.to_many.iter().find(|m| m.child_table == rel.child_table && m.child_column == rel.child_column).expect("inverse").field
            );
            let data = h.ok(&query, json!({"id": id})).await;
            let related = &data[&names.single_field][&rel.field];
            if related.is_null() {
                continue; // a nullable self or cyclic reference left empty
            }
            let children = related.as_object().unwrap().values().find(|v| v.is_object()).unwrap()["nodes"].as_array().unwrap().clone();
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
        if let Some(column) = table.columns.iter().find(|c| {
            c.writable() && c.def.name != "id" && !c.def.unique && Walker::foreign_key(table, &c.def.name).is_none()
                && !table.unique_keys.iter().any(|k| k.contains(&c.def.name))
        }) {
            let value = sample(column, 99_999);
            let query = format!(
                "mutation($id: UUID!, $set: {}!) {{ update{}(id: $id, set: $set) {{ id {} }} }}",
                names.update_input(),
                names.type_name,
                column.field
            );
            let data = h.ok(&query, json!({"id": id, "set": {column.field.clone(): value}})).await;
            assert_eq!(data[format!("update{}", names.type_name)]["id"], json!(id), "{}", table.name);
        }

        bad_input(&h, &catalog, table, &mut walker.n).await;
    }

    // Delete every row, children first (the reverse of creation order).
    let mut created: Vec<(usize, String)> = walker.rows.into_iter().collect();
    created.sort_by_key(|(index, _)| std::cmp::Reverse(*index));
    for (index, id) in created {
        let table = catalog.table(index);
        let query = format!("mutation($id: UUID!) {{ delete{}(id: $id) {{ id }} }}", table.names.type_name);
        let response = h.run(&query, json!({"id": id})).await;
        // A row may already be gone through an ON DELETE CASCADE of its parent.
        if let Some(code) = response["errors"][0]["extensions"]["code"].as_str() {
            assert!(code == "NOT_FOUND" || code == "BAD_USER_INPUT", "{}: {response}", table.name);
        }
    }
}

/// Unknown enum value, missing foreign key target, duplicate unique key: each gets its code and
/// the table's row count does not move.
async fn bad_input(h: &Harness, catalog: &Catalog, table: &Table, n: &mut usize) {
    let names = &table.names;
    if !table.creatable() {
        return;
    }
    let before = h.count(&format!("\"{}\"", table.name)).await;
    let mutation = format!("mutation($input: {}!) {{ create{}(input: $input) {{ id }} }}", names.create_input(), names.type_name);
    // The current row's values make a valid input to start from.
    let fields: Vec<&Column> = table.columns.iter().filter(|c| c.writable() && c.def.name != "id").collect();
    let list_query = format!(
        "{{ {}(first: 1) {{ nodes {{ {} }} }} }}",
        names.list_field,
        fields.iter().filter(|c| !c.def.secret).map(|c| c.field.as_str()).collect::<Vec<_>>().join(" ")
    );
    let existing = h.ok(&list_query, json!({})).await[&names.list_field]["nodes"][0].clone();
    let base: Map<String, Value> = existing.as_object().cloned().unwrap_or_default();
    let in_unique_key = |column: &Column| column.def.unique || table.unique_keys.iter().any(|k| k.contains(&column.def.name));
    // The same row with every unique value fresh: valid but for the one fault under test.
    let mut fresh = base.clone();
    for column in fields.iter().filter(|c| in_unique_key(c)) {
        if Walker::foreign_key(table, &column.def.name).is_none() {
            *n += 1;
            fresh.insert(column.field.clone(), sample(column, *n + 100_000));
        }
    }

    if let Some(column) = fields.iter().find(|c| matches!(c.kind(), ColumnKind::Enum(_))) {
        let mut input = fresh.clone();
        input.insert(column.field.clone(), json!("NOT_A_VALUE"));
        assert_eq!(h.error_code(&mutation, json!({ "input": input })).await, "BAD_USER_INPUT", "{} enum", table.name);
    }
    if let Some(rel) = table.to_one.first() {
        let mut input = fresh.clone();
        let column = table.column(&rel.child_column).unwrap();
        input.insert(column.field.clone(), json!("0190f1a2-7b3c-7d4e-8f00-112233445566"));
        let _ = catalog;
        assert_eq!(h.error_code(&mutation, json!({ "input": input })).await, "BAD_USER_INPUT", "{} foreign key", table.name);
    }
    // A key the existing row fills in completely (NULLs never conflict).
    let filled = |column: &str| table.column(column).is_some_and(|c| !c.def.secret && base.get(&c.field).is_some_and(|v| !v.is_null()));
    if let Some(key) = table.unique_keys.iter().find(|k| k.iter().all(|c| filled(c))) {
        // Same unique key as the existing row, everything else fresh.
        let mut input = fresh.clone();
        for column in &fields {
            if key.contains(&column.def.name) {
                input.insert(column.field.clone(), base.get(&column.field).cloned().unwrap_or(Value::Null));
            }
        }
        let code = h.error_code(&mutation, json!({ "input": input })).await;
        assert_eq!(code, "CONFLICT", "{} duplicate {key:?}", table.name);
    }
    assert_eq!(h.count(&format!("\"{}\"", table.name)).await, before, "{}: bad input wrote a row", table.name);
}
