//! The audit trail: one `iam_audit_logs` row per mutation, login, logout and MFA event, written
//! in the caller's transaction, and the check of its hash chain.
//!
//! The chain itself lives in PostgreSQL (iam migration `m20261129_200001_iam_audit_chain`): an
//! insert trigger appends under an advisory lock, numbers the entry (`seq`), links it to the
//! previous one (`prev_hash`) and seals it (`entry_hash`, computed by the SQL function
//! `iam_audit_entry_hash`); other triggers refuse UPDATE, DELETE and TRUNCATE. [`verify`] recomputes
//! the chain with the same SQL function, so writer and checker cannot drift apart.
//!
//! What the chain proves: an entry changed, deleted or inserted out of order after the fact is
//! found. What it cannot prove alone: that the newest entries were not cut off, or that the whole
//! tail was rewritten consistently by someone able to disable triggers; record the head
//! (`entry_hash` of the highest `seq`) outside the database to cover that.

use std::net::{IpAddr, SocketAddr};

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value as SqlValue};
use serde::Serialize;
use serde_json::{Map, Value};
use uuid::Uuid;

/// What replaces a secret value in audit data.
pub const REDACTED: &str = "[redacted]";

/// Longest user agent kept; longer ones are cut (the header is client-controlled).
const MAX_USER_AGENT_CHARS: usize = 512;

/// One audit event. Text fields take the database values of `iam_audit_logs`:
/// `actor_type` `user|service|system`; `category`
/// `authentication|administration|data_access|configuration|security`; `operation_type`
/// `CREATE|UPDATE|DELETE|ACTION`; login events use Keycloak names (`LOGIN`, `LOGIN_ERROR`,
/// `LOGOUT`, `UPDATE_PASSWORD`, `UPDATE_TOTP`, `REMOVE_TOTP`…).
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEvent<'a> {
    pub actor_user_id: Option<Uuid>,
    pub actor_type: &'a str,
    pub session_id: Option<Uuid>,
    pub category: &'a str,
    pub event_type: &'a str,
    pub operation_type: Option<&'a str>,
    pub resource_type: Option<&'a str>,
    /// E.g. `users/<id>` or `teams/<id>/members/<id>`.
    pub resource_path: Option<String>,
    /// The before/after [`diff`] of a mutation; secrets are stripped again on write.
    pub representation: Option<Value>,
    pub success: bool,
    /// Why the action failed, in words safe to keep (never a password or token).
    pub error: Option<String>,
    /// The client's address; a value that is not an IP address is kept in `details.ip_unparsed`.
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<Uuid>,
    /// Anything else worth keeping (a JSON object); secrets are stripped on write.
    pub details: Value,
}

impl<'a> AuditEvent<'a> {
    /// A successful event of the system with nothing else set; fill the rest with struct update
    /// syntax: `AuditEvent { actor_user_id: Some(id), actor_type: "user", ..AuditEvent::new("authentication", "LOGIN") }`.
    pub fn new(category: &'a str, event_type: &'a str) -> Self {
        AuditEvent {
            actor_user_id: None,
            actor_type: "system",
            session_id: None,
            category,
            event_type,
            operation_type: None,
            resource_type: None,
            resource_path: None,
            representation: None,
            success: true,
            error: None,
            ip: None,
            user_agent: None,
            request_id: None,
            details: Value::Object(Map::new()),
        }
    }
}

const INSERT: &str = "INSERT INTO iam_audit_logs (id, occurred_at, actor_user_id, actor_type, session_id, category, \
     event_type, operation_type, resource_type, resource_path, representation, success, error, ip, user_agent, \
     request_id, details) \
     VALUES ($1, now(), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::inet, $14, $15, $16)";

