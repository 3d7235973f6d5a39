//! The mutation set of every table: create, bulk create, upsert, update and delete by id and
//! by filter (bounded by `atMost`). All mutations of a request share one transaction.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::dynamic::{
    Enum, Field, FieldFuture, FieldValue, InputObject, InputValue, Object, ResolverContext, SchemaBuilder, TypeRef,
};
use async_graphql::{Name, Value as GqlValue};
use indexmap::IndexMap;

use crate::auth::{Family, Operation};
use crate::crypto::SecretKeys;
use crate::error::{ApiError, ApiResult};
use crate::naming::screaming_snake;

use super::build::{args_map, authorize, row_value, state};
use super::catalog::{Column, Table};
use super::request::RequestState;
use super::resolve::{Row, row_json, scope_predicate};
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
    for (field, column) in secret_inputs(table) {
        let doc = format!("Write-only: stored AES-256-GCM encrypted in `{}`, never returned.", column.sql());
        create = create.field(InputValue::new(field.clone(), TypeRef::named(TypeRef::STRING)).description(doc.clone()));
        update = update.field(InputValue::new(field, TypeRef::named(TypeRef::STRING)).description(doc));
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

async fn run(
    state: &Arc<RequestState>,
    index: usize,
    kind: Kind,
    ctx: &ResolverContext<'_>,
) -> ApiResult<FieldValue<'static>> {
    let table = state.catalog.table(index);
    let operation = match kind {
        Kind::Create | Kind::CreateMany | Kind::Upsert => Operation::Create,
        Kind::Update | Kind::UpdateMany => Operation::Update,
        Kind::Delete | Kind::DeleteMany => Operation::Delete,
    };
    authorize(state, table, operation)?;
    if matches!(kind, Kind::Upsert) {
        // An upsert may overwrite an existing row.
        authorize(state, table, Operation::Update)?;
    }
    state.begin_write().await?;
    let args = args_map(ctx);
    let keys = ctx.data_opt::<Arc<SecretKeys>>().map(|k| k.as_ref());
    let alias = "t";
    // Every visible column comes back: the GraphQL result and the audit diff both use it.
    let all_columns: Vec<String> = table.visible_columns().map(|c| c.def.name.clone()).collect();
    let returning = row_json(table, alias, &all_columns, &[]);
    let mut before: Vec<serde_json::Map<String, serde_json::Value>> = Vec::new();
    let mut sql = Sql::default();
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
            let mut text = insert_sql(&mut sql, keys, table, &inputs)?;
            if matches!(kind, Kind::Upsert) {
                text.push_str(&on_conflict_sql(table, args.get("onConflict"))?);
            }
            format!("{text} RETURNING {returning} AS r")
        }
        Kind::Update | Kind::UpdateMany | Kind::Delete | Kind::DeleteMany => {
            // Lock and read the rows first: their before-image feeds the audit trail, and
            // `atMost` is checked before anything is written.
            let mut lock = Sql::default();
            let mut predicates = vec![target(&mut lock, state, table, alias, &args)?];
            predicates.extend(scope_predicate(&mut lock, state, table, alias));
            let select = format!(
                "SELECT {returning} AS r FROM {} AS {alias} WHERE {} FOR UPDATE",
                ident(&table.name),
                predicates.join(" AND ")
            );
            before = state.json_rows(lock.statement(select)).await?;
            if let Some(at_most) = at_most(&args)?
                && before.len() as u64 > at_most
            {
                return Err(ApiError::bad_input(format!(
                    "{} rows match, more than atMost ({at_most}); nothing was changed",
                    before.len()
                )));
            }
            if before.is_empty() {
                return match kind {
                    Kind::Update | Kind::Delete => {
                        Err(ApiError::NotFound(format!("no {} with this id", table.names.type_name)))
                    }
                    _ => Ok(FieldValue::owned_any(Vec::<Arc<Row>>::new())),
                };
            }
            let ids: Vec<Option<String>> =
                before.iter().map(|r| r.get("id").and_then(|v| v.as_str()).map(str::to_string)).collect();
            let ids = sql.bind(sql::array_literal(&ids), "uuid[]");
            if matches!(kind, Kind::Update | Kind::UpdateMany) {
                let set = set_sql(&mut sql, keys, table, args.get("set"))?;
                format!(
                    "UPDATE {} AS {alias} SET {set} WHERE {alias}.\"id\" = ANY({ids}) RETURNING {returning} AS r",
                    ident(&table.name)
                )
            } else {
                format!(
                    "DELETE FROM {} AS {alias} WHERE {alias}.\"id\" = ANY({ids}) RETURNING {returning} AS r",
                    ident(&table.name)
                )
            }
        }
    };
    let after = state.json_rows(sql.statement(text)).await?;
    if matches!(operation, Operation::Create | Operation::Update) {
        check_written_rows_in_scope(state, table, &after).await?;
    }
    audit_mutation(state, table, operation, &before, &after, matches!(kind, Kind::Delete | Kind::DeleteMany)).await?;
    let rows: Vec<Arc<Row>> = after.into_iter().map(|data| Arc::new(Row { data, sort_values: Vec::new() })).collect();
    match kind {
        Kind::Create | Kind::Update | Kind::Delete => rows
            .into_iter()
            .next()
            .map(FieldValue::owned_any)
            .ok_or_else(|| ApiError::NotFound(format!("no {} with this id", table.names.type_name))),
        Kind::CreateMany | Kind::Upsert => Ok(FieldValue::list(rows.iter().map(row_value))),
        Kind::UpdateMany | Kind::DeleteMany => Ok(FieldValue::owned_any(rows)),
    }
}

