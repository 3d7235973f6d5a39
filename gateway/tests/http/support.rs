//! A running gateway for one test.

use std::net::SocketAddr;

use cybershield::app;
use cybershield_core::config::Config;
use cybershield_testkit::TestDb;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// The real application on a free port, over its own migrated database.
pub struct Server {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub test_db: TestDb,
    task: JoinHandle<()>,
}

impl Server {
    /// With the default configuration.
    pub async fn start() -> Server {
        Server::start_with(Config::default()).await
    }

    /// With `config`'s schema limits and HTTP options (its database settings are ignored).
    pub async fn start_with(config: Config) -> Server {
        let test_db = TestDb::new().await;
        let db = test_db.db.clone();
        let (addr, task) = serve(db, &config).await;
        Server { addr, client: client(), test_db, task }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Serves `cybershield::app(db, config)` on 127.0.0.1:0.
pub async fn serve(db: DatabaseConnection, config: &Config) -> (SocketAddr, JoinHandle<()>) {
    let app = app(db, config).expect("the application builds");
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().unwrap();
    let task = tokio::spawn(async move {
        // With the peer address, as `serve` does (the audit trail and login throttle read it).
        axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await.expect("server runs");
    });
    (addr, task)
}

/// A client that talks to 127.0.0.1 directly, whatever proxy the environment names.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().expect("http client")
}

/// The password of [`sign_in_admin`]'s users.
pub const PASSWORD: &str = "correct horse battery staple";

/// Creates an admin on `db` and signs it in on the gateway at `addr`; returns the bearer token.
pub async fn sign_in_admin(db: &DatabaseConnection, addr: SocketAddr, email: &str) -> String {
    let user = cybershield_iam::auth::NewUser {
        email: email.into(),
        role: cybershield_core::auth::Role::Admin,
        username: None,
        display_name: None,
        teams: Vec::new(),
    };
    cybershield_iam::auth::create_user(db, &user, PASSWORD, chrono::Utc::now()).await.expect("create the admin");
    let body: serde_json::Value = client()
        .post(format!("http://{addr}/graphql"))
        .json(&serde_json::json!({
            "query": "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
            "variables": { "e": email, "p": PASSWORD },
        }))
        .send()
        .await
        .expect("login request")
        .json()
        .await
        .expect("login response");
    body["data"]["login"]["token"].as_str().unwrap_or_else(|| panic!("login failed: {body}")).to_string()
}
