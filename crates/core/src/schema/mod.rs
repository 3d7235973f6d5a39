//! The dynamic GraphQL schema, assembled at start-up from the registered tables (see
//! `docs/decisions/0001-table-surface.md` for why it is built at run time, not derived).

mod aggregate;
mod batch;
mod build;
pub mod catalog;
mod mutate;
mod request;
mod resolve;
pub mod security;
pub mod sql;
mod types;

use std::sync::Arc;

use async_graphql::dynamic::{Field, FieldFuture, FieldValue, Object, Schema, SchemaError, TypeRef};
use sea_orm::DatabaseConnection;

use crate::error::ApiError;
use crate::registry::Domain;

pub use build::state as request_state;
pub use catalog::Catalog;
pub use request::RequestState;

/// Limits of architecture.md §5; every one is on by default.
#[derive(Debug, Clone)]
pub struct SchemaConfig {
    pub default_page_size: u64,
    pub max_page_size: u64,
    pub max_depth: usize,
    pub max_complexity: usize,
    pub max_aliases: usize,
    /// Requests run as `cybershield_app` under row-level security (see `security.rs`).
    pub row_security: bool,
    /// Longest query text, in characters.
    pub max_query_length: usize,
    /// Most top-level fields in one operation.
    pub max_root_fields: usize,
    /// Most directives on one field.
    pub max_directives: usize,
    /// `__schema`/`__type` answered, and "did you mean" suggestions in errors.
    pub introspection: bool,
}

impl Default for SchemaConfig {
    fn default() -> Self {
        Self {
            default_page_size: 20,
            max_page_size: 100,
            max_depth: 10,
            max_complexity: 5_000,
            max_aliases: 15,
            row_security: true,
            max_query_length: 15_000,
            max_root_fields: 10,
            max_directives: 5,
            introspection: true,
        }
    }
}

/// The parts of the schema under construction that a domain extension may add to.
pub struct SchemaParts {
    pub query: Object,
    pub mutation: Object,
    pub builder: async_graphql::dynamic::SchemaBuilder,
    pub catalog: Arc<Catalog>,
}

/// Builds the whole schema. `db` is `None` only for printing the SDL.
pub fn build_schema(
    domains: &[Domain],
    config: &SchemaConfig,
    db: Option<DatabaseConnection>,
) -> Result<Schema, SchemaError> {
    let defs = domains.iter().flat_map(|d| d.tables.iter().cloned()).collect();
    let catalog = Arc::new(Catalog::build(defs, config.clone()).map_err(SchemaError)?);
    let mut builder = types::register_scalars(Schema::build("Query", Some("Mutation"), None));
    let mut shared = types::SharedTypes::default();
    let mut query = Object::new("Query").field(health_field());
    let mut mutation = Object::new("Mutation");
    for table in &catalog.tables {
        builder = build::table_types(&catalog, table, &mut shared, builder).map_err(SchemaError)?;
        builder = mutate::mutation_types(table, builder);
        query = build::query_fields(table, query);
        let (next, aggregate) = aggregate::aggregate_field(table, builder);
        builder = next;
        query = query.field(aggregate);
        mutation = mutate::mutation_fields(table, mutation);
    }
    let generated: Vec<String> = catalog.tables.iter().flat_map(generated_type_names).collect();
    let clashes = shared.clashes(generated.iter().map(String::as_str).chain([
        "Query",
        "Mutation",
        "PageInfo",
        "Health",
        "OrderDirection",
    ]));
    if !clashes.is_empty() {
        return Err(SchemaError(format!("enum names clash with generated type names: {}", clashes.join(", "))));
    }
    builder = shared.register(builder);
    builder = builder.register(health_type());
    let mut parts = SchemaParts { query, mutation, builder, catalog: catalog.clone() };
    for domain in domains {
        for extension in &domain.extensions {
            parts = extension(parts);
        }
    }
    let mut builder = parts
        .builder
        .register(parts.query)
        .register(parts.mutation)
        .extension(request::RequestExtension { db: db.clone(), catalog: catalog.clone() })
        .limit_depth(config.max_depth)
        .limit_complexity(config.max_complexity)
        .data(catalog);
    if !config.introspection {
        builder = builder.disable_introspection().disable_suggestions();
    }
    if let Some(db) = db {
        builder = builder.data(db);
    }
    builder.finish()
}

/// Every type name the engine generates for a table (an enum of the same name would replace it).
fn generated_type_names(table: &catalog::Table) -> Vec<String> {
    let n = &table.names;
    vec![
        n.type_name.clone(),
        n.connection(),
        n.edge(),
        n.filter(),
        n.many_filter(),
        n.order_by(),
        n.column_enum(),
        n.create_input(),
        n.update_input(),
        n.conflict_target(),
        n.on_conflict(),
        n.mutation_result(),
        n.aggregate_group(),
        n.aggregate_key(),
        n.aggregate_numeric(),
        n.aggregate_ordered(),
        n.aggregate_distinct(),
        n.group_by_enum(),
        format!("{}TimeColumn", n.type_name),
        format!("{}TimeBucket", n.type_name),
        format!("{}AggregateHaving", n.type_name),
    ]
}

fn health_type() -> Object {
    let field = |name: &'static str, ty: &str| {
        Field::new(name, TypeRef::named_nn(ty), move |ctx| {
            let value = ctx.parent_value.try_downcast_ref::<crate::health::Health>().ok().map(|h| match name {
                "tableCount" => async_graphql::Value::from(h.table_count),
                "postgresVersion" => async_graphql::Value::from(h.postgres_version.clone()),
                _ => async_graphql::Value::from(h.user_count),
            });
            FieldFuture::Value(value.map(FieldValue::value))
        })
    };
    Object::new("Health")
        .description("The product document's health check.")
        .field(
            field("tableCount", TypeRef::INT).description("Tables in the public schema, the migration table included."),
        )
        .field(field("postgresVersion", TypeRef::STRING))
        .field(field("userCount", TypeRef::INT))
}

fn health_field() -> Field {
    Field::new("health", TypeRef::named_nn("Health"), |ctx| {
        FieldFuture::new(async move {
            let state = build::state(&ctx)?;
            let health = crate::health::check(&state.db).await.map_err(|e| ApiError::from(e).into_graphql())?;
            Ok(Some(FieldValue::owned_any(health)))
        })
    })
    .description("Table count, server version and user count, in one statement.")
}