/// Appends one entry (id UUIDv7, `occurred_at` the transaction's `now()`). Run it on the
/// transaction of the action it records, so both commit or neither does; the chain columns are
/// filled by the database. Secrets in `representation` and `details` are stripped here too.
pub async fn record(conn: &impl ConnectionTrait, event: &AuditEvent<'_>) -> Result<(), DbErr> {
    let mut representation = event.representation.clone();
    if let Some(value) = representation.as_mut() {
        strip_secrets(value);
    }
    let mut details = event.details.clone();
    strip_secrets(&mut details);
    let ip = event.ip.as_deref().map(str::trim).filter(|s| !s.is_empty()).and_then(|raw| match parse_ip(raw) {
        Some(ip) => Some(ip.to_string()),
        None => {
            // An unusable address must not fail the action it records; keep what came.
            if let Value::Object(map) = &mut details {
                map.insert("ip_unparsed".into(), Value::String(raw.chars().take(100).collect()));
            }
            None
        }
    });
    let user_agent = event.user_agent.as_ref().map(|ua| ua.chars().take(MAX_USER_AGENT_CHARS).collect::<String>());
    let values: Vec<SqlValue> = vec![
        Uuid::now_v7().into(),
        event.actor_user_id.into(),
        event.actor_type.to_owned().into(),
        event.session_id.into(),
        event.category.to_owned().into(),
        event.event_type.to_owned().into(),
        event.operation_type.map(str::to_owned).into(),
        event.resource_type.map(str::to_owned).into(),
        event.resource_path.clone().into(),
        representation.into(),
        event.success.into(),
        event.error.clone().into(),
        ip.into(),
        user_agent.into(),
        event.request_id.into(),
        details.into(),
    ];
    conn.execute_raw(Statement::from_sql_and_values(DbBackend::Postgres, INSERT, values)).await.map(|_| ())
}

/// `10.0.0.1`, `::1`, and the same with a port (`10.0.0.1:443`, `[::1]:443`).
fn parse_ip(raw: &str) -> Option<IpAddr> {
    raw.parse::<IpAddr>().ok().or_else(|| raw.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

/// Replaces, at any depth, the value of every secret-looking key with [`REDACTED`]: keys ending
/// in `_hash`/`Hash` or `_encrypted`/`Encrypted`, and password, token, secret, credential and
/// API/private key names (`password`, `newPassword`, `access_token`, `client_secret`, `api_key`…).
/// Names that only mention a secret keep their value (`password_changed_at`, `token_format`,
/// `secret_ref`), and so do `null` and booleans, which never hold one (`capture_passwords`).
pub fn strip_secrets(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                if is_secret_key(key) && !matches!(item, Value::Null | Value::Bool(_)) {
                    *item = Value::String(REDACTED.into());
                } else {
                    strip_secrets(item);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_secrets),
        _ => {}
    }
}

/// Last words of a key that make its value a secret.
const SECRET_LAST_WORDS: &[&str] = &[
    "hash",
    "encrypted",
    "ciphertext",
    "password",
    "passwords",
    "passwd",
    "passphrase",
    "secret",
    "secrets",
    "token",
    "tokens",
    "credential",
    "credentials",
    "cookie",
    "cookies",
    "otp",
    "totp",
    "authorization",
    "apikey",
];

/// Words before a final `key` that make it a secret key (`metric_key`, `rule_key` are not).
const SECRET_KEY_QUALIFIERS: &[&str] =
    &["api", "private", "secret", "access", "signing", "client", "encryption", "master", "session", "hmac", "shared"];

fn is_secret_key(key: &str) -> bool {
    let words = key_words(key);
    match words.as_slice() {
        [] => false,
        [.., qualifier, last] if last == "key" => SECRET_KEY_QUALIFIERS.contains(&qualifier.as_str()),
        [.., last] => SECRET_LAST_WORDS.contains(&last.as_str()),
    }
}

/// Lower-case words of a snake, kebab or camel case name: `newPasswordHash` → new, password, hash;
/// `APIKey` → api, key.
fn key_words(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        let previous = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1);
        let boundary = c.is_uppercase()
            && previous.is_some_and(|p| {
                p.is_lowercase() || p.is_ascii_digit() || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
            });
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The `representation` of a mutation: `{"before": {…}, "after": {…}}` with only the keys whose
/// value changed (a key missing on one side is absent from that side), the whole row on one side
/// and `null` on the other for a create (`before` is `None`) or a delete (`after` is `None`), and
/// secrets stripped. A changed secret shows as [`REDACTED`] on both sides, so the change is seen
/// but not its value.
pub fn diff(before: Option<&Value>, after: Option<&Value>) -> Value {
    let (mut old, mut new) = match (before, after) {
        (Some(Value::Object(b)), Some(Value::Object(a))) => {
            let changed = |from: &Map<String, Value>, other: &Map<String, Value>| -> Map<String, Value> {
                from.iter().filter(|(k, v)| other.get(*k) != Some(*v)).map(|(k, v)| (k.clone(), v.clone())).collect()
            };
            (Value::Object(changed(b, a)), Value::Object(changed(a, b)))
        }
        (Some(b), Some(a)) if b == a => (Value::Object(Map::new()), Value::Object(Map::new())),
        (b, a) => (b.cloned().unwrap_or(Value::Null), a.cloned().unwrap_or(Value::Null)),
    };
    strip_secrets(&mut old);
    strip_secrets(&mut new);
    serde_json::json!({ "before": old, "after": new })
}

/// How the chain breaks at an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChainBreak {
    /// The first remaining entry links to a predecessor: entries before it were deleted.
    MissingPredecessor,
    /// `prev_hash` is not the `entry_hash` of the entry before it: an entry between them was
    /// deleted, or the one before was rewritten along with its hash.
    BrokenLink,
    /// The entry's content no longer matches its `entry_hash`: it was changed.
    ContentChanged,
}

