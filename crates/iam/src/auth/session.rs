//! Opaque bearer tokens and the `iam_sessions` rows behind them.
//!
//! A token is 32 bytes from the OS RNG, base64url without padding (43 characters); only its
//! SHA-256 (hex) is stored, so a database leak yields no usable token. A session ends when idle
//! for 30 minutes (every use slides that), 12 hours after it started, or when revoked.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use cybershield_core::auth::{Role, Viewer};
use cybershield_core::error::ApiError;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, Value};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// A session unused for this long is over.
pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
/// No session lives longer than this, however busy.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);

/// A fresh token, as handed to the client once.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random number generator failed");
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What `iam_sessions.token_hash` holds for `token`: SHA-256, lower-case hex. A fast hash is
/// enough: the token has 256 bits of entropy, so it cannot be guessed from its hash.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn stmt(sql: &str, values: Vec<Value>) -> Statement {
    Statement::from_sql_and_values(DbBackend::Postgres, sql, values)
}

/// A session just issued: the token (shown once) and when it lapses if unused.
#[derive(Debug, Clone)]
pub struct IssuedSession {
    pub session_id: Uuid,
    pub token: String,
    pub expires_at: DateTime<Utc>,
    /// The account has a second factor and this session has not passed it yet.
    pub mfa_required: bool,
}

/// How a new session starts.
pub struct NewSession<'a> {
    pub user_id: Uuid,
    /// `iam_sessions.auth_method`: `password` for a login.
    pub auth_method: &'a str,
    /// Set when the session starts with the second factor already passed.
    pub mfa_verified_at: Option<DateTime<Utc>>,
    /// `iam_sessions.mfa_method`: `none` unless `mfa_verified_at` is set.
    pub mfa_method: &'a str,
    pub ip: Option<&'a str>,
    pub user_agent: Option<&'a str>,
}

/// Inserts a session and returns its token. `mfa_required` is filled in by the caller.
pub async fn create(
    conn: &impl ConnectionTrait,
    new: &NewSession<'_>,
    now: DateTime<Utc>,
) -> Result<IssuedSession, ApiError> {
    let token = new_token();
    let idle = now + IDLE_TIMEOUT;
    let row = conn
        .query_one_raw(stmt(
            "INSERT INTO iam_sessions (user_id, token_hash, auth_method, mfa_method, mfa_verified_at, ip, user_agent, \
             started_at, last_seen_at, idle_expires_at, absolute_expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6::inet, $7, $8, $8, $9, $10) RETURNING id",
            vec![
                new.user_id.into(),
                token_hash(&token).into(),
                new.auth_method.into(),
                new.mfa_method.into(),
                new.mfa_verified_at.into(),
                new.ip.map(str::to_string).into(),
                new.user_agent.map(|ua| truncate(ua, 512)).into(),
                now.into(),
                idle.into(),
                (now + ABSOLUTE_TIMEOUT).into(),
            ],
        ))
        .await?
        .ok_or_else(|| ApiError::Internal("internal error".into()))?;
    Ok(IssuedSession { session_id: row.try_get("", "id")?, token, expires_at: idle, mfa_required: false })
}

/// How often a busy session's idle expiry is pushed forward. Sliding it on every request made
/// each read a write, serialised on the session's row when one token is used concurrently; once
/// a minute costs one write per session per minute, and a session idles out 29 to 30 minutes
/// after its last use.
pub const TOUCH_INTERVAL: Duration = Duration::minutes(1);

