//! The dynamic GraphQL schema assembled from the registered tables.

/// The parts of the schema under construction that a domain extension may add to.
pub struct SchemaParts {
    pub query: async_graphql::dynamic::Object,
    pub mutation: async_graphql::dynamic::Object,
    pub types: Vec<async_graphql::dynamic::Type>,
}