impl ChainBreak {
    fn from_sql(reason: &str) -> Option<Self> {
        match reason {
            "missing_predecessor" => Some(ChainBreak::MissingPredecessor),
            "broken_link" => Some(ChainBreak::BrokenLink),
            "content_changed" => Some(ChainBreak::ContentChanged),
            _ => None,
        }
    }

    /// A sentence for an operator.
    pub fn describe(self) -> &'static str {
        match self {
            ChainBreak::MissingPredecessor => {
                "the first entry links to a predecessor that is missing (entries deleted)"
            }
            ChainBreak::BrokenLink => {
                "the entry does not link to the entry before it (an entry between them deleted, or the one before rewritten)"
            }
            ChainBreak::ContentChanged => "the entry's content does not match its hash (entry changed)",
        }
    }
}

/// The outcome of [`verify`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    /// Entries checked: the whole table.
    pub checked: u64,
    /// `seq` of the first entry (in chain order) where the chain breaks; `None`: intact.
    pub first_broken_seq: Option<i64>,
    pub first_broken_id: Option<Uuid>,
    pub reason: Option<ChainBreak>,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.first_broken_seq.is_none()
    }
}

/// One statement, so the chain is checked on one snapshot while appends go on. Gaps in `seq` are
/// normal (rolled-back appends); a deletion shows as a link that does not match.
const VERIFY: &str = "WITH chain AS ( \
       SELECT l.seq, l.id, l.prev_hash, l.entry_hash, iam_audit_entry_hash(l) AS recomputed, \
              lag(l.entry_hash) OVER (ORDER BY l.seq) AS previous_hash, \
              row_number() OVER (ORDER BY l.seq) AS position \
       FROM iam_audit_logs l \
     ), broken AS ( \
       SELECT seq, id, CASE \
           WHEN position = 1 AND prev_hash IS NOT NULL THEN 'missing_predecessor' \
           WHEN position > 1 AND prev_hash IS DISTINCT FROM previous_hash THEN 'broken_link' \
           WHEN entry_hash IS DISTINCT FROM recomputed THEN 'content_changed' \
         END AS reason \
       FROM chain \
     ) \
     SELECT (SELECT count(*) FROM chain) AS checked, b.seq, b.id, b.reason \
     FROM (SELECT 1) AS one \
     LEFT JOIN LATERAL (SELECT seq, id, reason FROM broken WHERE reason IS NOT NULL ORDER BY seq LIMIT 1) b ON true";

