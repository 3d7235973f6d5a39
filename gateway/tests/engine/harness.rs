use async_graphql::dynamic::Schema;
use cybershield_core::schema::{SchemaConfig, build_schema};
use cybershield_testkit::{StatementCounter, TestDb};
use serde_json::{Value, json};

/// A test database and the gateway's schema over it; statements are counted.
pub struct Harness {
    pub test_db: TestDb,
    pub schema: Schema,
    pub counter: StatementCounter,
}

impl Harness {
    pub async fn new() -> Self {
        Self::with_config(SchemaConfig::default()).await
    }

    pub async fn with_config(config: SchemaConfig) -> Self {
        let test_db = TestDb::new().await;
        let (db, counter) = test_db.counted();
        let schema = build_schema(&cybershield_migration::domains(), &config, Some(db)).expect("schema builds");
        Self { test_db, schema, counter }
    }

    /// The whole response as JSON (`data`, `errors`).
    pub async fn run(&self, query: &str, variables: Value) -> Value {
        let request = async_graphql::Request::new(query).variables(async_graphql::Variables::from_json(variables));
        let response = self.schema.execute(request).await;
        serde_json::to_value(&response).expect("response serialises")
    }

    /// `data` of a request that must succeed.
    pub async fn ok(&self, query: &str, variables: Value) -> Value {
        let response = self.run(query, variables).await;
        assert!(response.get("errors").is_none(), "unexpected errors: {response:#}\nquery: {query}");
        response["data"].clone()
    }

    /// The `extensions.code` of the first error of a request that must fail.
    pub async fn error_code(&self, query: &str, variables: Value) -> String {
        let response = self.run(query, variables).await;
        let error = &response["errors"][0];
        assert!(error.is_object(), "expected an error: {response:#}");
        let message = error["message"].as_str().unwrap_or_default().to_lowercase();
        for leak in ["select ", "insert ", "update ", "delete ", "violates", "sqlx", "syntax error"] {
            assert!(!message.contains(leak), "error message leaks SQL or driver text: {message}");
        }
        error["extensions"]["code"].as_str().unwrap_or("<none>").to_string()
    }

    /// Scalar from plain SQL, for checking what is really stored.
    pub async fn count(&self, table: &str) -> i64 {
        use sea_orm::ConnectionTrait;
        let row = self
            .test_db
            .db
            .query_one_raw(sea_orm::Statement::from_string(
                sea_orm::DbBackend::Postgres,
                format!("SELECT count(*) AS n FROM {table}"),
            ))
            .await
            .expect("count query")
            .expect("a row");
        row.try_get::<i64>("", "n").expect("count")
    }

    pub async fn execute_sql(&self, sql: &str) {
        use sea_orm::ConnectionTrait;
        self.test_db.db.execute_unprepared(sql).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    /// Creates a team and returns its id.
    pub async fn team(&self, name: &str) -> String {
        let data = self
            .ok(
                "mutation($input: TeamCreateInput!) { createTeam(input: $input) { id } }",
                json!({"input": {"name": name, "slug": name.to_lowercase().replace(' ', "-")}}),
            )
            .await;
        data["createTeam"]["id"].as_str().expect("team id").to_string()
    }

    /// Creates a project and returns its id.
    pub async fn project(&self, name: &str, team: Option<&str>) -> String {
        let data = self
            .ok(
                "mutation($input: ProjectCreateInput!) { createProject(input: $input) { id } }",
                json!({"input": {"name": name, "teamId": team}}),
            )
            .await;
        data["createProject"]["id"].as_str().expect("project id").to_string()
    }
}
