//! SQL text built from entity metadata and bound parameters. Identifiers come only from the
//! catalog; every client value is a parameter, bound as text and cast to the column's type, so
//! one code path serves every column type.

use async_graphql::{Name, Value as GqlValue};
use indexmap::IndexMap;
use serde_json::Value as Json;

use crate::error::{ApiError, ApiResult};
use crate::registry::{ColumnKind, EnumMeta};

use super::catalog::{Catalog, Table};

/// A statement under construction.
#[derive(Debug, Default)]
pub struct Sql {
    pub params: Vec<sea_orm::Value>,
    aliases: usize,
}

impl Sql {
    /// Binds a text parameter and returns its placeholder cast to `sql_type`.
    pub fn bind(&mut self, text: String, sql_type: &str) -> String {
        self.params.push(sea_orm::Value::String(Some(text)));
        format!("${}::{}", self.params.len(), sql_type)
    }

    pub fn bind_int(&mut self, value: i64) -> String {
        self.params.push(sea_orm::Value::BigInt(Some(value)));
        format!("${}", self.params.len())
    }

    /// A fresh table alias (`t1`, `t2`, …).
    pub fn alias(&mut self) -> String {
        self.aliases += 1;
        format!("t{}", self.aliases)
    }

    pub fn statement(self, text: String) -> sea_orm::Statement {
        sea_orm::Statement::from_sql_and_values(sea_orm::DbBackend::Postgres, text, self.params)
    }
}

/// Quotes an identifier. Names come from entity metadata, never from a request.
pub fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A PostgreSQL array literal: `{"a","b\"c",NULL}`.
pub fn array_literal(items: &[Option<String>]) -> String {
    let mut out = String::from("{");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match item {
            Some(text) => {
                out.push('"');
                for c in text.chars() {
                    if c == '"' || c == '\\' {
                        out.push('\\');
                    }
                    out.push(c);
                }
                out.push('"');
            }
            None => out.push_str("NULL"),
        }
    }
    out.push('}');
    out
}

/// The database value of a GraphQL enum value.
pub fn enum_db_value(meta: &EnumMeta, value: &GqlValue) -> ApiResult<String> {
    let name = match value {
        GqlValue::Enum(name) => name.as_str(),
        GqlValue::String(s) => s.as_str(),
        _ => return Err(ApiError::bad_input(format!("expected a {} value", meta.name))),
    };
    meta.values
        .iter()
        .find(|v| EnumMeta::graphql_value(v) == name || v.as_str() == name)
        .cloned()
        .ok_or_else(|| ApiError::bad_input(format!("{name} is not a {} value", meta.name)))
}

/// The text form of a client value for a column of `kind` (`None` for null).
pub fn input_text(kind: &ColumnKind, value: &GqlValue) -> ApiResult<Option<String>> {
    Ok(Some(match (kind, value) {
        (_, GqlValue::Null) => return Ok(None),
        (ColumnKind::Enum(meta), v) => enum_db_value(meta, v)?,
        (ColumnKind::Array(inner), GqlValue::List(items)) => {
            let texts = items.iter().map(|item| input_text(inner, item)).collect::<ApiResult<Vec<_>>>()?;
            array_literal(&texts)
        }
        (ColumnKind::Json, v) => v.clone().into_json().map_err(|e| ApiError::bad_input(e.to_string()))?.to_string(),
        (_, GqlValue::String(s)) => s.clone(),
        (_, GqlValue::Number(n)) => n.to_string(),
        (_, GqlValue::Boolean(b)) => b.to_string(),
        (_, GqlValue::Enum(e)) => e.to_string(),
        (_, other) => return Err(ApiError::bad_input(format!("unexpected value {other}"))),
    }))
}

