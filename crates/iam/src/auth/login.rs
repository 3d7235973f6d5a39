//! Login, throttling and password change.
//!
//! Every failure answers the same "invalid email or password", whatever failed (unknown e-mail,
//! wrong password, locked or disabled account, too many attempts from the address), and an
//! unknown e-mail still costs one argon2 verification, so neither the text nor the timing tells
//! whether an account exists. What really failed goes to the audit trail.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use cybershield_core::auth::{RequestMeta, Viewer};
use cybershield_core::error::ApiError;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use super::audit::{self, Event};
use super::password;
use super::session::{self, IssuedSession, NewSession, stmt};

/// The one answer to a failed login.
pub const INVALID_CREDENTIALS: &str = "invalid email or password";

/// Consecutive failures that lock an account; every further multiple locks it again, longer.
pub const FAILURES_BEFORE_LOCK: i32 = 5;
/// How long the 1st, 2nd, 3rd… lock lasts; the last step repeats.
pub const LOCK_STEPS: [Duration; 4] =
    [Duration::minutes(1), Duration::minutes(5), Duration::minutes(15), Duration::hours(1)];

fn invalid() -> ApiError {
    ApiError::Unauthenticated(INVALID_CREDENTIALS.into())
}

/// The lock that the `failures`-th consecutive failure starts, if any.
pub fn lock_after(failures: i32) -> Option<Duration> {
    if failures < FAILURES_BEFORE_LOCK || failures % FAILURES_BEFORE_LOCK != 0 {
        return None;
    }
    let nth = (failures / FAILURES_BEFORE_LOCK - 1) as usize;
    Some(LOCK_STEPS[nth.min(LOCK_STEPS.len() - 1)])
}

/// Failed attempts per client address, in this process: at most `max_failures` within `window`,
/// then every attempt from that address fails until the oldest failure leaves the window.
///
/// It lives in the gateway process, so each replica counts on its own (and a restart forgets):
/// a bound on one process's exposure, on top of the per-account lock kept in the database.
pub struct LoginThrottle {
    max_failures: usize,
    window: Duration,
    state: Mutex<ThrottleState>,
}

#[derive(Default)]
struct ThrottleState {
    failures: HashMap<String, VecDeque<DateTime<Utc>>>,
    since_sweep: usize,
}

/// How many recordings between two sweeps of addresses whose failures all aged out.
const SWEEP_EVERY: usize = 1024;

impl Default for LoginThrottle {
    /// 20 failures per address per 15 minutes.
    fn default() -> Self {
        LoginThrottle::new(20, Duration::minutes(15))
    }
}

