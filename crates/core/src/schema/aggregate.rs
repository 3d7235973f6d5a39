//! `<table>Aggregate(where, groupBy, timeBucket, having, orderBy, first)`: count, countDistinct,
//! sum, avg, min and max, grouped in PostgreSQL; only the selected aggregates are computed.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::dynamic::{
    Enum, Field, FieldFuture, FieldValue, InputObject, InputValue, Object, SchemaBuilder, TypeRef,
};
use async_graphql::{SelectionField, Value as GqlValue};
use serde_json::{Map, Value as Json};

use crate::error::{ApiError, ApiResult};
use crate::naming::screaming_snake;
use crate::registry::ColumnKind;

use super::build::{args_map, authorized};
use super::catalog::{Column, Table};
use super::request::RequestState;
use super::resolve::scope_predicate;
use super::sql::{self, Sql, ident, output_value};
use super::types::{scalar_name, value_type};
use crate::auth::Operation;

/// Columns that can be grouped on and counted distinct (not JSON, binary or list values).
fn groupable(column: &Column) -> bool {
    !matches!(column.kind(), ColumnKind::Json | ColumnKind::Bytes | ColumnKind::Array(_))
}

fn is_time(column: &Column) -> bool {
    matches!(column.kind(), ColumnKind::DateTime | ColumnKind::Date)
}

/// One result group, keyed by `<part>.<column>` names.
struct Group(Arc<Map<String, Json>>);

/// A sub-object of a group (`key`, `sum`, …) that reads `<prefix>.<column>` entries.
struct GroupPart {
    row: Arc<Map<String, Json>>,
    prefix: &'static str,
}

/// One object type serves `sum` and `avg` (and `min`/`max`): the part's prefix picks the keys.
fn part_object(name: String, columns: Vec<(String, String, TypeRef, ColumnKind)>) -> Object {
    let mut object = Object::new(name);
    for (field, sql_name, ty, kind) in columns {
        let kind = Arc::new(kind);
        object = object.field(Field::new(field, ty, move |ctx| {
            let value = ctx
                .parent_value
                .try_downcast_ref::<GroupPart>()
                .ok()
                .and_then(|part| part.row.get(&format!("{}.{sql_name}", part.prefix)))
                .map(|json| output_value(&kind, json))
                .filter(|value| !matches!(value, GqlValue::Null));
            FieldFuture::Value(value.map(FieldValue::value))
        }));
    }
    object
}