/// Recomputes the whole chain in PostgreSQL and reports the first break. Needs a role that sees
/// every entry (row-level security would hide some, which reads as deletions).
pub async fn verify(conn: &impl ConnectionTrait) -> Result<VerifyReport, DbErr> {
    let row = conn
        .query_one_raw(Statement::from_string(DbBackend::Postgres, VERIFY))
        .await?
        .ok_or_else(|| DbErr::Custom("the audit chain check returned no row".into()))?;
    let checked: i64 = row.try_get("", "checked")?;
    let reason: Option<String> = row.try_get("", "reason")?;
    Ok(VerifyReport {
        checked: u64::try_from(checked).unwrap_or_default(),
        first_broken_seq: row.try_get("", "seq")?,
        first_broken_id: row.try_get("", "id")?,
        reason: reason.as_deref().and_then(ChainBreak::from_sql),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn secret_keys_are_recognised_in_every_case_style() {
        for key in [
            "password",
            "password_hash",
            "passwordHash",
            "token_hash",
            "refreshTokenHash",
            "secret_encrypted",
            "credentialsEncrypted",
            "newPassword",
            "access_token",
            "client_secret",
            "api_key",
            "apiKey",
            "APIKey",
            "privateKey",
            "X-Api-Key",
            "Authorization",
        ] {
            assert!(is_secret_key(key), "{key} should be secret");
        }
        for key in [
            "password_changed_at",
            "reset_password_required",
            "token_format",
            "tokens_issued",
            "secret_ref",
            "credentials_secret_ref",
            "vault_secret_key_id",
            "metric_key",
            "key",
            "name",
            "hashed",
            "mfaEnabled",
        ] {
            assert!(!is_secret_key(key), "{key} should not be secret");
        }
    }

    #[test]
    fn strip_secrets_redacts_at_every_depth_and_keeps_the_rest() {
        let mut value = json!({
            "email": "a@example.com",
            "passwordHash": "$argon2id$v=19$…",
            "password_changed_at": "2026-11-29T10:00:00Z",
            "capture_passwords": true,
            "refresh_token_hash": null,
            "auth_config": {"client_id": "abc", "client_secret": "s3cr3t", "nested": [{"token": "t0k"}, {"ok": 1}]},
            "credentials": {"user": "u", "pass": "p"},
            "items": [{"api_key": "k"}, "plain"]
        });
        strip_secrets(&mut value);
        assert_eq!(
            value,
            json!({
                "email": "a@example.com",
                "passwordHash": REDACTED,
                "password_changed_at": "2026-11-29T10:00:00Z",
                "capture_passwords": true,
                "refresh_token_hash": null,
                "auth_config": {"client_id": "abc", "client_secret": REDACTED, "nested": [{"token": REDACTED}, {"ok": 1}]},
                "credentials": REDACTED,
                "items": [{"api_key": REDACTED}, "plain"]
            })
        );
    }

    #[test]
    fn diff_keeps_only_changed_keys_and_hides_secret_values() {
        let before = json!({"id": 1, "name": "a", "role": "viewer", "password_hash": "h1", "gone": true});
        let after = json!({"id": 1, "name": "b", "role": "viewer", "password_hash": "h2", "added": [1]});
        assert_eq!(
            diff(Some(&before), Some(&after)),
            json!({
                "before": {"name": "a", "password_hash": REDACTED, "gone": true},
                "after": {"name": "b", "password_hash": REDACTED, "added": [1]}
            })
        );
    }

    #[test]
    fn diff_of_a_create_or_delete_is_the_whole_row() {
        let row = json!({"id": 1, "name": "a", "token_hash": "h"});
        let stripped = json!({"id": 1, "name": "a", "token_hash": REDACTED});
        assert_eq!(diff(None, Some(&row)), json!({"before": null, "after": stripped}));
        assert_eq!(diff(Some(&row), None), json!({"before": stripped, "after": null}));
        assert_eq!(diff(Some(&row), Some(&row)), json!({"before": {}, "after": {}}));
        assert_eq!(diff(None, None), json!({"before": null, "after": null}));
    }

    #[test]
    fn key_words_split_snake_kebab_and_camel_case() {
        assert_eq!(key_words("newPasswordHash"), ["new", "password", "hash"]);
        assert_eq!(key_words("APIKey"), ["api", "key"]);
        assert_eq!(key_words("x-api-key"), ["x", "api", "key"]);
        assert_eq!(key_words("sha256Hash"), ["sha256", "hash"]);
        assert!(key_words("__").is_empty());
    }

    #[test]
    fn ip_addresses_with_and_without_a_port_are_understood() {
        assert_eq!(parse_ip("10.0.0.1"), Some("10.0.0.1".parse().unwrap()));
        assert_eq!(parse_ip("10.0.0.1:443"), Some("10.0.0.1".parse().unwrap()));
        assert_eq!(parse_ip("[::1]:443"), Some("::1".parse().unwrap()));
        assert_eq!(parse_ip("not an ip"), None);
    }
}