/// A row value as GraphQL output for a column of `kind`.
pub fn output_value(kind: &ColumnKind, value: &Json) -> GqlValue {
    match (kind, value) {
        (_, Json::Null) => GqlValue::Null,
        (ColumnKind::Enum(_), Json::String(s)) => GqlValue::Enum(Name::new(EnumMeta::graphql_value(s))),
        (ColumnKind::Array(inner), Json::Array(items)) => {
            GqlValue::List(items.iter().map(|i| output_value(inner, i)).collect())
        }
        (ColumnKind::Json, v) => GqlValue::from_json(v.clone()).unwrap_or(GqlValue::Null),
        (_, v) => GqlValue::from_json(v.clone()).unwrap_or(GqlValue::Null),
    }
}

/// `json_build_object('a', expr, …)` over any number of pairs (PostgreSQL caps a call at 100
/// arguments, so larger rows concatenate jsonb chunks).
pub fn json_object(pairs: &[(String, String)]) -> String {
    let chunk = |pairs: &[(String, String)]| {
        let args: Vec<String> = pairs.iter().map(|(k, e)| format!("'{}', {}", k.replace('\'', "''"), e)).collect();
        format!("json_build_object({})", args.join(", "))
    };
    if pairs.len() <= 50 {
        return chunk(pairs);
    }
    let parts: Vec<String> = pairs.chunks(50).map(|c| format!("{}::jsonb", chunk(c))).collect();
    format!("({})", parts.join(" || "))
}

/// `json_build_array(…)` of the expressions; past 100 (PostgreSQL's limit on a function's
/// arguments) jsonb arrays are concatenated.
pub fn json_array(exprs: &[String]) -> String {
    if exprs.len() <= 100 {
        return format!("json_build_array({})", exprs.join(", "));
    }
    let parts: Vec<String> = exprs.chunks(100).map(|c| format!("json_build_array({})::jsonb", c.join(", "))).collect();
    format!("({})", parts.join(" || "))
}

/// Compiles a `<Type>Filter` object into a boolean SQL expression over `alias`.
pub fn filter(
    sql: &mut Sql,
    catalog: &Catalog,
    table: &Table,
    alias: &str,
    conditions: &IndexMap<Name, GqlValue>,
) -> ApiResult<String> {
    let mut parts = Vec::new();
    for (key, value) in conditions {
        if matches!(value, GqlValue::Null) {
            continue;
        }
        match key.as_str() {
            "and" | "or" => {
                let items = list_of_objects(value, key)?;
                let compiled = items
                    .iter()
                    .map(|f| filter_nested(sql, catalog, table, alias, f))
                    .collect::<ApiResult<Vec<_>>>()?;
                let (joiner, empty) = if key.as_str() == "and" { (" AND ", "TRUE") } else { (" OR ", "FALSE") };
                parts.push(if compiled.is_empty() {
                    empty.to_string()
                } else {
                    format!("({})", compiled.join(joiner))
                });
            }
            "not" => {
                let inner = object(value, key)?;
                parts.push(format!("NOT COALESCE(({}), false)", filter(sql, catalog, table, alias, inner)?));
            }
            field => {
                if let Some(column) = table.column_by_field(field).filter(|c| !c.def.secret) {
                    let expr = format!("{alias}.{}", ident(column.sql()));
                    parts.push(column_ops(sql, column.kind(), &expr, object(value, key)?)?);
                } else if let Some(rel) = table.to_one.iter().find(|r| r.field == field) {
                    let parent = catalog.table(rel.parent_table);
                    let a = sql.alias();
                    let inner = filter(sql, catalog, parent, &a, object(value, key)?)?;
                    parts.push(format!(
                        "EXISTS (SELECT 1 FROM {} {a} WHERE {a}.{} = {alias}.{} AND {inner})",
                        ident(&parent.name),
                        ident(&rel.parent_column),
                        ident(&rel.child_column)
                    ));
                } else if let Some(rel) = table.to_many.iter().find(|r| r.field == field) {
                    let child = catalog.table(rel.child_table);
                    for (quantifier, inner_value) in object(value, key)? {
                        if matches!(inner_value, GqlValue::Null) {
                            continue;
                        }
                        let a = sql.alias();
                        let inner = filter(sql, catalog, child, &a, object(inner_value, quantifier)?)?;
                        let from = format!(
                            "SELECT 1 FROM {} {a} WHERE {a}.{} = {alias}.{}",
                            ident(&child.name),
                            ident(&rel.child_column),
                            ident(&rel.parent_column)
                        );
                        parts.push(match quantifier.as_str() {
                            "some" => format!("EXISTS ({from} AND {inner})"),
                            "none" => format!("NOT EXISTS ({from} AND {inner})"),
                            "every" => format!("NOT EXISTS ({from} AND NOT COALESCE(({inner}), false))"),
                            other => return Err(ApiError::bad_input(format!("unknown relation quantifier {other}"))),
                        });
                    }
                } else {
                    return Err(ApiError::bad_input(format!(
                        "{} has no filterable field {field}",
                        table.names.type_name
                    )));
                }
            }
        }
    }
    Ok(if parts.is_empty() { "TRUE".to_string() } else { parts.join(" AND ") })
}

