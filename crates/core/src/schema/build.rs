//! Assembles the GraphQL types and root fields of every table from the catalog.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::dynamic::{
    Enum, Field, FieldFuture, FieldValue, InputObject, InputValue, Object, ResolverContext, SchemaBuilder, TypeRef,
};
use async_graphql::{Name, Value as GqlValue};
use indexmap::IndexMap;

use crate::auth::Operation;
use crate::error::ApiError;
use crate::naming::screaming_snake;

use super::catalog::{Catalog, Column, Relation, Table};
use super::request::RequestState;
use super::resolve::{self, ConnectionValue, CountSource, PrimePlan, Row};
use super::sql::output_value;
use super::types::{SharedTypes, filter_name, value_type};

/// Arguments of a field as a plain map (coerced, defaults applied).
pub fn args_map(ctx: &ResolverContext<'_>) -> HashMap<String, GqlValue> {
    ctx.args.as_index_map().iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

pub fn state<'a>(ctx: &ResolverContext<'a>) -> async_graphql::Result<&'a Arc<RequestState>> {
    ctx.data::<Arc<RequestState>>()
        .map_err(|_| ApiError::Unavailable("no database is configured for this schema".into()).into_graphql())
}

/// The policy check of every generated field: a signed-in viewer whose session passed MFA,
/// whose role may do `operation` to tables of this family; admin operations need MFA enrolled.
pub fn authorize(state: &RequestState, table: &Table, operation: Operation) -> Result<(), ApiError> {
    let viewer =
        state.viewer.as_ref().ok_or_else(|| ApiError::Unauthenticated("sign in first (the login mutation)".into()))?;
    if !viewer.mfa_verified {
        return Err(ApiError::Unauthenticated("complete multi-factor authentication first (verifyMfa)".into()));
    }
    if !crate::auth::allowed(viewer.role, table.family, operation) {
        return Err(ApiError::Forbidden(format!(
            "the {} role may not {} {}",
            viewer.role.as_str(),
            match operation {
                Operation::Read => "read",
                Operation::Create => "create",
                Operation::Update => "update",
                Operation::Delete => "delete",
            },
            table.names.type_name
        )));
    }
    if crate::auth::is_admin_operation(table.family, operation) && !viewer.mfa_enabled {
        return Err(ApiError::Forbidden("administrative changes need multi-factor authentication enrolled".into()));
    }
    Ok(())
}

/// `state` plus `authorize`, for resolvers.
pub fn authorized<'a>(
    ctx: &ResolverContext<'a>,
    table: usize,
    operation: Operation,
) -> async_graphql::Result<&'a Arc<RequestState>> {
    let state = state(ctx)?;
    authorize(state, state.catalog.table(table), operation).map_err(ApiError::into_graphql)?;
    Ok(state)
}

pub fn row_value(row: &Arc<Row>) -> FieldValue<'static> {
    FieldValue::owned_any(row.clone())
}

/// The list arguments shared by root lists and to-many relations.
fn list_arguments(field: Field, table: &Table) -> Field {
    let names = &table.names;
    field
        .argument(InputValue::new("where", TypeRef::named(names.filter())).description("Only rows that match."))
        .argument(
            InputValue::new("orderBy", TypeRef::named_nn_list(names.order_by()))
                .description("Sort keys, applied in the order given; the id breaks ties."),
        )
        .argument(
            InputValue::new("first", TypeRef::named(TypeRef::INT))
                .description("Page size, from the start (default 20, at most 100)."),
        )
        .argument(InputValue::new("after", TypeRef::named(TypeRef::STRING)).description("Cursor to continue after."))
        .argument(InputValue::new("last", TypeRef::named(TypeRef::INT)).description("Page size, from the end."))
        .argument(InputValue::new("before", TypeRef::named(TypeRef::STRING)).description("Cursor to continue before."))
}