fn at_most(args: &HashMap<String, GqlValue>) -> ApiResult<Option<u64>> {
    match args.get("atMost") {
        None => Ok(None),
        Some(GqlValue::Number(n)) => {
            n.as_u64().map(Some).ok_or_else(|| ApiError::bad_input("atMost must be zero or more"))
        }
        Some(_) => Err(ApiError::bad_input("atMost must be a number")),
    }
}

/// A write may not put a row into a team the viewer is not in (an insert into another team's
/// project, an update moving a row there). Row-level security refuses it too; this check
/// gives the clear error.
async fn check_written_rows_in_scope(
    state: &RequestState,
    table: &Table,
    rows: &[serde_json::Map<String, serde_json::Value>],
) -> ApiResult<()> {
    let mut sql = Sql::default();
    let alias = sql.alias();
    let Some(scope) = scope_predicate(&mut sql, state, table, &alias) else { return Ok(()) };
    let ids: Vec<Option<String>> =
        rows.iter().map(|r| r.get("id").and_then(|v| v.as_str()).map(str::to_string)).collect();
    let ids = sql.bind(sql::array_literal(&ids), "uuid[]");
    let text = format!(
        "SELECT json_build_object('n', count(*)) AS r FROM {} {alias} WHERE {alias}.\"id\" = ANY({ids}) AND NOT ({scope})",
        ident(&table.name)
    );
    let outside = state.json_rows(sql.statement(text)).await?;
    if outside.first().and_then(|r| r.get("n")).and_then(|n| n.as_i64()).unwrap_or(0) > 0 {
        return Err(ApiError::Forbidden(format!(
            "this {} would belong to a team you are not a member of",
            table.names.type_name
        )));
    }
    Ok(())
}

/// One audit row per mutation, in the request's transaction: who, what, and the before/after
/// of every row touched (secret columns are never in these images).
async fn audit_mutation(
    state: &RequestState,
    table: &Table,
    operation: Operation,
    before: &[serde_json::Map<String, serde_json::Value>],
    after: &[serde_json::Map<String, serde_json::Value>],
    deleted: bool,
) -> ApiResult<()> {
    let Some(viewer) = &state.viewer else { return Ok(()) };
    let by_id = |rows: &[serde_json::Map<String, serde_json::Value>]| -> HashMap<String, serde_json::Value> {
        rows.iter()
            .filter_map(|r| Some((r.get("id")?.as_str()?.to_string(), serde_json::Value::Object(r.clone()))))
            .collect()
    };
    let before_by_id = by_id(before);
    let after_by_id = if deleted { HashMap::new() } else { by_id(after) };
    let mut ids: Vec<&String> = before_by_id.keys().chain(after_by_id.keys()).collect();
    ids.sort();
    ids.dedup();
    let changes: Vec<serde_json::Value> = ids
        .iter()
        .map(|id| {
            let mut change = crate::audit::diff(before_by_id.get(*id), after_by_id.get(*id));
            if let serde_json::Value::Object(map) = &mut change {
                map.insert("id".into(), serde_json::Value::String((*id).clone()));
            }
            change
        })
        .collect();
    let (operation_type, event_type) = match operation {
        Operation::Create => ("CREATE", "CREATE"),
        Operation::Update => ("UPDATE", "UPDATE"),
        Operation::Delete => ("DELETE", "DELETE"),
        Operation::Read => ("ACTION", "ACTION"),
    };
    let category = match table.family {
        Family::Identity | Family::Sessions | Family::Secrets => "administration",
        Family::Reference => "configuration",
        Family::Audit => "security",
        Family::Data => "data_access",
    };
    let resource_path = match ids.as_slice() {
        [one] => format!("{}/{one}", table.name),
        _ => table.name.clone(),
    };
    let event = crate::audit::AuditEvent {
        actor_user_id: Some(viewer.user_id),
        actor_type: "user",
        session_id: Some(viewer.session_id),
        category,
        event_type,
        operation_type: Some(operation_type),
        resource_type: Some(&table.name),
        resource_path: Some(resource_path),
        representation: Some(serde_json::json!({ "rows": changes })),
        success: true,
        error: None,
        ip: state.meta.ip.clone(),
        user_agent: state.meta.user_agent.clone(),
        request_id: Some(state.meta.request_id),
        details: serde_json::json!({ "count": ids.len() }),
    };
    state.audit(&event).await
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

/// Write-only plaintext inputs of the encrypted columns: `credentials` for `credentials_encrypted`.
fn secret_inputs(table: &Table) -> Vec<(String, &Column)> {
    table
        .columns
        .iter()
        .filter(|c| c.def.secret && matches!(c.kind(), crate::registry::ColumnKind::Bytes))
        .filter_map(|c| c.def.name.strip_suffix("_encrypted").map(|base| (crate::naming::camel(base), c)))
        .filter(|(field, _)| table.column_by_field(field).is_none())
        .collect()
}

/// What an input field writes: a plain column, or an encrypted one (`true`).
fn input_target<'t>(table: &'t Table, field: &str) -> ApiResult<(&'t Column, bool)> {
    if let Ok(column) = writable_column(table, field) {
        return Ok((column, false));
    }
    secret_inputs(table)
        .into_iter()
        .find(|(name, _)| name == field)
        .map(|(_, column)| (column, true))
        .ok_or_else(|| ApiError::bad_input(format!("{} has no writable field {field}", table.names.type_name)))
}