fn filter_nested(sql: &mut Sql, catalog: &Catalog, table: &Table, alias: &str, value: &GqlValue) -> ApiResult<String> {
    let inner = filter(sql, catalog, table, alias, object(value, "filter")?)?;
    Ok(format!("({inner})"))
}

fn object<'a>(value: &'a GqlValue, what: &str) -> ApiResult<&'a IndexMap<Name, GqlValue>> {
    match value {
        GqlValue::Object(map) => Ok(map),
        _ => Err(ApiError::bad_input(format!("{what} expects an object"))),
    }
}

fn list_of_objects<'a>(value: &'a GqlValue, what: &str) -> ApiResult<Vec<&'a GqlValue>> {
    match value {
        GqlValue::List(items) => Ok(items.iter().collect()),
        GqlValue::Object(_) => Ok(vec![value]),
        _ => Err(ApiError::bad_input(format!("{what} expects a list of filters"))),
    }
}

/// The operators of one column: `{eq: …, in: […], isNull: true, …}`.
pub fn column_ops(sql: &mut Sql, kind: &ColumnKind, expr: &str, ops: &IndexMap<Name, GqlValue>) -> ApiResult<String> {
    let ty = kind.sql_type();
    let mut parts = Vec::new();
    for (op, value) in ops {
        if matches!(value, GqlValue::Null) {
            continue;
        }
        let one = |sql: &mut Sql, v: &GqlValue| -> ApiResult<String> {
            let text = input_text(kind, v)?.ok_or_else(|| ApiError::bad_input(format!("{op} needs a value")))?;
            Ok(sql.bind(text, &ty))
        };
        let list = |sql: &mut Sql, v: &GqlValue| -> ApiResult<String> {
            let GqlValue::List(items) = v else { return Err(ApiError::bad_input(format!("{op} expects a list"))) };
            let texts = items.iter().map(|i| input_text(kind, i)).collect::<ApiResult<Vec<_>>>()?;
            Ok(sql.bind(array_literal(&texts), &format!("{ty}[]")))
        };
        let text = |v: &GqlValue| -> ApiResult<String> {
            match v {
                GqlValue::String(s) => Ok(s.clone()),
                other => Err(ApiError::bad_input(format!("{op} expects a string, got {other}"))),
            }
        };
        parts.push(match (op.as_str(), kind) {
            ("isNull", _) => match value {
                GqlValue::Boolean(true) => format!("{expr} IS NULL"),
                GqlValue::Boolean(false) => format!("{expr} IS NOT NULL"),
                _ => return Err(ApiError::bad_input("isNull expects a boolean")),
            },
            ("contains", ColumnKind::Array(_)) => format!("{expr} @> {}", one(sql, value)?),
            ("containedBy", ColumnKind::Array(_)) => format!("{expr} <@ {}", one(sql, value)?),
            ("overlaps", ColumnKind::Array(_)) => format!("{expr} && {}", one(sql, value)?),
            (_, ColumnKind::Array(_)) => return Err(ApiError::bad_input(format!("{op} does not apply to lists"))),
            ("eq", ColumnKind::Json) => format!("{expr} = {}", one(sql, value)?),
            ("contains", ColumnKind::Json) => format!("{expr} @> {}", one(sql, value)?),
            ("containedBy", ColumnKind::Json) => format!("{expr} <@ {}", one(sql, value)?),
            ("hasKey", ColumnKind::Json) => format!("jsonb_exists({expr}, {})", sql.bind(text(value)?, "text")),
            ("path", ColumnKind::Json) => format!("{expr} @@ {}", sql.bind(text(value)?, "jsonpath")),
            ("containedBy", ColumnKind::Inet) => format!("{expr} <<= {}", one(sql, value)?),
            ("contains", ColumnKind::Inet) => format!("{expr} >>= {}", one(sql, value)?),
            ("eq", _) => format!("{expr} = {}", one(sql, value)?),
            ("neq", _) => format!("{expr} IS DISTINCT FROM {}", one(sql, value)?),
            ("gt", _) => format!("{expr} > {}", one(sql, value)?),
            ("gte", _) => format!("{expr} >= {}", one(sql, value)?),
            ("lt", _) => format!("{expr} < {}", one(sql, value)?),
            ("lte", _) => format!("{expr} <= {}", one(sql, value)?),
            ("in", _) => format!("{expr} = ANY({})", list(sql, value)?),
            ("nin", _) => format!("{expr} <> ALL({})", list(sql, value)?),
            ("like", _) => format!("{expr}::text LIKE {}", sql.bind(text(value)?, "text")),
            ("ilike", _) => format!("{expr}::text ILIKE {}", sql.bind(text(value)?, "text")),
            ("startsWith", _) => format!("starts_with({expr}::text, {})", sql.bind(text(value)?, "text")),
            ("contains", _) => format!("strpos({expr}::text, {}) > 0", sql.bind(text(value)?, "text")),
            (other, _) => return Err(ApiError::bad_input(format!("unknown operator {other}"))),
        });
    }
    Ok(if parts.is_empty() { "TRUE".to_string() } else { parts.join(" AND ") })
}