fn column_field(table: &Table, column: &Column) -> Field {
    let shared = Arc::new((column.sql().to_string(), column.kind().clone()));
    let sensitive = crate::auth::is_sensitive_column(table.family, column.sql());
    let mut field = Field::new(column.field.clone(), value_type(column.kind(), !column.def.nullable), move |ctx| {
        if sensitive {
            let role = ctx.data::<Arc<RequestState>>().ok().and_then(|s| s.viewer.as_ref()).map(|v| v.role);
            if !role.is_some_and(crate::auth::may_read_sensitive) {
                let error =
                    ApiError::Forbidden("this field is visible to admins, security managers and auditors".into());
                return FieldFuture::new(async move { Err::<Option<FieldValue>, _>(error.into_graphql()) });
            }
        }
        let value = ctx
            .parent_value
            .try_downcast_ref::<Arc<Row>>()
            .ok()
            .and_then(|row| row.data.get(&shared.0))
            .map(|json| output_value(&shared.1, json))
            .filter(|value| !matches!(value, GqlValue::Null));
        // A null is `None`: enum types reject a `Null` value.
        FieldFuture::Value(value.map(FieldValue::value))
    });
    if column.def.unique {
        field = field.description("Unique.");
    }
    field
}

fn to_one_field(catalog: &Catalog, rel: &Arc<Relation>) -> Field {
    let parent = catalog.table(rel.parent_table);
    let ty = if rel.nullable {
        TypeRef::named(parent.names.type_name.clone())
    } else {
        TypeRef::named_nn(parent.names.type_name.clone())
    };
    let rel_for_resolver = rel.clone();
    Field::new(rel.field.clone(), ty, move |ctx| {
        let rel = rel_for_resolver.clone();
        FieldFuture::new(async move {
            let row = ctx.parent_value.try_downcast_ref::<Arc<Row>>()?;
            let Some(key) = row.key(&rel.child_column) else { return Ok(None) };
            let state = authorized(&ctx, rel.parent_table, Operation::Read)?;
            let parent = state.catalog.table(rel.parent_table);
            let loader = state.per_field(ctx.item, || {
                let columns = resolve::node_columns(parent, ctx.field().selection_set());
                resolve::to_one_loader(state, rel.parent_table, columns, || {
                    Arc::new(PrimePlan::of(state, parent, ctx.field().selection_set()))
                })
            });
            let found = loader.load_one(key).await.map_err(ApiError::into_graphql)?;
            Ok(found.map(|row| row_value(&row)))
        })
    })
    .description(format!("The {} that `{}` references.", parent.names.type_name, rel.child_column))
}

fn to_many_field(catalog: &Catalog, rel: &Arc<Relation>) -> Field {
    let child = catalog.table(rel.child_table);
    let rel_for_resolver = rel.clone();
    let field = Field::new(rel.field.clone(), TypeRef::named_nn(child.names.connection()), move |ctx| {
        let rel = rel_for_resolver.clone();
        FieldFuture::new(async move {
            let row = ctx.parent_value.try_downcast_ref::<Arc<Row>>()?;
            let table = rel.child_table;
            let state = authorized(&ctx, table, Operation::Read)?;
            let Some(key) = row.key(&rel.parent_column) else {
                return Err(ApiError::Internal("a parent row has no key".into()).into_graphql());
            };
            let loaders = state.per_field(ctx.item, || {
                let args = args_map(&ctx);
                let child = state.catalog.table(table);
                let nodes = resolve::connection_node_fields(&ctx.field());
                let columns = resolve::node_columns(child, nodes.iter().copied());
                let count = resolve::count_loader(state, &rel, args.get("where").cloned());
                let page = resolve::to_many_loader(state, &rel, args, columns, || {
                    Arc::new(PrimePlan::of(state, child, nodes.into_iter()))
                });
                (page, count)
            });
            let (loader, count_loader) = (&loaders.0, loaders.1.clone());
            let page = loader.load_one(key.clone()).await.map_err(ApiError::into_graphql)?.unwrap_or_default();
            Ok(Some(FieldValue::owned_any(ConnectionValue {
                page,
                count: CountSource::Nested { loader: count_loader, parent: key },
            })))
        })
    })
    .description(format!("{} rows whose `{}` references this row.", child.names.type_name, rel.child_column));
    list_arguments(field, child)
}