impl LoginThrottle {
    pub fn new(max_failures: usize, window: Duration) -> Self {
        LoginThrottle { max_failures, window, state: Mutex::new(ThrottleState::default()) }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ThrottleState> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether `address` has used up its failures at `now`.
    pub fn is_blocked(&self, address: &str, now: DateTime<Utc>) -> bool {
        let mut state = self.lock();
        let Some(times) = state.failures.get_mut(address) else { return false };
        let horizon = now - self.window;
        while times.front().is_some_and(|t| *t <= horizon) {
            times.pop_front();
        }
        times.len() >= self.max_failures
    }

    /// Counts one failure of `address` at `now`.
    pub fn record_failure(&self, address: &str, now: DateTime<Utc>) {
        let mut state = self.lock();
        let horizon = now - self.window;
        let times = state.failures.entry(address.to_string()).or_default();
        while times.front().is_some_and(|t| *t <= horizon) {
            times.pop_front();
        }
        times.push_back(now);
        // Only the newest `max_failures` matter for the decision.
        while times.len() > self.max_failures {
            times.pop_front();
        }
        state.since_sweep += 1;
        if state.since_sweep >= SWEEP_EVERY {
            state.since_sweep = 0;
            state.failures.retain(|_, times| times.back().is_some_and(|t| *t > horizon));
        }
    }

    /// Addresses currently tracked (for tests and metrics).
    pub fn tracked(&self) -> usize {
        self.lock().failures.len()
    }
}

/// The throttle's key for a request's address: the IPv4 address, or the /64 network of an IPv6
/// one (a single host usually holds a whole /64, so counting addresses would count nothing).
/// Requests without an address share one key.
pub(crate) fn address(meta: &RequestMeta) -> String {
    match meta.ip.as_deref().map(|ip| ip.parse::<std::net::IpAddr>()) {
        Some(Ok(std::net::IpAddr::V6(v6))) if v6.to_ipv4_mapped().is_none() => {
            let network = u128::from(v6) & !((1u128 << 64) - 1);
            format!("{}/64", std::net::Ipv6Addr::from(network))
        }
        Some(Ok(ip)) => ip.to_canonical().to_string(),
        Some(Err(_)) => meta.ip.clone().unwrap_or_default(),
        None => "unknown".to_string(),
    }
}

struct Account {
    id: Uuid,
    password_hash: Option<String>,
    is_active: bool,
    locked: bool,
    mfa_enabled: bool,
}

/// Counts a failed first or second factor against the account; locks it when the count reaches
/// a multiple of [`FAILURES_BEFORE_LOCK`]. Returns the new count and the lock's end, if any.
pub(crate) async fn register_failure(
    conn: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(i32, Option<DateTime<Utc>>), ApiError> {
    let row = conn
        .query_one_raw(stmt(
            "UPDATE users SET failed_login_count = failed_login_count + 1, updated_at = $2 WHERE id = $1 \
             RETURNING failed_login_count",
            vec![user_id.into(), now.into()],
        ))
        .await?
        .ok_or_else(|| ApiError::Internal("internal error".into()))?;
    let count: i32 = row.try_get("", "failed_login_count")?;
    let Some(lock) = lock_after(count) else { return Ok((count, None)) };
    let until = now + lock;
    conn.execute_raw(stmt("UPDATE users SET locked_until = $2 WHERE id = $1", vec![user_id.into(), until.into()]))
        .await?;
    Ok((count, Some(until)))
}

/// Logs in with e-mail and password: a new session (which still needs the second factor when
/// the account has one), or [`INVALID_CREDENTIALS`]. Runs in its own transaction; failures are
/// counted and audited (committed) before the error is returned.
pub async fn login(
    db: &DatabaseConnection,
    throttle: &LoginThrottle,
    email: &str,
    password: &str,
    meta: &RequestMeta,
    now: DateTime<Utc>,
) -> Result<IssuedSession, ApiError> {
    let email = email.trim();
    let address = &address(meta);
    let tx = db.begin().await?;
    // The e-mail as audited: bounded, and without NUL (which jsonb cannot hold).
    let shown: String = email.chars().take(320).map(|c| if c == '\0' { '\u{fffd}' } else { c }).collect();
    let fail = |user: Option<Uuid>, reason: &'static str| {
        let mut event = Event::new("LOGIN_ERROR", meta).actor(user).failed(reason);
        event.details = json!({ "email": shown });
        event
    };
    if throttle.is_blocked(address, now) {
        audit::record(&tx, &fail(None, "too_many_attempts_from_address")).await?;
        tx.commit().await?;
        return Err(invalid());
    }
    // FOR UPDATE: concurrent attempts on one account are counted one after the other, so a burst
    // cannot slip past the lock.
    // What PostgreSQL would refuse as text (NUL) is an unknown account, not a different error.
    let row = if email.is_empty() || email.len() > 320 || email.contains('\0') {
        None
    } else {
        tx.query_one_raw(stmt(
            "SELECT id, password_hash, is_active, mfa_enabled, \
               (permanently_locked OR (locked_until IS NOT NULL AND locked_until > $2)) AS locked \
             FROM users WHERE email = $1::citext AND deleted_at IS NULL FOR UPDATE",
            vec![email.into(), now.into()],
        ))
        .await?
    };
    let account = match row {
        Some(row) => Some(Account {
            id: row.try_get("", "id")?,
            password_hash: row.try_get("", "password_hash")?,
            is_active: row.try_get("", "is_active")?,
            locked: row.try_get("", "locked")?,
            mfa_enabled: row.try_get("", "mfa_enabled")?,
        }),
        None => None,
    };
    let Some(account) = account else {
        password::verify_blocking(password.to_string(), None).await;
        throttle.record_failure(address, now);
        audit::record(&tx, &fail(None, "user_not_found")).await?;
        tx.commit().await?;
        return Err(invalid());
    };
    let matches = password::verify_blocking(password.to_string(), account.password_hash.clone()).await;
    let refusal = if !account.is_active {
        Some("user_disabled")
    } else if account.locked {
        Some("user_temporarily_disabled")
    } else if !matches {
        Some("invalid_user_credentials")
    } else {
        None
    };
    if let Some(reason) = refusal {
        throttle.record_failure(address, now);
        let mut event = fail(Some(account.id), reason);
        // A locked account's failures do not extend its lock.
        if reason == "invalid_user_credentials" {
            let (count, locked_until) = register_failure(&tx, account.id, now).await?;
            event.details = json!({ "email": shown, "failed_login_count": count, "locked_until": locked_until });
        }
        audit::record(&tx, &event).await?;
        tx.commit().await?;
        return Err(invalid());
    }
    tx.execute_raw(stmt(
        "UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = $2, \
         last_login_ip = $3::inet, updated_at = $2 WHERE id = $1",
        vec![account.id.into(), now.into(), meta.ip.clone().into()],
    ))
    .await?;
    let new = NewSession {
        user_id: account.id,
        auth_method: "password",
        mfa_verified_at: None,
        mfa_method: "none",
        ip: meta.ip.as_deref(),
        user_agent: meta.user_agent.as_deref(),
    };
    let mut issued = session::create(&tx, &new, now).await?;
    issued.mfa_required = account.mfa_enabled;
    let mut event = Event::new("LOGIN", meta).actor(Some(account.id)).session(Some(issued.session_id));
    event.details = json!({ "auth_method": "password", "mfa_required": account.mfa_enabled });
    audit::record(&tx, &event).await?;
    tx.commit().await?;
    Ok(issued)
}

/// Ends the viewer's session.
pub async fn logout(
    db: &DatabaseConnection,
    viewer: &Viewer,
    meta: &RequestMeta,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let tx = db.begin().await?;
    let ended = session::revoke(&tx, viewer.session_id, "logout", now).await?;
    let event = Event::new("LOGOUT", meta).actor(Some(viewer.user_id)).session(Some(viewer.session_id));
    audit::record(&tx, &event).await?;
    tx.commit().await?;
    Ok(ended)
}

/// Changes the viewer's password after checking the current one, revokes every session of the
/// user (reason `password_change`) and returns a new one, in the second-factor state of the
/// session that asked.
pub async fn change_password(
    db: &DatabaseConnection,
    viewer: &Viewer,
    current_password: &str,
    new_password: &str,
    meta: &RequestMeta,
    now: DateTime<Utc>,
) -> Result<IssuedSession, ApiError> {
    password::check_policy(new_password)?;
    let tx = db.begin().await?;
    let row = tx
        .query_one_raw(stmt(
            "SELECT u.password_hash, s.mfa_verified_at, s.mfa_method, u.mfa_enabled \
             FROM users u JOIN iam_sessions s ON s.id = $2 AND s.user_id = u.id \
             WHERE u.id = $1 FOR UPDATE OF u",
            vec![viewer.user_id.into(), viewer.session_id.into()],
        ))
        .await?
        .ok_or_else(|| ApiError::Unauthenticated("the session has ended".into()))?;
    let stored: Option<String> = row.try_get("", "password_hash")?;
    let mfa_verified_at: Option<DateTime<Utc>> = row.try_get("", "mfa_verified_at")?;
    let mfa_method: String = row.try_get("", "mfa_method")?;
    let mfa_enabled: bool = row.try_get("", "mfa_enabled")?;
    let base = Event::new("UPDATE_PASSWORD", meta).actor(Some(viewer.user_id)).session(Some(viewer.session_id));
    if !password::verify_blocking(current_password.to_string(), stored).await {
        // Counted like a failed login: a stolen session cannot try passwords without limit.
        let (count, locked_until) = register_failure(&tx, viewer.user_id, now).await?;
        let mut event = base.failed("invalid_user_credentials");
        event.details = json!({ "failed_login_count": count, "locked_until": locked_until });
        audit::record(&tx, &event).await?;
        tx.commit().await?;
        return Err(ApiError::bad_input("the current password is not correct"));
    }
    let hash = password::hash_blocking(new_password.to_string()).await?;
    tx.execute_raw(stmt(
        "UPDATE users SET password_hash = $2, password_changed_at = $3, reset_password_required = false, \
         failed_login_count = 0, locked_until = NULL, updated_at = $3 WHERE id = $1",
        vec![viewer.user_id.into(), hash.into(), now.into()],
    ))
    .await?;
    let revoked = session::revoke_all(&tx, viewer.user_id, "password_change", now).await?;
    let new = NewSession {
        user_id: viewer.user_id,
        auth_method: "password",
        mfa_verified_at,
        mfa_method: &mfa_method,
        ip: meta.ip.as_deref(),
        user_agent: meta.user_agent.as_deref(),
    };
    let mut issued = session::create(&tx, &new, now).await?;
    issued.mfa_required = mfa_enabled && mfa_verified_at.is_none();
    let mut event = base;
    event.details = json!({ "revoked_sessions": revoked, "new_session_id": issued.session_id });
    audit::record(&tx, &event).await?;
    tx.commit().await?;
    Ok(issued)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_grow_every_fifth_failure() {
        assert_eq!(lock_after(1), None);
        assert_eq!(lock_after(4), None);
        assert_eq!(lock_after(5), Some(Duration::minutes(1)));
        assert_eq!(lock_after(6), None);
        assert_eq!(lock_after(10), Some(Duration::minutes(5)));
        assert_eq!(lock_after(15), Some(Duration::minutes(15)));
        assert_eq!(lock_after(20), Some(Duration::hours(1)));
        assert_eq!(lock_after(500), Some(Duration::hours(1)));
    }

    #[test]
    fn the_throttle_counts_failures_per_address_within_the_window() {
        let throttle = LoginThrottle::new(3, Duration::minutes(15));
        let t0 = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        for i in 0..3 {
            assert!(!throttle.is_blocked("10.0.0.1", t0));
            throttle.record_failure("10.0.0.1", t0 + Duration::minutes(i));
        }
        assert!(throttle.is_blocked("10.0.0.1", t0 + Duration::minutes(3)));
        assert!(!throttle.is_blocked("10.0.0.2", t0 + Duration::minutes(3)), "per address");
        // The first failure (t0) leaves the window at t0 + 15 min.
        assert!(!throttle.is_blocked("10.0.0.1", t0 + Duration::minutes(15)));
    }

    #[test]
    fn ipv6_clients_are_counted_per_64_network() {
        let key = |ip: &str| address(&RequestMeta { ip: Some(ip.into()), ..Default::default() });
        assert_eq!(key("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:bbbb::9"), "2001:db8:1:2::/64");
        assert_eq!(key("203.0.113.7"), "203.0.113.7");
        assert_eq!(key("::ffff:203.0.113.7"), "203.0.113.7");
        assert_eq!(address(&RequestMeta::default()), "unknown");
    }

    #[test]
    fn the_throttle_forgets_idle_addresses() {
        let throttle = LoginThrottle::new(3, Duration::minutes(15));
        let t0 = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        for i in 0..SWEEP_EVERY - 1 {
            throttle.record_failure(&format!("10.0.{}.{}", i / 256, i % 256), t0);
        }
        assert_eq!(throttle.tracked(), SWEEP_EVERY - 1);
        throttle.record_failure("192.0.2.1", t0 + Duration::hours(1));
        assert_eq!(throttle.tracked(), 1);
    }
}