/// One key of an ordering: an SQL expression and how it sorts.
#[derive(Debug, Clone)]
pub struct OrderKey {
    pub expr: String,
    /// The column of the listed table itself (not of a joined one) that `expr` reads: its value
    /// then comes with the row's own data instead of a second time as a sort key.
    pub column: Option<String>,
    pub kind: ColumnKind,
    pub descending: bool,
    pub nulls_first: bool,
    pub nullable: bool,
}

impl OrderKey {
    pub fn reversed(&self) -> Self {
        Self { descending: !self.descending, nulls_first: !self.nulls_first, ..self.clone() }
    }

    pub fn clause(&self) -> String {
        format!(
            "{} {} NULLS {}",
            self.expr,
            if self.descending { "DESC" } else { "ASC" },
            if self.nulls_first { "FIRST" } else { "LAST" }
        )
    }
}

/// Parses `orderBy: [{field: DIR}, {relation: {field: DIR}}]` into keys plus the LEFT JOINs
/// that related columns need; the id is always the last key, so every ordering is total.
pub fn order_keys(
    sql: &mut Sql,
    catalog: &Catalog,
    table: &Table,
    alias: &str,
    order_by: Option<&GqlValue>,
    joins: &mut Vec<String>,
) -> ApiResult<Vec<OrderKey>> {
    let mut keys = Vec::new();
    if let Some(GqlValue::List(items)) = order_by {
        for item in items {
            let mut current = table;
            let mut current_alias = alias.to_string();
            let mut value = item;
            loop {
                let map = object(value, "orderBy")?;
                let mut set = map.iter().filter(|(_, v)| !matches!(v, GqlValue::Null));
                let (Some((field, inner)), None) = (set.next(), set.next()) else {
                    return Err(ApiError::bad_input("each orderBy entry must set exactly one field"));
                };
                if let Some(column) = current.column_by_field(field) {
                    let GqlValue::Enum(direction) = inner else {
                        return Err(ApiError::bad_input("an orderBy direction is expected"));
                    };
                    let (descending, nulls_first) = match direction.as_str() {
                        "ASC" => (false, false),
                        "DESC" => (true, true),
                        "ASC_NULLS_FIRST" => (false, true),
                        "ASC_NULLS_LAST" => (false, false),
                        "DESC_NULLS_FIRST" => (true, true),
                        "DESC_NULLS_LAST" => (true, false),
                        other => return Err(ApiError::bad_input(format!("unknown direction {other}"))),
                    };
                    keys.push(OrderKey {
                        expr: format!("{current_alias}.{}", ident(column.sql())),
                        column: (current_alias == alias).then(|| column.sql().to_string()),
                        kind: column.kind().clone(),
                        descending,
                        nulls_first,
                        // Through a LEFT JOIN even a NOT NULL column can be NULL.
                        nullable: column.def.nullable || current_alias != alias,
                    });
                    break;
                }
                let Some(rel) = current.to_one.iter().find(|r| &r.field == field) else {
                    return Err(ApiError::bad_input(format!("cannot order {} by {field}", current.names.type_name)));
                };
                let parent = catalog.table(rel.parent_table);
                let joined = sql.alias();
                joins.push(format!(
                    "LEFT JOIN {} {joined} ON {joined}.{} = {current_alias}.{}",
                    ident(&parent.name),
                    ident(&rel.parent_column),
                    ident(&rel.child_column)
                ));
                current = parent;
                current_alias = joined;
                value = inner;
            }
        }
    }
    // The id breaks ties in the direction of the last key, so an all-descending ordering stays
    // one direction and its keyset predicate can be a row comparison an index range-scans.
    // An ordering that already holds the id is total: no tie-breaker (it would only repeat it).
    if keys.iter().any(|k| k.column.as_deref() == Some("id")) {
        return Ok(keys);
    }
    let descending = keys.last().is_some_and(|k| k.descending);
    keys.push(OrderKey {
        expr: format!("{alias}.\"id\""),
        column: Some("id".into()),
        kind: ColumnKind::Uuid,
        descending,
        nulls_first: descending,
        nullable: false,
    });
    Ok(keys)
}

