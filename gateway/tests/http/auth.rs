//! Authentication over HTTP: login, sessions and their expiry, lockout and throttling, password
//! change, TOTP and backup codes, the encrypted seed, and `cybershield user create`.
//!
//! The server's clock is pinned ([`Clock::pinned`]) and moved by hand, so expiry, lockout and TOTP
//! steps are tested without sleeping.

use std::net::SocketAddr;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use cybershield::{AuthState, app_with};
use cybershield_core::auth::Role;
use cybershield_core::config::Config;
use cybershield_core::crypto::SecretKeys;
use cybershield_iam::auth::{Clock, LoginThrottle, NewUser, create_user, mfa};
use cybershield_testkit::TestDb;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use uuid::Uuid;

use crate::support::client;

const PASSWORD: &str = "correct horse battery staple";
const LOGIN: &str =
    "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt mfaRequired } }";
const ME: &str = "{ me { id email username displayName role teamIds mfaEnabled mfaVerified } }";

/// The application with a pinned clock and known keys, over its own database.
struct AuthServer {
    addr: SocketAddr,
    client: reqwest::Client,
    test_db: TestDb,
    clock: Clock,
    keys: Arc<SecretKeys>,
    task: JoinHandle<()>,
}

impl Drop for AuthServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn start_time() -> DateTime<Utc> {
    // Mid-step, so ±1 step is unambiguous.
    DateTime::parse_from_rfc3339("2030-01-01T00:00:10Z").unwrap().with_timezone(&Utc)
}

impl AuthServer {
    async fn start() -> AuthServer {
        AuthServer::start_with(Config::default()).await
    }

    async fn start_with(config: Config) -> AuthServer {
        let test_db = TestDb::new().await;
        let clock = Clock::pinned(start_time());
        let keys = Arc::new(SecretKeys::ephemeral());
        let auth = AuthState {
            keys: keys.clone(),
            clock: clock.clone(),
            throttle: Arc::new(LoginThrottle::default()),
            trust_proxy: config.trust_proxy,
        };
        let app = app_with(test_db.db.clone(), &config, auth).expect("the application builds");
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let task = tokio::spawn(async move {
            axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>()).await.expect("server runs");
        });
        AuthServer { addr, client: client(), test_db, clock, keys, task }
    }

    /// Posts a GraphQL request, with a bearer token and extra headers; returns the response.
    async fn post(
        &self,
        token: Option<&str>,
        headers: &[(&str, &str)],
        query: &str,
        variables: Value,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(format!("http://{}/graphql", self.addr))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.unwrap()
    }

    async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        self.post(token, &[], query, variables).await.json().await.unwrap()
    }

    async fn login_from(&self, headers: &[(&str, &str)], email: &str, password: &str) -> Value {
        self.post(None, headers, LOGIN, json!({ "e": email, "p": password })).await.json().await.unwrap()
    }

    async fn login(&self, email: &str, password: &str) -> Value {
        self.login_from(&[], email, password).await
    }

    /// Logs in and returns the token; panics when the login fails.
    async fn token(&self, email: &str, password: &str) -> String {
        let body = self.login(email, password).await;
        body["data"]["login"]["token"].as_str().unwrap_or_else(|| panic!("login failed: {body}")).to_string()
    }

    async fn user(&self, email: &str, role: Role) -> Uuid {
        let user = NewUser {
            email: email.into(),
            role,
            username: None,
            display_name: Some("Test User".into()),
            teams: Vec::new(),
        };
        create_user(&self.test_db.db, &user, PASSWORD, self.clock.now()).await.unwrap()
    }

    async fn sql(&self, sql: &str) {
        self.test_db.db.execute_unprepared(sql).await.unwrap();
    }

    async fn query_one(&self, sql: &str, values: Vec<sea_orm::Value>) -> sea_orm::QueryResult {
        self.test_db
            .db
            .query_one_raw(Statement::from_sql_and_values(DbBackend::Postgres, sql, values))
            .await
            .unwrap()
            .expect("a row")
    }

    /// The latest audit entry of a kind: (success, error, details, request id).
    async fn last_audit(&self, event_type: &str) -> (bool, Option<String>, Value, Option<Uuid>) {
        let row = self
            .query_one(
                "SELECT success, error, details, request_id FROM iam_audit_logs WHERE event_type = $1 ORDER BY seq DESC LIMIT 1",
                vec![event_type.into()],
            )
            .await;
        (
            row.try_get("", "success").unwrap(),
            row.try_get("", "error").unwrap(),
            row.try_get("", "details").unwrap(),
            row.try_get("", "request_id").unwrap(),
        )
    }

    /// Enrols and confirms TOTP for the session `token`; returns the seed and the backup codes.
    async fn enable_totp(&self, token: &str) -> (Vec<u8>, Vec<String>) {
        let body = self.gql(Some(token), "mutation { enrollTotp { secret otpauthUri } }", json!({})).await;
        let secret = body["data"]["enrollTotp"]["secret"].as_str().unwrap_or_else(|| panic!("{body}"));
        let seed = base32_decode(secret);
        let code = mfa::totp_code(&seed, self.clock.now());
        let body = self.gql(Some(token), "mutation($c: String!) { confirmTotp(code: $c) }", json!({ "c": code })).await;
        let codes = body["data"]["confirmTotp"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
            .iter()
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        (seed, codes)
    }

    async fn verify_mfa(&self, token: &str, code: &str) -> Value {
        self.gql(Some(token), "mutation($c: String!) { verifyMfa(code: $c) }", json!({ "c": code })).await
    }
}