/// The object, connection, edge, filter and ordering types of one table.
pub fn table_types(
    catalog: &Catalog,
    table: &Table,
    shared: &mut SharedTypes,
    mut builder: SchemaBuilder,
) -> Result<SchemaBuilder, String> {
    let names = &table.names;
    let mut node = Object::new(names.type_name.clone());
    if let Some(description) = &table.description {
        node = node.description(format!("{description} (table `{}`).", table.name));
    }
    let mut filter = InputObject::new(names.filter())
        .description(format!("Conditions on {} rows; all given conditions must hold.", names.type_name))
        .field(InputValue::new("and", TypeRef::named_nn_list(names.filter())).description("All of these hold."))
        .field(
            InputValue::new("or", TypeRef::named_nn_list(names.filter())).description("At least one of these holds."),
        )
        .field(InputValue::new("not", TypeRef::named(names.filter())).description("This does not hold."));
    let mut order = InputObject::new(names.order_by()).description(format!(
        "One sort key of {} rows: set exactly one field (a related row's field sorts by that row).",
        names.type_name
    ));
    for column in table.visible_columns() {
        shared.need(column.kind())?;
        node = node.field(column_field(table, column));
        if let Some(filter_type) = filter_name(column.kind()) {
            filter = filter.field(InputValue::new(column.field.clone(), TypeRef::named(filter_type)));
        }
        if column.kind().is_ordered() || matches!(column.kind(), crate::registry::ColumnKind::Bool) {
            order = order.field(InputValue::new(column.field.clone(), TypeRef::named("OrderDirection")));
        }
    }
    for rel in &table.to_one {
        let parent = catalog.table(rel.parent_table);
        node = node.field(to_one_field(catalog, rel));
        filter = filter.field(InputValue::new(rel.field.clone(), TypeRef::named(parent.names.filter())));
        order = order.field(InputValue::new(rel.field.clone(), TypeRef::named(parent.names.order_by())));
    }
    for rel in &table.to_many {
        let child = catalog.table(rel.child_table);
        node = node.field(to_many_field(catalog, rel));
        filter = filter.field(
            InputValue::new(rel.field.clone(), TypeRef::named(child.names.many_filter()))
                .description(format!("Conditions on the {} rows that reference this row.", child.names.type_name)),
        );
    }
    let many_filter = InputObject::new(names.many_filter())
        .description(format!("Conditions on a set of related {} rows.", names.type_name))
        .field(InputValue::new("some", TypeRef::named(names.filter())).description("At least one related row matches."))
        .field(
            InputValue::new("every", TypeRef::named(names.filter()))
                .description("Every related row matches (true when there are none)."),
        )
        .field(InputValue::new("none", TypeRef::named(names.filter())).description("No related row matches."));

    let edge = Object::new(names.edge())
        .field(Field::new("cursor", TypeRef::named_nn(TypeRef::STRING), |ctx| {
            let cursor = ctx.parent_value.try_downcast_ref::<Arc<Row>>().map(|row| row.cursor()).unwrap_or_default();
            FieldFuture::Value(Some(FieldValue::value(cursor)))
        }))
        .field(Field::new("node", TypeRef::named_nn(names.type_name.clone()), |ctx| {
            FieldFuture::Value(ctx.parent_value.try_downcast_ref::<Arc<Row>>().ok().map(row_value))
        }));
    let connection = connection_type(table);
    let column_enum = Enum::new(names.column_enum())
        .description(format!("The columns of {} rows.", names.type_name))
        .items(table.visible_columns().filter(|c| c.writable()).map(|c| screaming_snake(&c.def.name)));
    builder = builder
        .register(node)
        .register(filter)
        .register(many_filter)
        .register(order)
        .register(edge)
        .register(connection)
        .register(column_enum);
    Ok(builder)
}