/// Rows strictly after the cursor `values` in the order of `keys`:
/// `k1 > v1 OR (k1 = v1 AND (k2 > v2 OR (k2 = v2 AND …)))`, with explicit NULL branches, so it
/// works for mixed directions and NULLS FIRST/LAST alike.
pub fn keyset_after(sql: &mut Sql, keys: &[OrderKey], values: &[Json]) -> ApiResult<String> {
    if keys.len() != values.len() {
        return Err(ApiError::bad_input("the cursor does not belong to this ordering"));
    }
    // One direction and no NULLs involved: `(a, b, id) > ($1, $2, $3)`, which a B-tree index on
    // `(a, b, id)` serves as a single range scan (the expanded OR form below cannot be).
    let same_direction = keys.iter().all(|k| k.descending == keys[0].descending);
    let no_nulls = keys.iter().zip(values).all(|(k, v)| !k.nullable && !v.is_null());
    if same_direction && no_nulls {
        let params: Vec<String> = keys
            .iter()
            .zip(values)
            .map(|(key, value)| {
                let text = match value {
                    Json::String(s) => s.clone(),
                    other => other.to_string(),
                };
                sql.bind(text, &key.kind.sql_type())
            })
            .collect();
        let exprs: Vec<&str> = keys.iter().map(|k| k.expr.as_str()).collect();
        let op = if keys[0].descending { "<" } else { ">" };
        return Ok(format!("({}) {op} ({})", exprs.join(", "), params.join(", ")));
    }
    let mut predicate: Option<String> = None;
    for (key, value) in keys.iter().zip(values).rev() {
        let (after, equal) = if value.is_null() {
            if !key.nullable {
                return Err(ApiError::bad_input("the cursor does not belong to this ordering"));
            }
            let after = if key.nulls_first { Some(format!("{} IS NOT NULL", key.expr)) } else { None };
            (after, format!("{} IS NULL", key.expr))
        } else {
            let text = match value {
                Json::String(s) => s.clone(),
                other => other.to_string(),
            };
            let param = sql.bind(text, &key.kind.sql_type());
            let op = if key.descending { "<" } else { ">" };
            let mut after = format!("{} {op} {param}", key.expr);
            if key.nullable && !key.nulls_first {
                after = format!("({after} OR {} IS NULL)", key.expr);
            }
            (Some(after), format!("{} = {param}", key.expr))
        };
        predicate = Some(match (after, predicate) {
            (Some(after), Some(rest)) => format!("({after} OR ({equal} AND {rest}))"),
            (None, Some(rest)) => format!("({equal} AND {rest})"),
            (Some(after), None) => after,
            (None, None) => "FALSE".to_string(),
        });
    }
    Ok(predicate.unwrap_or_else(|| "TRUE".into()))
}