/// Registers the aggregate types of `table` and returns the root field.
pub fn aggregate_field(table: &Table, mut builder: SchemaBuilder) -> (SchemaBuilder, Field) {
    let names = &table.names;
    let visible: Vec<&Column> = table.visible_columns().collect();
    let group_columns: Vec<&Column> = visible.iter().copied().filter(|c| groupable(c)).collect();
    let numeric: Vec<&Column> = visible.iter().copied().filter(|c| c.kind().is_numeric()).collect();
    let ordered: Vec<&Column> = visible
        .iter()
        .copied()
        .filter(|c| c.kind().is_ordered() && !matches!(c.kind(), ColumnKind::Uuid | ColumnKind::Enum(_)))
        .collect();
    let time_columns: Vec<&Column> = visible.iter().copied().filter(|c| is_time(c)).collect();

    let group_by = Enum::new(names.group_by_enum())
        .description(format!("Columns {} rows can be grouped by.", names.type_name))
        .items(group_columns.iter().map(|c| screaming_snake(&c.def.name)));
    let key_fields = group_columns
        .iter()
        .map(|c| (c.field.clone(), c.def.name.clone(), value_type(c.kind(), false), c.kind().clone()))
        .chain(std::iter::once((
            "bucket".to_string(),
            "bucket".to_string(),
            TypeRef::named("DateTime"),
            ColumnKind::DateTime,
        )))
        .collect();
    let key = part_object(names.aggregate_key(), key_fields)
        .description("The values this group shares (null where not grouped).");
    let sums = part_object(
        names.aggregate_numeric(),
        numeric
            .iter()
            .map(|c| (c.field.clone(), c.def.name.clone(), TypeRef::named(TypeRef::FLOAT), ColumnKind::Float))
            .collect(),
    );
    let min_max = part_object(
        names.aggregate_ordered(),
        ordered
            .iter()
            .map(|c| (c.field.clone(), c.def.name.clone(), TypeRef::named(scalar_name(c.kind())), c.kind().clone()))
            .collect(),
    );
    let distinct = part_object(
        names.aggregate_distinct(),
        group_columns
            .iter()
            .map(|c| (c.field.clone(), c.def.name.clone(), TypeRef::named_nn(TypeRef::INT), ColumnKind::BigInt))
            .collect(),
    );

    let part = |name: &'static str, ty: String| {
        Field::new(name, TypeRef::named_nn(ty), move |ctx| {
            // Each sub-object reads the keys prefixed with its own name; see `select_list`.
            let value = ctx
                .parent_value
                .try_downcast_ref::<Group>()
                .ok()
                .map(|g| FieldValue::owned_any(GroupPart { row: g.0.clone(), prefix: name }));
            FieldFuture::Value(value)
        })
    };
    let mut group = Object::new(names.aggregate_group())
        .description(format!("Aggregates over a group of {} rows.", names.type_name))
        .field(part("key", names.aggregate_key()))
        .field(Field::new("count", TypeRef::named_nn(TypeRef::INT), |ctx| {
            let value = ctx
                .parent_value
                .try_downcast_ref::<Group>()
                .ok()
                .and_then(|g| g.0.get("count").cloned())
                .unwrap_or(Json::from(0));
            FieldFuture::Value(Some(FieldValue::value(GqlValue::from_json(value).unwrap_or(GqlValue::Null))))
        }))
        .field(part("countDistinct", names.aggregate_distinct()));
    let mut types = vec![key, distinct];
    if !numeric.is_empty() {
        group = group.field(part("sum", names.aggregate_numeric())).field(part("avg", names.aggregate_numeric()));
        types.push(sums);
    }
    if !ordered.is_empty() {
        group = group.field(part("min", names.aggregate_ordered())).field(part("max", names.aggregate_ordered()));
        types.push(min_max);
    }
    let time_enum_name = format!("{}TimeColumn", names.type_name);
    let bucket_input = format!("{}TimeBucket", names.type_name);
    let having_input = format!("{}AggregateHaving", names.type_name);
    builder = builder.register(group_by).register(group);
    for ty in types {
        builder = builder.register(ty);
    }
    builder = builder.register(
        InputObject::new(having_input.clone())
            .description("Conditions on whole groups.")
            .field(InputValue::new("count", TypeRef::named("BigIntFilter"))),
    );
    let mut field_args = vec![
        InputValue::new("where", TypeRef::named(names.filter())).description("Only rows that match are aggregated."),
        InputValue::new("groupBy", TypeRef::named_nn_list(names.group_by_enum()))
            .description("One group per distinct combination."),
        InputValue::new("having", TypeRef::named(having_input)),
        InputValue::new("orderBy", TypeRef::named("AggregateOrder")).description("Default KEY_ASC."),
        InputValue::new("first", TypeRef::named(TypeRef::INT))
            .description("At most this many groups (default and limit 1,000)."),
    ];
    if !time_columns.is_empty() {
        builder = builder
            .register(
                Enum::new(time_enum_name.clone()).items(time_columns.iter().map(|c| screaming_snake(&c.def.name))),
            )
            .register(
                InputObject::new(bucket_input.clone())
                    .description("Group by a time column truncated to a unit (`key.bucket`).")
                    .field(InputValue::new("column", TypeRef::named_nn(time_enum_name)))
                    .field(InputValue::new("unit", TypeRef::named_nn("TimeBucketUnit"))),
            );
        field_args.push(InputValue::new("timeBucket", TypeRef::named(bucket_input)));
    }

    let index = table.index;
    let mut field =
        Field::new(names.aggregate_field(), TypeRef::named_nn_list_nn(names.aggregate_group()), move |ctx| {
            FieldFuture::new(async move {
                let state = authorized(&ctx, index, Operation::Read)?;
                let table = state.catalog.table(index);
                let args = args_map(&ctx);
                let groups = run(state, table, &args, &ctx.field()).await.map_err(ApiError::into_graphql)?;
                Ok(Some(FieldValue::list(groups.into_iter().map(|g| FieldValue::owned_any(Group(Arc::new(g)))))))
            })
        })
        .description(format!("Aggregates of {} rows, optionally grouped.", names.type_name));
    for arg in field_args {
        field = field.argument(arg);
    }
    (builder, field)
}

fn column_of<'t>(table: &'t Table, enum_value: &GqlValue) -> ApiResult<&'t Column> {
    let GqlValue::Enum(name) = enum_value else { return Err(ApiError::bad_input("expected a column")) };
    table
        .visible_columns()
        .find(|c| screaming_snake(&c.def.name) == name.as_str())
        .ok_or_else(|| ApiError::bad_input(format!("unknown column {name}")))
}

