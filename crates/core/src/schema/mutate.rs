//! The mutation set of every table: create, bulk create, upsert, update and delete by id and
//! by filter (bounded by `atMost`). All mutations of a request share one transaction.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::dynamic::{
    Enum, Field, FieldFuture, FieldValue, InputObject, InputValue, Object, ResolverContext, SchemaBuilder, TypeRef,
};
use async_graphql::{Name, SelectionField, Value as GqlValue};
use indexmap::IndexMap;

use crate::error::{ApiError, ApiResult};
use crate::naming::screaming_snake;

use super::build::{args_map, row_value, state};
use super::catalog::{Column, Table};
use super::request::RequestState;
use super::resolve::{Row, node_columns, row_json, scope_predicate};
use super::sql::{self, Sql, ident};
use super::types::value_type;

/// Input types, the unique-key enum and the result type of a table's mutations.
pub fn mutation_types(table: &Table, mut builder: SchemaBuilder) -> SchemaBuilder {
    let names = &table.names;
    let mut create = InputObject::new(names.create_input()).description(format!("A new {} row.", names.type_name));
    let mut update = InputObject::new(names.update_input()).description(format!(
        "Changes to a {} row: only the fields given are written; null clears a nullable field.",
        names.type_name
    ));
    for column in table.columns.iter().filter(|c| c.writable()) {
        let required = !column.def.nullable && !column.def.has_default;
        create = create.field(InputValue::new(column.field.clone(), value_type(column.kind(), required)));
        if column.def.name != "id" {
            update = update.field(InputValue::new(column.field.clone(), value_type(column.kind(), false)));
        }
    }
    builder = builder.register(create).register(update);
    let keys: Vec<String> = table.unique_keys.iter().map(|k| screaming_snake(&k.join("_"))).collect();
    let mut unique = Enum::new(names.conflict_target()).description("A unique key an upsert can match on.").item("ID");
    for key in &keys {
        if key != "ID" {
            unique = unique.item(key.as_str());
        }
    }
    builder =
        builder.register(unique).register(
            InputObject::new(names.on_conflict())
                .description("What an upsert does when a row with the same unique key exists.")
                .field(InputValue::new("key", TypeRef::named_nn(names.conflict_target())))
                .field(InputValue::new("update", TypeRef::named_nn_list(names.column_enum())).description(
                    "Columns overwritten from the input; empty or absent: keep the existing row as it is.",
                )),
        );
    builder.register(
        Object::new(names.mutation_result())
            .description("The rows a bulk update or delete touched.")
            .field(Field::new("affectedCount", TypeRef::named_nn(TypeRef::INT), |ctx| {
                let value = ctx.parent_value.try_downcast_ref::<Vec<Arc<Row>>>().map(|rows| rows.len()).unwrap_or(0);
                FieldFuture::Value(Some(FieldValue::value(value as i64)))
            }))
            .field(Field::new("nodes", TypeRef::named_nn_list_nn(names.type_name.clone()), |ctx| {
                let value = ctx
                    .parent_value
                    .try_downcast_ref::<Vec<Arc<Row>>>()
                    .ok()
                    .map(|rows| FieldValue::list(rows.iter().map(row_value)));
                FieldFuture::Value(value)
            })),
    )
}

#[derive(Clone, Copy)]
enum Kind {
    Create,
    CreateMany,
    Upsert,
    Update,
    UpdateMany,
    Delete,
    DeleteMany,
}