/// Resolves a bearer token into its viewer, in one read: the session must be neither revoked nor
/// expired at `now`, and its user active, not deleted and not locked. Using the session slides
/// its idle expiry (never past the absolute one) when it was last slid more than
/// [`TOUCH_INTERVAL`] ago: a second statement, once a minute per session. Anything else: `None`.
pub async fn authenticate(
    db: &DatabaseConnection,
    bearer_token: &str,
    now: DateTime<Utc>,
) -> Result<Option<Viewer>, ApiError> {
    // A token is 43 characters; anything much longer is not one of ours (and is not hashed).
    if bearer_token.is_empty() || bearer_token.len() > 256 {
        return Ok(None);
    }
    let row = db
        .query_one_raw(stmt(
            "SELECT s.id, s.user_id, s.last_seen_at, u.role, u.mfa_enabled, \
               (s.mfa_verified_at IS NOT NULL OR NOT u.mfa_enabled) AS mfa_verified, \
               ARRAY(SELECT tm.team_id FROM team_members tm WHERE tm.user_id = u.id ORDER BY tm.team_id) AS team_ids \
             FROM iam_sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 \
               AND s.revoked_at IS NULL AND s.idle_expires_at > $2 AND s.absolute_expires_at > $2 \
               AND u.is_active AND u.deleted_at IS NULL AND NOT u.permanently_locked \
               AND (u.locked_until IS NULL OR u.locked_until <= $2)",
            vec![token_hash(bearer_token).into(), now.into()],
        ))
        .await?;
    let Some(row) = row else { return Ok(None) };
    let session_id: Uuid = row.try_get("", "id")?;
    let last_seen: DateTime<Utc> = row.try_get("", "last_seen_at")?;
    if last_seen <= now - TOUCH_INTERVAL {
        // Re-checked on the row it locks, so concurrent requests of one session slide it once.
        db.execute_raw(stmt(
            "UPDATE iam_sessions SET last_seen_at = $2, idle_expires_at = LEAST($3, absolute_expires_at) \
             WHERE id = $1 AND last_seen_at <= $4",
            vec![session_id.into(), now.into(), (now + IDLE_TIMEOUT).into(), (now - TOUCH_INTERVAL).into()],
        ))
        .await?;
    }
    let role: String = row.try_get("", "role")?;
    let Some(role) = Role::parse(&role) else {
        tracing::error!(role, "a user has a role the platform does not know");
        return Ok(None);
    };
    Ok(Some(Viewer {
        session_id,
        user_id: row.try_get("", "user_id")?,
        role,
        team_ids: row.try_get("", "team_ids")?,
        mfa_verified: row.try_get("", "mfa_verified")?,
        mfa_enabled: row.try_get("", "mfa_enabled")?,
    }))
}

/// Revokes one session (if still open). Returns whether it was open.
pub async fn revoke(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let result = conn
        .execute_raw(stmt(
            "UPDATE iam_sessions SET revoked_at = $2, revoke_reason = $3, updated_at = $2 \
             WHERE id = $1 AND revoked_at IS NULL",
            vec![session_id.into(), now.into(), reason.into()],
        ))
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Revokes every open session of a user. Returns how many were open.
pub async fn revoke_all(
    conn: &impl ConnectionTrait,
    user_id: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<u64, ApiError> {
    let result = conn
        .execute_raw(stmt(
            "UPDATE iam_sessions SET revoked_at = $2, revoke_reason = $3, updated_at = $2 \
             WHERE user_id = $1 AND revoked_at IS NULL",
            vec![user_id.into(), now.into(), reason.into()],
        ))
        .await?;
    Ok(result.rows_affected())
}

/// Marks a session as having passed the second factor.
pub async fn mark_mfa_verified(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
    method: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    conn.execute_raw(stmt(
        "UPDATE iam_sessions SET mfa_verified_at = $2, mfa_method = $3, updated_at = $2 WHERE id = $1",
        vec![session_id.into(), now.into(), method.into()],
    ))
    .await?;
    Ok(())
}

fn truncate(text: &str, max_chars: usize) -> String {
    text.chars().take(max_chars).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_bit_base64url() {
        let token = new_token();
        assert_eq!(token.len(), 43);
        assert_eq!(URL_SAFE_NO_PAD.decode(&token).unwrap().len(), 32);
        assert_ne!(token, new_token());
    }

    #[test]
    fn token_hashes_are_sha256_hex() {
        assert_eq!(token_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