/// The aggregate expressions the selection asks for, as `(json key, sql expression)` pairs.
fn select_list(table: &Table, alias: &str, group: &SelectionField<'_>) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for field in group.selection_set() {
        let function = match field.name() {
            "count" => {
                pairs.push(("count".into(), "count(*)".into()));
                continue;
            }
            "countDistinct" => "count(DISTINCT {})",
            "sum" => "sum({})",
            "avg" => "avg({})",
            "min" => "min({})",
            "max" => "max({})",
            _ => continue,
        };
        for sub in field.selection_set() {
            if let Some(column) = table.column_by_field(sub.name()).filter(|c| !c.def.secret) {
                let expr = function.replace("{}", &format!("{alias}.{}", ident(column.sql())));
                pairs.push((format!("{}.{}", field.name(), column.sql()), expr));
            }
        }
    }
    pairs
}

async fn run(
    state: &RequestState,
    table: &Table,
    args: &HashMap<String, GqlValue>,
    field: &SelectionField<'_>,
) -> ApiResult<Vec<Map<String, Json>>> {
    let mut sql = Sql::default();
    let alias = sql.alias();
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut group_exprs = Vec::new();
    if let Some(GqlValue::List(columns)) = args.get("groupBy") {
        for value in columns {
            let column = column_of(table, value)?;
            let expr = format!("{alias}.{}", ident(column.sql()));
            pairs.push((format!("key.{}", column.sql()), expr.clone()));
            group_exprs.push(expr);
        }
    }
    if let Some(GqlValue::Object(bucket)) = args.get("timeBucket") {
        let column = column_of(table, bucket.get("column").unwrap_or(&GqlValue::Null))?;
        let unit = match bucket.get("unit") {
            Some(GqlValue::Enum(unit)) => unit.to_ascii_lowercase(),
            _ => return Err(ApiError::bad_input("timeBucket needs a unit")),
        };
        // `unit` is one of a closed enum, so it can be a literal.
        let expr = format!("date_trunc('{unit}', {alias}.{})", ident(column.sql()));
        pairs.push(("key.bucket".into(), expr.clone()));
        group_exprs.push(expr);
    }
    pairs.extend(select_list(table, &alias, field));
    let mut predicates = Vec::new();
    if let Some(GqlValue::Object(f)) = args.get("where") {
        predicates.push(sql::filter(&mut sql, &state.catalog, table, &alias, f)?);
    }
    predicates.extend(scope_predicate(&mut sql, state, table, &alias));
    let having = match args.get("having") {
        Some(GqlValue::Object(h)) => match h.get("count") {
            Some(GqlValue::Object(ops)) => Some(sql::column_ops(&mut sql, &ColumnKind::BigInt, "count(*)", ops)?),
            _ => None,
        },
        _ => None,
    };
    let first = match args.get("first") {
        Some(GqlValue::Number(n)) => {
            n.as_u64().filter(|n| *n <= 1_000).ok_or_else(|| ApiError::bad_input("first must be between 0 and 1000"))?
        }
        _ => 1_000,
    };
    let direction = match args.get("orderBy") {
        Some(GqlValue::Enum(order)) => order.to_string(),
        _ => "KEY_ASC".to_string(),
    };
    let key_order = |desc: bool| {
        group_exprs.iter().map(|e| format!("{e} {}", if desc { "DESC" } else { "ASC" })).collect::<Vec<_>>()
    };
    let order: Vec<String> = match direction.as_str() {
        "KEY_DESC" => key_order(true),
        "COUNT_ASC" => std::iter::once("count(*) ASC".to_string()).chain(key_order(false)).collect(),
        "COUNT_DESC" => std::iter::once("count(*) DESC".to_string()).chain(key_order(false)).collect(),
        _ => key_order(false),
    };
    if pairs.is_empty() {
        pairs.push(("count".into(), "count(*)".into()));
    }
    let limit = sql.bind_int(first as i64);
    let text = format!(
        "SELECT {} AS r FROM {} {alias} WHERE {}{}{}{} LIMIT {limit}",
        sql::json_object(&pairs),
        ident(&table.name),
        if predicates.is_empty() { "TRUE".to_string() } else { predicates.join(" AND ") },
        if group_exprs.is_empty() { String::new() } else { format!(" GROUP BY {}", group_exprs.join(", ")) },
        having.map(|h| format!(" HAVING {h}")).unwrap_or_default(),
        if order.is_empty() { String::new() } else { format!(" ORDER BY {}", order.join(", ")) },
    );
    state.json_rows(sql.statement(text)).await
}