/// Adds the seven mutations of `table` to the mutation root.
pub fn mutation_fields(table: &Table, mut mutation: Object) -> Object {
    let names = &table.names;
    let ty = &names.type_name;
    let filter = || InputValue::new("where", TypeRef::named_nn(names.filter()));
    let at_most = || {
        InputValue::new("atMost", TypeRef::named_nn(TypeRef::INT))
            .description("Fail, writing nothing, when more rows than this would change.")
    };
    let id = || InputValue::new("id", TypeRef::named_nn("UUID"));
    let specs = [
        (
            Kind::Create,
            format!("create{ty}"),
            TypeRef::named_nn(ty),
            vec![InputValue::new("input", TypeRef::named_nn(names.create_input()))],
        ),
        (
            Kind::CreateMany,
            format!("create{}", names.plural),
            TypeRef::named_nn_list_nn(ty),
            vec![InputValue::new("inputs", TypeRef::named_nn_list_nn(names.create_input()))],
        ),
        (
            Kind::Upsert,
            format!("upsert{}", names.plural),
            TypeRef::named_nn_list_nn(ty),
            vec![
                InputValue::new("inputs", TypeRef::named_nn_list_nn(names.create_input())),
                InputValue::new("onConflict", TypeRef::named_nn(names.on_conflict())),
            ],
        ),
        (
            Kind::Update,
            format!("update{ty}"),
            TypeRef::named_nn(ty),
            vec![id(), InputValue::new("set", TypeRef::named_nn(names.update_input()))],
        ),
        (
            Kind::UpdateMany,
            format!("update{}", names.plural),
            TypeRef::named_nn(names.mutation_result()),
            vec![filter(), InputValue::new("set", TypeRef::named_nn(names.update_input())), at_most()],
        ),
        (Kind::Delete, format!("delete{ty}"), TypeRef::named_nn(ty), vec![id()]),
        (
            Kind::DeleteMany,
            format!("delete{}", names.plural),
            TypeRef::named_nn(names.mutation_result()),
            vec![filter(), at_most()],
        ),
    ];
    for (kind, name, output, arguments) in specs {
        if matches!(kind, Kind::Create | Kind::CreateMany | Kind::Upsert) && !table.creatable() {
            continue;
        }
        let index = table.index;
        let mut field = Field::new(name, output, move |ctx| {
            FieldFuture::new(async move {
                let state = state(&ctx)?.clone();
                let result = run(&state, index, kind, &ctx).await;
                match result {
                    Ok(value) => Ok(Some(value)),
                    Err(error) => {
                        state.fail();
                        Err(error.into_graphql())
                    }
                }
            })
        });
        for argument in arguments {
            field = field.argument(argument);
        }
        mutation = mutation.field(field);
    }
    mutation
}

/// The columns to return: what the selection needs (for single rows, the field's own
/// selection; for bulk results, the selection under `nodes`).
fn returned_columns(table: &Table, field: &SelectionField<'_>, bulk_result: bool) -> Vec<String> {
    if bulk_result {
        let mut nodes = Vec::new();
        for result_field in field.selection_set().filter(|f| f.name() == "nodes") {
            nodes.extend(result_field.selection_set());
        }
        node_columns(table, nodes.into_iter())
    } else {
        node_columns(table, field.selection_set())
    }
}