/// Opaque cursor: base64 of a versioned JSON array of the sort-key values (id last).
pub fn encode_cursor(values: &[Json]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(serde_json::json!([1, values]).to_string())
}

pub fn decode_cursor(cursor: &str) -> ApiResult<Vec<Json>> {
    use base64::Engine;
    let invalid = || ApiError::bad_input("invalid cursor");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(cursor).map_err(|_| invalid())?;
    let json: Json = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
    match json {
        Json::Array(mut parts) if parts.len() == 2 && parts[0] == 1 => match parts.pop() {
            Some(Json::Array(values)) => Ok(values),
            _ => Err(invalid()),
        },
        _ => Err(invalid()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_literals_escape_quotes_and_backslashes() {
        assert_eq!(array_literal(&[Some("a".into()), Some("b\"c\\".into()), None]), r#"{"a","b\"c\\",NULL}"#);
    }

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let values = vec![Json::from("x"), Json::Null, Json::from(3)];
        assert_eq!(decode_cursor(&encode_cursor(&values)).unwrap(), values);
        assert!(decode_cursor("not-a-cursor").is_err());
    }

    #[test]
    fn keyset_uses_a_row_comparison_for_one_direction_without_nulls() {
        let key = |expr: &str| OrderKey {
            expr: expr.into(),
            column: None,
            kind: ColumnKind::Text,
            descending: true,
            nulls_first: true,
            nullable: false,
        };
        let mut sql = Sql::default();
        let text = keyset_after(&mut sql, &[key("a"), key("id")], &[Json::from("v"), Json::from("i")]).unwrap();
        assert_eq!(text, "(a, id) < ($1::text, $2::text)");
    }

    #[test]
    fn keyset_expands_mixed_directions_and_nulls() {
        let key = |expr: &str, descending, nullable| OrderKey {
            expr: expr.into(),
            column: None,
            kind: ColumnKind::Text,
            descending,
            nulls_first: descending,
            nullable,
        };
        let mut sql = Sql::default();
        let text =
            keyset_after(&mut sql, &[key("a", true, true), key("id", false, false)], &[Json::Null, Json::from("i")])
                .unwrap();
        assert_eq!(text, "(a IS NOT NULL OR (a IS NULL AND id > $1::text))");
        let mut sql = Sql::default();
        let text = keyset_after(
            &mut sql,
            &[key("a", false, true), key("id", false, false)],
            &[Json::from("v"), Json::from("i")],
        )
        .unwrap();
        assert_eq!(text, "((a > $2::text OR a IS NULL) OR (a = $2::text AND id > $1::text))");
    }
}