fn error_code(body: &Value) -> Option<&str> {
    body["errors"][0]["extensions"]["code"].as_str()
}

fn error_message(body: &Value) -> Option<&str> {
    body["errors"][0]["message"].as_str()
}

/// RFC 4648 base32 without padding, as authenticator apps read the secret.
fn base32_decode(text: &str) -> Vec<u8> {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let (mut buffer, mut bits, mut out) = (0u64, 0u32, Vec::new());
    for c in text.bytes() {
        let value = alphabet.iter().position(|a| *a == c).expect("base32 character") as u64;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    out
}

/// A six-digit code that is none of the codes accepted at `at`.
fn wrong_code(seed: &[u8], at: DateTime<Utc>) -> String {
    let accepted: Vec<String> = [-30, 0, 30].iter().map(|s| mfa::totp_code(seed, at + Duration::seconds(*s))).collect();
    (0..).map(|n: u32| format!("{n:06}")).find(|c| !accepted.contains(c)).unwrap()
}

fn assert_unauthenticated(body: &Value) {
    assert_eq!(error_code(body), Some("UNAUTHENTICATED"), "{body}");
}

fn assert_invalid_login(body: &Value) {
    assert_unauthenticated(body);
    assert_eq!(error_message(body), Some("invalid email or password"), "{body}");
    assert!(body["data"].is_null(), "{body}");
}

#[tokio::test]
async fn login_works_and_failures_do_not_tell_whether_the_account_exists() {
    let s = AuthServer::start().await;
    let id = s.user("ana@example.com", Role::Analyst).await;

    let response = s.post(None, &[], LOGIN, json!({ "e": "ANA@example.com", "p": PASSWORD })).await;
    let request_id: Uuid = response.headers()["x-request-id"].to_str().unwrap().parse().unwrap();
    let body: Value = response.json().await.unwrap();
    let session = &body["data"]["login"];
    assert_eq!(session["mfaRequired"], false, "{body}");
    let token = session["token"].as_str().unwrap();
    assert_eq!(token.len(), 43, "256 bits in base64url");
    assert_eq!(session["expiresAt"], "2030-01-01T00:30:10.000000Z");
    let (success, _, _, audited_request) = s.last_audit("LOGIN").await;
    assert!(success);
    assert_eq!(audited_request, Some(request_id), "the audit entry carries the x-request-id");

    // Only the token's hash is stored.
    let row =
        s.query_one("SELECT token_hash, ip::text AS ip FROM iam_sessions WHERE user_id = $1", vec![id.into()]).await;
    let stored: String = row.try_get("", "token_hash").unwrap();
    assert_ne!(stored, token);
    assert_eq!(stored, cybershield_iam::auth::session::token_hash(token));
    assert_eq!(row.try_get::<String>("", "ip").unwrap(), "127.0.0.1/32");

    let me = s.gql(Some(token), ME, json!({})).await;
    assert_eq!(me["data"]["me"]["id"], id.to_string(), "{me}");
    assert_eq!(me["data"]["me"]["email"], "ana@example.com");
    assert_eq!(me["data"]["me"]["role"], "ANALYST");
    assert_eq!(me["data"]["me"]["mfaEnabled"], false);
    assert_eq!(me["data"]["me"]["mfaVerified"], true);

    let wrong_password = s.login("ana@example.com", "not the right password").await;
    let (_, error, details, _) = s.last_audit("LOGIN_ERROR").await;
    assert_eq!(error.as_deref(), Some("invalid_user_credentials"));
    assert_eq!(details["failed_login_count"], 1);
    let unknown_email = s.login("nobody@example.com", PASSWORD).await;
    assert_invalid_login(&wrong_password);
    assert_invalid_login(&unknown_email);
    assert_eq!(wrong_password["errors"], unknown_email["errors"], "the same answer either way");
    for odd in ["", "a\u{0}b@example.com", &"x".repeat(10_000), "' OR 1=1 --"] {
        assert_invalid_login(&s.login(odd, PASSWORD).await);
    }
    let (success, error, details, _) = s.last_audit("LOGIN_ERROR").await;
    assert!(!success);
    assert_eq!(error.as_deref(), Some("user_not_found"));
    assert_eq!(details["email"], "' OR 1=1 --");

    // Without a token, or with a made-up one: anonymous.
    assert_unauthenticated(&s.gql(None, ME, json!({})).await);
    assert_unauthenticated(&s.gql(Some("made-up"), ME, json!({})).await);
    assert_unauthenticated(&s.gql(None, "mutation { logout }", json!({})).await);
}

#[tokio::test]
async fn logout_ends_the_session() {
    let s = AuthServer::start().await;
    s.user("ana@example.com", Role::Viewer).await;
    let token = s.token("ana@example.com", PASSWORD).await;
    let other = s.token("ana@example.com", PASSWORD).await;
    assert!(s.gql(Some(&token), ME, json!({})).await["data"]["me"]["id"].is_string());

    let body = s.gql(Some(&token), "mutation { logout }", json!({})).await;
    assert_eq!(body["data"]["logout"], true, "{body}");
    assert_unauthenticated(&s.gql(Some(&token), ME, json!({})).await);
    assert_unauthenticated(&s.gql(Some(&token), "mutation { logout }", json!({})).await);
    assert!(s.gql(Some(&other), ME, json!({})).await["data"]["me"]["id"].is_string(), "other sessions live on");
    let row = s
        .query_one(
            "SELECT revoke_reason FROM iam_sessions WHERE token_hash = $1",
            vec![cybershield_iam::auth::session::token_hash(&token).into()],
        )
        .await;
    assert_eq!(row.try_get::<String>("", "revoke_reason").unwrap(), "logout");
    assert!(s.last_audit("LOGOUT").await.0);
}

#[tokio::test]
async fn expired_and_revoked_sessions_are_refused() {
    let s = AuthServer::start().await;
    let id = s.user("ana@example.com", Role::Viewer).await;

    // Idle expiry slides with use, up to the absolute expiry.
    let token = s.token("ana@example.com", PASSWORD).await;
    for _ in 0..3 {
        s.clock.advance(Duration::minutes(20));
        assert!(s.gql(Some(&token), ME, json!({})).await["data"]["me"]["id"].is_string(), "used within 30 min");
    }
    s.clock.advance(Duration::minutes(31));
    assert_unauthenticated(&s.gql(Some(&token), ME, json!({})).await);

    // Set in the past by SQL: idle, absolute, revoked.
    for (column, value) in [
        ("idle_expires_at", "now() - interval '1 hour'"),
        ("absolute_expires_at", "now() - interval '1 hour'"),
        ("revoked_at", "now()"),
    ] {
        s.clock.set(Utc::now());
        let token = s.token("ana@example.com", PASSWORD).await;
        assert!(s.gql(Some(&token), ME, json!({})).await["data"]["me"]["id"].is_string());
        let hash = cybershield_iam::auth::session::token_hash(&token);
        s.sql(&format!("UPDATE iam_sessions SET {column} = {value} WHERE token_hash = '{hash}'")).await;
        assert_unauthenticated(&s.gql(Some(&token), ME, json!({})).await);
    }

    // The absolute expiry holds however busy the session is.
    s.clock.set(start_time());
    let token = s.token("ana@example.com", PASSWORD).await;
    for _ in 0..(12 * 60 / 25) {
        s.clock.advance(Duration::minutes(25));
        assert!(s.gql(Some(&token), ME, json!({})).await["data"]["me"]["id"].is_string());
    }
    s.clock.set(start_time() + Duration::hours(12));
    assert_unauthenticated(&s.gql(Some(&token), ME, json!({})).await);

    // Sliding writes the session's row at most once a minute: reads in between only read it.
    s.clock.set(start_time());
    let token = s.token("ana@example.com", PASSWORD).await;
    let last_seen = || async {
        let row = s
            .query_one(
                "SELECT last_seen_at FROM iam_sessions WHERE token_hash = $1",
                vec![cybershield_iam::auth::session::token_hash(&token).into()],
            )
            .await;
        row.try_get::<DateTime<Utc>>("", "last_seen_at").unwrap()
    };
    s.clock.advance(Duration::seconds(30));
    assert!(s.gql(Some(&token), ME, json!({})).await["data"]["me"]["id"].is_string());
    assert_eq!(last_seen().await, start_time(), "not written 30 s after the last write");
    s.clock.advance(Duration::seconds(31));
    assert!(s.gql(Some(&token), ME, json!({})).await["data"]["me"]["id"].is_string());
    assert_eq!(last_seen().await, start_time() + Duration::seconds(61), "slid after a minute");

    // A deactivated user's sessions stop working.
    s.clock.set(start_time());
    let token = s.token("ana@example.com", PASSWORD).await;
    s.sql(&format!("UPDATE users SET is_active = false WHERE id = '{id}'")).await;
    assert_unauthenticated(&s.gql(Some(&token), ME, json!({})).await);
}

#[tokio::test]
async fn a_password_change_revokes_every_session() {
    let s = AuthServer::start().await;
    s.user("ana@example.com", Role::Developer).await;
    let first = s.token("ana@example.com", PASSWORD).await;
    let second = s.token("ana@example.com", PASSWORD).await;
    const CHANGE: &str = "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token mfaRequired } }";
    const NEW: &str = "a much better passphrase";

    let short = s.gql(Some(&first), CHANGE, json!({ "c": PASSWORD, "n": "too short" })).await;
    assert_eq!(error_code(&short), Some("BAD_USER_INPUT"), "{short}");
    let wrong = s.gql(Some(&first), CHANGE, json!({ "c": "not my password at all", "n": NEW })).await;
    assert_eq!(error_code(&wrong), Some("BAD_USER_INPUT"), "{wrong}");
    assert!(!s.last_audit("UPDATE_PASSWORD").await.0);

    let body = s.gql(Some(&first), CHANGE, json!({ "c": PASSWORD, "n": NEW })).await;
    let third = body["data"]["changePassword"]["token"].as_str().unwrap_or_else(|| panic!("{body}"));
    assert_eq!(body["data"]["changePassword"]["mfaRequired"], false);
    assert_unauthenticated(&s.gql(Some(&first), ME, json!({})).await);
    assert_unauthenticated(&s.gql(Some(&second), ME, json!({})).await);
    assert!(s.gql(Some(third), ME, json!({})).await["data"]["me"]["id"].is_string());
    let row =
        s.query_one("SELECT count(*) AS n FROM iam_sessions WHERE revoke_reason = 'password_change'", vec![]).await;
    assert_eq!(row.try_get::<i64>("", "n").unwrap(), 2);
    let (success, _, details, _) = s.last_audit("UPDATE_PASSWORD").await;
    assert!(success);
    assert_eq!(details["revoked_sessions"], 2);

    assert_invalid_login(&s.login("ana@example.com", PASSWORD).await);
    s.token("ana@example.com", NEW).await;
}

#[tokio::test]
async fn repeated_failures_lock_the_account() {
    let s = AuthServer::start().await;
    let id = s.user("ana@example.com", Role::Analyst).await;
    for _ in 0..5 {
        assert_invalid_login(&s.login("ana@example.com", "wrong password, again").await);
    }
    // Locked: even the right password is refused, with the same answer.
    assert_invalid_login(&s.login("ana@example.com", PASSWORD).await);
    let (_, error, _, _) = s.last_audit("LOGIN_ERROR").await;
    assert_eq!(error.as_deref(), Some("user_temporarily_disabled"));
    let row = s.query_one("SELECT failed_login_count, locked_until FROM users WHERE id = $1", vec![id.into()]).await;
    assert_eq!(row.try_get::<i32>("", "failed_login_count").unwrap(), 5);
    assert_eq!(row.try_get::<DateTime<Utc>>("", "locked_until").unwrap(), start_time() + Duration::minutes(1));

    // The first lock lasts a minute; success resets the count.
    s.clock.advance(Duration::seconds(61));
    s.token("ana@example.com", PASSWORD).await;
    let row = s.query_one("SELECT failed_login_count FROM users WHERE id = $1", vec![id.into()]).await;
    assert_eq!(row.try_get::<i32>("", "failed_login_count").unwrap(), 0);

    // The lock grows: 5 + 5 failures lock for 5 minutes.
    for _ in 0..5 {
        s.login("ana@example.com", "wrong password, again").await;
    }
    s.clock.advance(Duration::seconds(61));
    for _ in 0..5 {
        s.login("ana@example.com", "wrong password, again").await;
    }
    s.clock.advance(Duration::minutes(4));
    assert_invalid_login(&s.login("ana@example.com", PASSWORD).await);
    s.clock.advance(Duration::seconds(61));
    s.token("ana@example.com", PASSWORD).await;

    // A permanent lock holds whatever the time.
    s.sql(&format!("UPDATE users SET permanently_locked = true WHERE id = '{id}'")).await;
    assert_invalid_login(&s.login("ana@example.com", PASSWORD).await);
}

#[tokio::test]
async fn failures_are_throttled_per_address() {
    let s = AuthServer::start_with(Config { trust_proxy: true, ..Config::default() }).await;
    s.user("ana@example.com", Role::Analyst).await;
    let attacker = [("x-forwarded-for", "203.0.113.7")];
    let other = [("x-forwarded-for", "198.51.100.1")];
    for i in 0..20 {
        assert_invalid_login(&s.login_from(&attacker, &format!("guess{i}@example.com"), PASSWORD).await);
    }
    // The address has used up its 20 failures: even a right password is refused from it.
    assert_invalid_login(&s.login_from(&attacker, "ana@example.com", PASSWORD).await);
    let (_, error, _, _) = s.last_audit("LOGIN_ERROR").await;
    assert_eq!(error.as_deref(), Some("too_many_attempts_from_address"));
    // Another address is not affected, and the account was never locked.
    let body = s.login_from(&other, "ana@example.com", PASSWORD).await;
    assert!(body["data"]["login"]["token"].is_string(), "{body}");
    // After the window, the address may try again.
    s.clock.advance(Duration::minutes(15));
    let body = s.login_from(&attacker, "ana@example.com", PASSWORD).await;
    assert!(body["data"]["login"]["token"].is_string(), "{body}");
    let row = s
        .query_one(
            "SELECT ip::text AS ip FROM iam_audit_logs WHERE event_type = 'LOGIN' ORDER BY seq DESC LIMIT 1",
            vec![],
        )
        .await;
    assert_eq!(row.try_get::<String>("", "ip").unwrap(), "203.0.113.7/32", "the forwarded address is audited");
}

#[tokio::test]
async fn totp_gates_the_session_and_each_code_works_once() {
    let s = AuthServer::start().await;
    let id = s.user("ana@example.com", Role::Admin).await;
    let token = s.token("ana@example.com", PASSWORD).await;
    let body = s.gql(Some(&token), "mutation { enrollTotp { secret otpauthUri } }", json!({})).await;
    let secret = body["data"]["enrollTotp"]["secret"].as_str().unwrap_or_else(|| panic!("{body}")).to_string();
    assert_eq!(secret.len(), 32, "20 bytes in base32");
    assert_eq!(
        body["data"]["enrollTotp"]["otpauthUri"],
        format!(
            "otpauth://totp/CyberShield:ana@example.com?secret={secret}&issuer=CyberShield&algorithm=SHA1&digits=6&period=30"
        )
    );
    let seed = base32_decode(&secret);
    let confirm = "mutation($c: String!) { confirmTotp(code: $c) }";
    let code = mfa::totp_code(&seed, s.clock.now());
    let wrong = s.gql(Some(&token), confirm, json!({ "c": wrong_code(&seed, s.clock.now()) })).await;
    assert_eq!(error_code(&wrong), Some("BAD_USER_INPUT"), "{wrong}");
    let body = s.gql(Some(&token), confirm, json!({ "c": code })).await;
    let backup = body["data"]["confirmTotp"].as_array().unwrap_or_else(|| panic!("{body}"));
    assert_eq!(backup.len(), 10);
    assert!(s.last_audit("UPDATE_TOTP").await.0);
    let me = s.gql(Some(&token), ME, json!({})).await;
    assert_eq!(me["data"]["me"]["mfaEnabled"], true, "{me}");
    assert_eq!(me["data"]["me"]["mfaVerified"], true, "the enrolling session proved the factor");
    let again = s.gql(Some(&token), "mutation { enrollTotp { secret } }", json!({})).await;
    assert_eq!(error_code(&again), Some("CONFLICT"), "{again}");

    // A new login needs the second factor: until then, only verifyMfa (and logout) answer.
    let body = s.login("ana@example.com", PASSWORD).await;
    assert_eq!(body["data"]["login"]["mfaRequired"], true, "{body}");
    let pending = body["data"]["login"]["token"].as_str().unwrap().to_string();
    assert_unauthenticated(&s.gql(Some(&pending), ME, json!({})).await);
    assert_unauthenticated(&s.gql(Some(&pending), "mutation { regenerateBackupCodes }", json!({})).await);
    assert_unauthenticated(&s.gql(Some(&pending), "mutation { enrollTotp { secret } }", json!({})).await);
    assert_unauthenticated(
        &s.gql(
            Some(&pending),
            "mutation { changePassword(currentPassword: \"x\", newPassword: \"yyyyyyyyyyyyyy\") { token } }",
            json!({}),
        )
        .await,
    );

    // The code that confirmed the enrolment was used: replay refused.
    let replay = s.verify_mfa(&pending, &code).await;
    assert_unauthenticated(&replay);
    assert_eq!(error_message(&replay), Some("invalid or already used code"));
    // The next step's code (within the window) works, once.
    let next = mfa::totp_code(&seed, s.clock.now() + Duration::seconds(30));
    let body = s.verify_mfa(&pending, &next).await;
    assert_eq!(body["data"]["verifyMfa"], true, "{body}");
    let me = s.gql(Some(&pending), ME, json!({})).await;
    assert_eq!(me["data"]["me"]["mfaVerified"], true, "{me}");
    let row = s
        .query_one(
            "SELECT mfa_method FROM iam_sessions WHERE token_hash = $1",
            vec![cybershield_iam::auth::session::token_hash(&pending).into()],
        )
        .await;
    assert_eq!(row.try_get::<String>("", "mfa_method").unwrap(), "totp");

    let another = s.login("ana@example.com", PASSWORD).await["data"]["login"]["token"].as_str().unwrap().to_string();
    assert_unauthenticated(&s.verify_mfa(&another, &next).await);
    s.clock.advance(Duration::seconds(30));
    assert_unauthenticated(&s.verify_mfa(&another, &next).await);
    // Codes too old or too far ahead are refused; the current step's code works.
    assert_unauthenticated(
        &s.verify_mfa(&another, &mfa::totp_code(&seed, s.clock.now() - Duration::seconds(90))).await,
    );
    assert_unauthenticated(
        &s.verify_mfa(&another, &mfa::totp_code(&seed, s.clock.now() + Duration::seconds(60))).await,
    );
    let body = s.verify_mfa(&another, &mfa::totp_code(&seed, s.clock.now() + Duration::seconds(30))).await;
    assert_eq!(body["data"]["verifyMfa"], true, "{body}");
    let (success, _, details, _) = s.last_audit("LOGIN").await;
    assert!(success);
    assert_eq!(details["step"], "mfa");

    // Wrong codes count as failed logins: the fifth locks the account (and its sessions).
    let locking = s.login("ana@example.com", PASSWORD).await["data"]["login"]["token"].as_str().unwrap().to_string();
    let wrong = wrong_code(&seed, s.clock.now());
    for _ in 0..5 {
        assert_unauthenticated(&s.verify_mfa(&locking, &wrong).await);
    }
    let row = s.query_one("SELECT locked_until FROM users WHERE id = $1", vec![id.into()]).await;
    assert!(row.try_get::<Option<DateTime<Utc>>>("", "locked_until").unwrap().is_some());
    assert_unauthenticated(&s.gql(Some(&pending), ME, json!({})).await);
}

#[tokio::test]
async fn backup_codes_work_once_and_regeneration_replaces_them() {
    let s = AuthServer::start().await;
    s.user("ana@example.com", Role::SecurityManager).await;
    let token = s.token("ana@example.com", PASSWORD).await;
    let (_, codes) = s.enable_totp(&token).await;
    assert_eq!(codes.len(), 10);
    assert!(codes.iter().all(|c| c.len() == 19), "{codes:?}");

    let stored = s
        .query_one("SELECT count(*) AS n FROM mfa_backup_codes WHERE code_hash = ANY($1)", vec![codes.clone().into()])
        .await;
    assert_eq!(stored.try_get::<i64>("", "n").unwrap(), 0, "codes are stored only as hashes");

    let first = s.login("ana@example.com", PASSWORD).await["data"]["login"]["token"].as_str().unwrap().to_string();
    // Typed loosely: lower case, spaces instead of dashes.
    let body = s.verify_mfa(&first, &codes[0].to_lowercase().replace('-', " ")).await;
    assert_eq!(body["data"]["verifyMfa"], true, "{body}");
    assert!(s.gql(Some(&first), ME, json!({})).await["data"]["me"]["id"].is_string());

    let second = s.login("ana@example.com", PASSWORD).await["data"]["login"]["token"].as_str().unwrap().to_string();
    assert_unauthenticated(&s.verify_mfa(&second, &codes[0]).await);
    assert_eq!(s.verify_mfa(&second, &codes[1]).await["data"]["verifyMfa"], true);

    let body = s.gql(Some(&second), "mutation { regenerateBackupCodes }", json!({})).await;
    let fresh: Vec<String> = body["data"]["regenerateBackupCodes"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    assert_eq!(fresh.len(), 10);
    assert!(s.last_audit("UPDATE_CREDENTIAL").await.0);
    let third = s.login("ana@example.com", PASSWORD).await["data"]["login"]["token"].as_str().unwrap().to_string();
    assert_unauthenticated(&s.verify_mfa(&third, &codes[2]).await);
    assert_eq!(s.verify_mfa(&third, &fresh[0]).await["data"]["verifyMfa"], true);
    let row = s.query_one("SELECT count(*) AS n FROM mfa_backup_codes WHERE invalidated_at IS NOT NULL", vec![]).await;
    assert_eq!(row.try_get::<i64>("", "n").unwrap(), 8, "the unused codes of the first batch");
}

#[tokio::test]
async fn the_totp_seed_is_stored_encrypted() {
    let s = AuthServer::start().await;
    let id = s.user("ana@example.com", Role::Auditor).await;
    let token = s.token("ana@example.com", PASSWORD).await;
    let (seed, _) = s.enable_totp(&token).await;
    assert_eq!(seed.len(), 20);
    let row = s
        .query_one(
            "SELECT secret_encrypted, key_id FROM mfa_devices WHERE user_id = $1 AND status = 'active'",
            vec![id.into()],
        )
        .await;
    let raw: Vec<u8> = row.try_get("", "secret_encrypted").unwrap();
    assert!(!raw.windows(seed.len()).any(|w| w == seed.as_slice()), "the seed is not in the column");
    let base32 = data_base32(&seed);
    assert!(!String::from_utf8_lossy(&raw).contains(&base32));
    assert_eq!(raw[0], cybershield_core::crypto::ENVELOPE_VERSION);
    assert_eq!(raw[1..9], s.keys.key_id(), "the envelope names the key");
    assert_eq!(s.keys.decrypt(&raw).unwrap(), seed);
    assert!(row.try_get::<Option<Uuid>>("", "key_id").unwrap().is_none());
}

fn data_base32(seed: &[u8]) -> String {
    mfa::seed_base32(seed)
}

/// `cybershield user …` with `stdin` piped in, against `url`.
fn cybershield_user(args: &[&str], url: &str, stdin: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_cybershield"))
        .args(args)
        .env_clear()
        .env("DATABASE_URL", url)
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run cybershield");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[tokio::test]
async fn the_cli_creates_an_admin_from_stdin() {
    let s = AuthServer::start().await;
    s.sql("INSERT INTO teams (name, slug) VALUES ('AppSec', 'appsec')").await;
    let url = s.test_db.url.clone();
    let create = [
        "user",
        "create",
        "--email",
        "root@example.com",
        "--role",
        "admin",
        "--display-name",
        "First Admin",
        "--team",
        "appsec",
    ];
    let output = {
        let url = url.clone();
        tokio::task::spawn_blocking(move || cybershield_user(&create, &url, &format!("{PASSWORD}\n"))).await.unwrap()
    };
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert!(output.status.success(), "stdout: {stdout}\nstderr: {stderr}");
    let id: Uuid = stdout.trim().parse().unwrap_or_else(|_| panic!("stdout is the id: {stdout}"));
    assert!(!stderr.contains(PASSWORD) && !stdout.contains(PASSWORD));

    let token = s.token("root@example.com", PASSWORD).await;
    let me = s.gql(Some(&token), ME, json!({})).await;
    assert_eq!(me["data"]["me"]["id"], id.to_string(), "{me}");
    assert_eq!(me["data"]["me"]["role"], "ADMIN");
    assert_eq!(me["data"]["me"]["username"], "root@example.com");
    assert_eq!(me["data"]["me"]["displayName"], "First Admin");
    assert_eq!(me["data"]["me"]["teamIds"].as_array().unwrap().len(), 1);
    let row = s.query_one("SELECT password_hash FROM users WHERE id = $1", vec![id.into()]).await;
    assert!(row.try_get::<String>("", "password_hash").unwrap().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));

    // Same e-mail again: refused; a short password: refused by the policy.
    let again = {
        let url = url.clone();
        tokio::task::spawn_blocking(move || cybershield_user(&create, &url, &format!("{PASSWORD}\n"))).await.unwrap()
    };
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"), "{again:?}");
    let short = {
        let url = url.clone();
        tokio::task::spawn_blocking(move || {
            cybershield_user(&["user", "create", "--email", "b@example.com", "--role", "viewer"], &url, "short\n")
        })
        .await
        .unwrap()
    };
    assert_eq!(short.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 12 characters"), "{short:?}");

    // set-password replaces the password and ends the sessions.
    const NEW: &str = "another long passphrase";
    let reset = tokio::task::spawn_blocking(move || {
        cybershield_user(&["user", "set-password", "--email", "root@example.com"], &url, NEW)
    })
    .await
    .unwrap();
    assert!(reset.status.success(), "{reset:?}");
    assert_unauthenticated(&s.gql(Some(&token), ME, json!({})).await);
    s.token("root@example.com", NEW).await;
}

#[test]
fn serve_on_an_external_database_needs_a_secret_key() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_cybershield"))
        .arg("serve")
        .env_clear()
        .env("DATABASE_URL", "postgres://postgres@127.0.0.1:1/cybershield")
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("CYBERSHIELD_SECRET_KEY is not set"), "{stderr}");
    assert!(stderr.contains("openssl rand -base64 32"), "{stderr}");
}

#[tokio::test]
async fn over_http_an_analyst_reads_and_writes_only_within_their_teams() {
    let server = AuthServer::start().await;
    let (red, blue) = (Uuid::now_v7(), Uuid::now_v7());
    server
        .sql(&format!(
            "INSERT INTO teams (id, name, slug) VALUES ('{red}', 'Red', 'red'), ('{blue}', 'Blue', 'blue');
             INSERT INTO projects (id, name, team_id) VALUES (gen_random_uuid(), 'red-project', '{red}'),
                                                            (gen_random_uuid(), 'blue-project', '{blue}');"
        ))
        .await;
    let user = NewUser {
        email: "analyst@example.com".into(),
        role: Role::Analyst,
        username: None,
        display_name: None,
        teams: vec!["red".into()],
    };
    create_user(&server.test_db.db, &user, PASSWORD, server.clock.now()).await.unwrap();
    let token = server.token("analyst@example.com", PASSWORD).await;

    let body = server.gql(Some(&token), "{ projects { nodes { name } } }", json!({})).await;
    assert_eq!(body["data"]["projects"]["nodes"], json!([{"name": "red-project"}]), "{body}");
    let body = server
        .gql(
            Some(&token),
            "mutation($t: UUID!) { createProject(input: {name: \"sneaky\", teamId: $t}) { id } }",
            json!({"t": blue}),
        )
        .await;
    assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    let body = server
        .gql(
            Some(&token),
            "mutation($t: UUID!) { createProject(input: {name: \"mine\", teamId: $t}) { id } }",
            json!({"t": red}),
        )
        .await;
    assert!(body["data"]["createProject"]["id"].is_string(), "{body}");
    // The mutation left its audit entry, naming the actor and the resource.
    let row = server
        .query_one(
            "SELECT count(*) AS n FROM iam_audit_logs WHERE event_type = 'CREATE' AND resource_type = 'projects'",
            vec![],
        )
        .await;
    assert_eq!(row.try_get::<i64>("", "n").unwrap(), 1);
    let body = server.gql(Some(&token), "{ teams { nodes { name } } }", json!({})).await;
    assert_eq!(body["data"]["teams"]["nodes"], json!([{"name": "Red"}]), "{body}");
}