async fn run(
    state: &Arc<RequestState>,
    index: usize,
    kind: Kind,
    ctx: &ResolverContext<'_>,
) -> ApiResult<FieldValue<'static>> {
    state.begin().await?;
    let table = state.catalog.table(index);
    let args = args_map(ctx);
    let field = ctx.field();
    let bulk_result = matches!(kind, Kind::UpdateMany | Kind::DeleteMany);
    let columns = returned_columns(table, &field, bulk_result);
    let mut sql = Sql::default();
    let alias = "t";
    let returning = row_json(table, alias, &columns, &[]);
    let text = match kind {
        Kind::Create | Kind::CreateMany | Kind::Upsert => {
            let inputs: Vec<&IndexMap<Name, GqlValue>> = match (kind, args.get("input"), args.get("inputs")) {
                (Kind::Create, Some(GqlValue::Object(input)), _) => vec![input],
                (_, _, Some(GqlValue::List(items))) => items
                    .iter()
                    .map(|i| match i {
                        GqlValue::Object(o) => Ok(o),
                        _ => Err(ApiError::bad_input("each input must be an object")),
                    })
                    .collect::<ApiResult<_>>()?,
                _ => return Err(ApiError::bad_input("input is required")),
            };
            if inputs.is_empty() {
                return Ok(FieldValue::list(Vec::<FieldValue>::new()));
            }
            let limit = state.catalog.config.max_page_size as usize * 10;
            if inputs.len() > limit {
                return Err(ApiError::bad_input(format!("at most {limit} rows per bulk insert")));
            }
            let mut text = insert_sql(&mut sql, table, &inputs)?;
            if matches!(kind, Kind::Upsert) {
                text.push_str(&on_conflict_sql(table, args.get("onConflict"))?);
            }
            format!("{text} RETURNING {returning} AS r")
        }
        Kind::Update | Kind::UpdateMany => {
            let set = set_sql(&mut sql, table, args.get("set"))?;
            let mut predicates = vec![target(&mut sql, state, table, alias, &args)?];
            predicates.extend(scope_predicate(state, table, alias));
            format!(
                "UPDATE {} AS {alias} SET {set} WHERE {} RETURNING {returning} AS r",
                ident(&table.name),
                predicates.join(" AND ")
            )
        }
        Kind::Delete | Kind::DeleteMany => {
            let mut predicates = vec![target(&mut sql, state, table, alias, &args)?];
            predicates.extend(scope_predicate(state, table, alias));
            format!(
                "DELETE FROM {} AS {alias} WHERE {} RETURNING {returning} AS r",
                ident(&table.name),
                predicates.join(" AND ")
            )
        }
    };
    let rows: Vec<Arc<Row>> = state
        .json_rows(sql.statement(text))
        .await?
        .into_iter()
        .map(|data| Arc::new(Row { data, sort_values: Vec::new() }))
        .collect();
    match kind {
        Kind::Create | Kind::Update | Kind::Delete => rows
            .into_iter()
            .next()
            .map(FieldValue::owned_any)
            .ok_or_else(|| ApiError::NotFound(format!("no {} with this id", table.names.type_name))),
        Kind::CreateMany | Kind::Upsert => Ok(FieldValue::list(rows.iter().map(row_value))),
        Kind::UpdateMany | Kind::DeleteMany => {
            let at_most = match args.get("atMost") {
                Some(GqlValue::Number(n)) => {
                    n.as_u64().ok_or_else(|| ApiError::bad_input("atMost must be zero or more"))?
                }
                _ => return Err(ApiError::bad_input("atMost is required")),
            };
            if rows.len() as u64 > at_most {
                // The request's transaction is rolled back: nothing was changed.
                return Err(ApiError::bad_input(format!(
                    "{} rows match, more than atMost ({at_most}); nothing was changed",
                    rows.len()
                )));
            }
            Ok(FieldValue::owned_any(rows))
        }
    }
}

/// `id = $1` for by-id mutations, the compiled filter for bulk ones.
fn target(
    sql: &mut Sql,
    state: &RequestState,
    table: &Table,
    alias: &str,
    args: &HashMap<String, GqlValue>,
) -> ApiResult<String> {
    match (args.get("id"), args.get("where")) {
        (Some(GqlValue::String(id)), _) => Ok(format!("{alias}.\"id\" = {}", sql.bind(id.clone(), "uuid"))),
        (_, Some(GqlValue::Object(filter))) => sql::filter(sql, &state.catalog, table, alias, filter),
        _ => Err(ApiError::bad_input("id or where is required")),
    }
}

fn value_sql(sql: &mut Sql, column: &Column, value: &GqlValue) -> ApiResult<String> {
    match sql::input_text(column.kind(), value)? {
        Some(text) => Ok(sql.bind(text, &column.kind().sql_type())),
        None if column.def.nullable => Ok("NULL".into()),
        None => Err(ApiError::bad_input(format!("{} cannot be null", column.field))),
    }
}

fn writable_column<'t>(table: &'t Table, field: &str) -> ApiResult<&'t Column> {
    table
        .column_by_field(field)
        .filter(|c| c.writable())
        .ok_or_else(|| ApiError::bad_input(format!("{} has no writable field {field}", table.names.type_name)))
}