fn connection_type(table: &Table) -> Object {
    let names = &table.names;
    Object::new(names.connection())
        .description(format!("A page of {} rows.", names.type_name))
        .field(Field::new("edges", TypeRef::named_nn_list_nn(names.edge()), |ctx| {
            let value = ctx
                .parent_value
                .try_downcast_ref::<ConnectionValue>()
                .ok()
                .map(|c| FieldValue::list(c.page.rows.iter().map(row_value)));
            FieldFuture::Value(value)
        }))
        .field(Field::new("nodes", TypeRef::named_nn_list_nn(names.type_name.clone()), |ctx| {
            let value = ctx
                .parent_value
                .try_downcast_ref::<ConnectionValue>()
                .ok()
                .map(|c| FieldValue::list(c.page.rows.iter().map(row_value)));
            FieldFuture::Value(value)
        }))
        .field(Field::new("pageInfo", TypeRef::named_nn("PageInfo"), |ctx| {
            let value = ctx.parent_value.try_downcast_ref::<ConnectionValue>().ok().map(|c| {
                let page = &c.page;
                let cursor =
                    |row: Option<&Arc<Row>>| row.map(|r| GqlValue::String(r.cursor())).unwrap_or(GqlValue::Null);
                FieldValue::value(GqlValue::Object(IndexMap::from([
                    (Name::new("hasNextPage"), GqlValue::Boolean(page.has_next)),
                    (Name::new("hasPreviousPage"), GqlValue::Boolean(page.has_previous)),
                    (Name::new("startCursor"), cursor(page.rows.first())),
                    (Name::new("endCursor"), cursor(page.rows.last())),
                ])))
            });
            FieldFuture::Value(value)
        }))
        .field(
            Field::new("totalCount", TypeRef::named_nn(TypeRef::INT), |ctx| {
                FieldFuture::new(async move {
                    let connection = ctx.parent_value.try_downcast_ref::<ConnectionValue>()?;
                    let count = match &connection.count {
                        CountSource::Root { table, filter } => {
                            let state = state(&ctx)?;
                            resolve::root_count(state, state.catalog.table(*table), filter.as_ref())
                                .await
                                .map_err(ApiError::into_graphql)?
                        }
                        CountSource::Nested { loader, parent } => {
                            loader.load_one(parent.clone()).await.map_err(ApiError::into_graphql)?.unwrap_or(0)
                        }
                    };
                    Ok(Some(FieldValue::value(count)))
                })
            })
            .description("All matching rows, ignoring paging (one extra statement, run only when selected)."),
        )
}

/// `projectIssues(...)` and `projectIssue(id)`.
pub fn query_fields(table: &Table, mut query: Object) -> Object {
    let names = &table.names;
    let index = table.index;
    let list = Field::new(names.list_field.clone(), TypeRef::named_nn(names.connection()), move |ctx| {
        FieldFuture::new(async move {
            let state = authorized(&ctx, index, Operation::Read)?;
            let table = state.catalog.table(index);
            let args = args_map(&ctx);
            let nodes = resolve::connection_node_fields(&ctx.field());
            let columns = resolve::node_columns(table, nodes.iter().copied());
            let page = resolve::root_page(state, table, &args, &columns).await.map_err(ApiError::into_graphql)?;
            PrimePlan::of(state, table, nodes.into_iter()).prime(state, &page.rows);
            Ok(Some(FieldValue::owned_any(ConnectionValue {
                page: Arc::new(page),
                count: CountSource::Root { table: index, filter: args.get("where").cloned() },
            })))
        })
    })
    .description(format!("{} rows: filtered, ordered, paged by cursor.", names.type_name));
    query = query.field(list_arguments(list, table));
    let by_id = Field::new(names.single_field.clone(), TypeRef::named(names.type_name.clone()), move |ctx| {
        FieldFuture::new(async move {
            let state = authorized(&ctx, index, Operation::Read)?;
            let table = state.catalog.table(index);
            let id = ctx.args.try_get("id")?.string()?.to_string();
            let columns = resolve::node_columns(table, ctx.field().selection_set());
            let rows =
                resolve::rows_by_ids(state, table, "id", &[id], &columns).await.map_err(ApiError::into_graphql)?;
            Ok(rows.first().map(row_value))
        })
    })
    .argument(InputValue::new("id", TypeRef::named_nn("UUID")))
    .description(format!("One {} by id, or null.", names.type_name));
    query.field(by_id)
}
