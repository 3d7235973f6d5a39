use async_graphql::dynamic::Schema;
use cybershield_core::auth::{RequestMeta, Role, Viewer};
use cybershield_core::schema::{SchemaConfig, build_schema};
use cybershield_testkit::{StatementCounter, TestDb};
use serde_json::{Value, json};

/// A test database and the gateway's schema over it; statements are counted.
pub struct Harness {
    pub test_db: TestDb,
    pub schema: Schema,
    pub counter: StatementCounter,
    /// Who the requests run as: by default an admin with MFA (sees every team).
    pub viewer: Option<Viewer>,
    /// The key that encrypts secret columns, as the gateway passes it.
    pub keys: std::sync::Arc<cybershield_core::crypto::SecretKeys>,
}

impl Harness {
    pub async fn new() -> Self {
        Self::with_config(SchemaConfig::default()).await
    }

    pub async fn with_config(config: SchemaConfig) -> Self {
        let test_db = TestDb::new().await;
        let (db, counter) = test_db.counted();
        let schema = build_schema(&cybershield_migration::domains(), &config, Some(db)).expect("schema builds");
        let keys = std::sync::Arc::new(cybershield_core::crypto::SecretKeys::ephemeral());
        let mut harness = Self { test_db, schema, counter, viewer: None, keys };
        harness.viewer = Some(harness.sign_in(Role::Admin, &[]).await);
        harness.counter.reset();
        harness
    }

    /// A user of `role` in `teams`, with a session that passed MFA, as the engine sees it.
    pub async fn sign_in(&self, role: Role, teams: &[String]) -> Viewer {
        let user = uuid::Uuid::now_v7();
        let session = uuid::Uuid::now_v7();
        let mut sql = format!(
            "INSERT INTO users (id, email, username, role, mfa_enabled) VALUES ('{user}', '{user}@example.com', '{user}', '{}', true);
             INSERT INTO iam_sessions (id, user_id, token_hash, auth_method, idle_expires_at, absolute_expires_at)
               VALUES ('{session}', '{user}', '{session}', 'password', now() + interval '30 minutes', now() + interval '12 hours');",
            role.as_str()
        );
        for team in teams {
            sql.push_str(&format!(
                "INSERT INTO team_members (team_id, user_id, role) VALUES ('{team}', '{user}', 'writer');"
            ));
        }
        self.execute_sql(&sql).await;
        Viewer {
            user_id: user,
            session_id: session,
            role,
            team_ids: teams.iter().map(|t| t.parse().expect("team id")).collect(),
            mfa_verified: true,
            mfa_enabled: true,
        }
    }

    /// The same requests as another viewer (or anonymous).
    pub fn as_viewer(&self, viewer: Option<Viewer>) -> Acting<'_> {
        Acting { harness: self, viewer }
    }

    /// The whole response as JSON (`data`, `errors`).
    pub async fn run(&self, query: &str, variables: Value) -> Value {
        self.run_as(self.viewer.clone(), query, variables).await
    }

    pub async fn run_as(&self, viewer: Option<Viewer>, query: &str, variables: Value) -> Value {
        let mut request = async_graphql::Request::new(query)
            .variables(async_graphql::Variables::from_json(variables))
            .data(RequestMeta {
                ip: Some("127.0.0.1".into()),
                user_agent: Some("engine-tests".into()),
                request_id: uuid::Uuid::now_v7(),
            })
            .data(self.keys.clone());
        if let Some(viewer) = viewer {
            request = request.data(viewer);
        }
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

/// Requests as a given viewer.
pub struct Acting<'a> {
    harness: &'a Harness,
    viewer: Option<Viewer>,
}

impl Acting<'_> {
    pub async fn run(&self, query: &str, variables: Value) -> Value {
        self.harness.run_as(self.viewer.clone(), query, variables).await
    }

    pub async fn ok(&self, query: &str, variables: Value) -> Value {
        let response = self.run(query, variables).await;
        assert!(response.get("errors").is_none(), "unexpected errors: {response:#}\nquery: {query}");
        response["data"].clone()
    }

    pub async fn error_code(&self, query: &str, variables: Value) -> String {
        let response = self.run(query, variables).await;
        response["errors"][0]["extensions"]["code"].as_str().unwrap_or("<none>").to_string()
    }
}