/// `INSERT INTO t AS t (cols) VALUES (…), (…)`: the union of the given fields; a row that
/// leaves one out gets its DEFAULT. Ids are UUIDv7 (time-ordered) unless given.
fn insert_sql(sql: &mut Sql, table: &Table, inputs: &[&IndexMap<Name, GqlValue>]) -> ApiResult<String> {
    let mut fields: Vec<&str> = vec!["id"];
    for input in inputs {
        for name in input.keys() {
            if !fields.contains(&name.as_str()) {
                writable_column(table, name)?;
                fields.push(name.as_str());
            }
        }
    }
    let mut rows = Vec::with_capacity(inputs.len());
    for input in inputs {
        let mut values = Vec::with_capacity(fields.len());
        for field in &fields {
            let column = writable_column(table, field)?;
            values.push(match input.get(*field) {
                Some(GqlValue::Null) | None if *field == "id" => sql.bind(uuid::Uuid::now_v7().to_string(), "uuid"),
                Some(value) => value_sql(sql, column, value)?,
                None => "DEFAULT".into(),
            });
        }
        rows.push(format!("({})", values.join(", ")));
    }
    let columns: Vec<String> =
        fields.iter().map(|f| ident(writable_column(table, f).map(|c| c.sql()).unwrap_or(f))).collect();
    Ok(format!("INSERT INTO {} AS t ({}) VALUES {}", ident(&table.name), columns.join(", "), rows.join(", ")))
}

fn on_conflict_sql(table: &Table, on_conflict: Option<&GqlValue>) -> ApiResult<String> {
    let Some(GqlValue::Object(spec)) = on_conflict else { return Err(ApiError::bad_input("onConflict is required")) };
    let key_name = match spec.get("key") {
        Some(GqlValue::Enum(name)) => name.to_string(),
        _ => return Err(ApiError::bad_input("onConflict.key is required")),
    };
    let key: Vec<String> = if key_name == "ID" {
        vec!["id".into()]
    } else {
        table
            .unique_keys
            .iter()
            .find(|k| screaming_snake(&k.join("_")) == key_name)
            .cloned()
            .ok_or_else(|| ApiError::bad_input(format!("{key_name} is not a unique key")))?
    };
    let mut updates: Vec<String> = Vec::new();
    if let Some(GqlValue::List(columns)) = spec.get("update") {
        for value in columns {
            let GqlValue::Enum(name) = value else { continue };
            let column = table
                .columns
                .iter()
                .find(|c| c.writable() && screaming_snake(&c.def.name) == name.as_str())
                .ok_or_else(|| ApiError::bad_input(format!("{name} cannot be updated")))?;
            if column.def.name != "id" {
                updates.push(format!("{0} = EXCLUDED.{0}", ident(column.sql())));
            }
        }
    }
    let target = key.iter().map(|c| ident(c)).collect::<Vec<_>>().join(", ");
    if updates.is_empty() {
        // A no-op update still returns the existing row (DO NOTHING would return none).
        let first = ident(&key[0]);
        return Ok(format!(" ON CONFLICT ({target}) DO UPDATE SET {first} = t.{first}"));
    }
    if table.has_column("updated_at") {
        updates.push("\"updated_at\" = now()".into());
    }
    Ok(format!(" ON CONFLICT ({target}) DO UPDATE SET {}", updates.join(", ")))
}

fn set_sql(sql: &mut Sql, table: &Table, set: Option<&GqlValue>) -> ApiResult<String> {
    let Some(GqlValue::Object(set)) = set else { return Err(ApiError::bad_input("set is required")) };
    let mut parts = Vec::new();
    for (field, value) in set {
        let column = writable_column(table, field)?;
        if column.def.name == "id" {
            return Err(ApiError::bad_input("the id cannot be changed"));
        }
        parts.push(format!("{} = {}", ident(column.sql()), value_sql(sql, column, value)?));
    }
    if parts.is_empty() {
        return Err(ApiError::bad_input("set names no field to change"));
    }
    if table.has_column("updated_at") {
        parts.push("\"updated_at\" = now()".into());
    }
    Ok(parts.join(", "))
}