/// The SQL value of an input field, encrypting the plaintext of secret inputs.
fn input_value_sql(
    sql: &mut Sql,
    keys: Option<&SecretKeys>,
    column: &Column,
    encrypt: bool,
    value: &GqlValue,
) -> ApiResult<String> {
    if !encrypt {
        return value_sql(sql, column, value);
    }
    match value {
        GqlValue::Null => Ok("NULL".into()),
        GqlValue::String(plaintext) => {
            let keys = keys
                .ok_or_else(|| ApiError::Unavailable("no secret key is configured (CYBERSHIELD_SECRET_KEY)".into()))?;
            let envelope = keys.encrypt(plaintext.as_bytes());
            let hex: String = envelope.iter().map(|b| format!("{b:02x}")).collect();
            Ok(sql.bind(format!("\\x{hex}"), "bytea"))
        }
        _ => Err(ApiError::bad_input("a secret must be a string")),
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
fn insert_sql(
    sql: &mut Sql,
    keys: Option<&SecretKeys>,
    table: &Table,
    inputs: &[&IndexMap<Name, GqlValue>],
) -> ApiResult<String> {
    let mut fields: Vec<&str> = vec!["id"];
    for input in inputs {
        for name in input.keys() {
            if !fields.contains(&name.as_str()) {
                input_target(table, name)?;
                fields.push(name.as_str());
            }
        }
    }
    let mut rows = Vec::with_capacity(inputs.len());
    for input in inputs {
        let mut values = Vec::with_capacity(fields.len());
        for field in &fields {
            let (column, encrypt) = input_target(table, field)?;
            values.push(match input.get(*field) {
                Some(GqlValue::Null) | None if *field == "id" => sql.bind(uuid::Uuid::now_v7().to_string(), "uuid"),
                Some(value) => input_value_sql(sql, keys, column, encrypt, value)?,
                None => "DEFAULT".into(),
            });
        }
        rows.push(format!("({})", values.join(", ")));
    }
    let columns: Vec<String> =
        fields.iter().map(|f| ident(input_target(table, f).map(|(c, _)| c.sql()).unwrap_or(f))).collect();
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

fn set_sql(sql: &mut Sql, keys: Option<&SecretKeys>, table: &Table, set: Option<&GqlValue>) -> ApiResult<String> {
    let Some(GqlValue::Object(set)) = set else { return Err(ApiError::bad_input("set is required")) };
    let mut parts = Vec::new();
    for (field, value) in set {
        let (column, encrypt) = input_target(table, field)?;
        if column.def.name == "id" {
            return Err(ApiError::bad_input("the id cannot be changed"));
        }
        parts.push(format!("{} = {}", ident(column.sql()), input_value_sql(sql, keys, column, encrypt, value)?));
    }
    if parts.is_empty() {
        return Err(ApiError::bad_input("set names no field to change"));
    }
    if table.has_column("updated_at") {
        parts.push("\"updated_at\" = now()".into());
    }
    Ok(parts.join(", "))
}
