//! The second factor: TOTP (RFC 6238) and single-use backup codes.
//!
//! TOTP: HMAC-SHA1, 6 digits, 30 s steps, codes of the previous and next step accepted (clock
//! drift). `mfa_devices.last_used_step` keeps the step of the last accepted code, and a code of
//! that step or an earlier one is refused: each code works once. The 20-byte seed is stored
//! encrypted with [`SecretKeys`] (the envelope carries the key id; `key_id` stays null).

use chrono::{DateTime, Utc};
use cybershield_core::auth::{RequestMeta, Viewer};
use cybershield_core::crypto::SecretKeys;
use cybershield_core::error::ApiError;
use hmac::{Hmac, KeyInit, Mac};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use serde_json::json;
use sha1::Sha1;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::audit::{self, Event};
use super::login::{LoginThrottle, address, register_failure};
use super::session::{self, hex, stmt};

/// Seconds per TOTP step.
pub const TOTP_PERIOD: i64 = 30;
/// Digits of a TOTP code.
pub const TOTP_DIGITS: u32 = 6;
/// Bytes of a TOTP seed (160 bits, RFC 4226's recommendation for HMAC-SHA1).
pub const TOTP_SEED_BYTES: usize = 20;
/// Backup codes per batch.
pub const BACKUP_CODES_PER_BATCH: usize = 10;
/// Random bytes per backup code: 80 bits, written as 16 base32 characters.
const BACKUP_CODE_BYTES: usize = 10;
/// The issuer shown by authenticator apps.
pub const ISSUER: &str = "CyberShield";

/// The code of `seed` for counter `counter` (RFC 4226 HOTP, dynamic truncation).
pub fn hotp(seed: &[u8], counter: u64) -> String {
    let mut mac = <Hmac<Sha1> as KeyInit>::new_from_slice(seed).expect("HMAC takes keys of any length");
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = (digest[digest.len() - 1] & 0x0f) as usize;
    let binary =
        u32::from_be_bytes([digest[offset], digest[offset + 1], digest[offset + 2], digest[offset + 3]]) & 0x7fff_ffff;
    format!("{:0width$}", binary % 10u32.pow(TOTP_DIGITS), width = TOTP_DIGITS as usize)
}

/// The TOTP step of `at`.
pub fn totp_step(at: DateTime<Utc>) -> i64 {
    at.timestamp().div_euclid(TOTP_PERIOD)
}

/// The TOTP code of `seed` at `at`.
pub fn totp_code(seed: &[u8], at: DateTime<Utc>) -> String {
    hotp(seed, totp_step(at) as u64)
}

/// The step whose code `code` is, among the previous, current and next step at `now`, and only
/// later than `last_used_step`; `None` when it matches none (wrong, expired or already used).
pub fn verify_totp(seed: &[u8], code: &str, now: DateTime<Utc>, last_used_step: Option<i64>) -> Option<i64> {
    let code = code.trim();
    if code.len() != TOTP_DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let current = totp_step(now);
    (current - 1..=current + 1)
        .filter(|step| *step >= 0 && last_used_step.is_none_or(|last| *step > last))
        .find(|step| constant_time_eq(hotp(seed, *step as u64).as_bytes(), code.as_bytes()))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The seed in base32 (RFC 4648, no padding), as authenticator apps take it.
pub fn seed_base32(seed: &[u8]) -> String {
    data_encoding::BASE32_NOPAD.encode(seed)
}

/// The `otpauth://` URI of a seed (Google Authenticator's key URI format).
pub fn otpauth_uri(email: &str, seed: &[u8]) -> String {
    format!(
        "otpauth://totp/{issuer}:{label}?secret={secret}&issuer={issuer}&algorithm=SHA1&digits={TOTP_DIGITS}&period={TOTP_PERIOD}",
        issuer = ISSUER,
        label = percent_encode(email),
        secret = seed_base32(seed),
    )
}

/// Percent-encodes all but RFC 3986's unreserved characters and `@` (allowed in a path, and
/// kept so that the account reads as an e-mail address in the app).
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A fresh backup code, `XXXX-XXXX-XXXX-XXXX` (80 random bits in base32).
pub fn new_backup_code() -> String {
    let mut bytes = [0u8; BACKUP_CODE_BYTES];
    getrandom::fill(&mut bytes).expect("the operating system's random number generator failed");
    let plain = data_encoding::BASE32_NOPAD.encode(&bytes);
    plain.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).expect("base32 is ASCII")).collect::<Vec<_>>().join("-")
}

/// A backup code as typed, in its canonical form: no separators or spaces, upper case.
fn normalize_backup_code(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_uppercase).collect()
}

/// What `mfa_backup_codes.code_hash` holds: SHA-256 (hex) of the canonical code. A slow hash
/// (argon2) would add nothing here: the codes carry 80 bits from the OS RNG, far beyond an
/// offline search, unlike passwords. A fast deterministic hash also lets one indexed UPDATE find
/// and consume a code atomically, which is what makes it single-use under concurrency.
pub fn backup_code_hash(code: &str) -> String {
    hex(&Sha256::digest(normalize_backup_code(code).as_bytes()))
}

/// A TOTP code looks like six digits; anything else is taken for a backup code.
fn looks_like_totp(code: &str) -> bool {
    let code = code.trim();
    code.len() == TOTP_DIGITS as usize && code.bytes().all(|b| b.is_ascii_digit())
}

fn internal(what: &str) -> ApiError {
    tracing::error!("{what}");
    ApiError::Internal("internal error".into())
}

/// A TOTP enrolment in progress: show the secret (or the URI as a QR code) once.
#[derive(Debug, Clone)]
pub struct TotpEnrollment {
    pub secret: String,
    pub otpauth_uri: String,
}

/// Starts a TOTP enrolment: a new pending device with a fresh seed (replacing any earlier
/// pending one). Refused when TOTP is already active on the account.
pub async fn enroll_totp(
    db: &DatabaseConnection,
    keys: &SecretKeys,
    viewer: &Viewer,
    meta: &RequestMeta,
    now: DateTime<Utc>,
) -> Result<TotpEnrollment, ApiError> {
    let tx = db.begin().await?;
    let row = tx
        .query_one_raw(stmt(
            "SELECT email::text AS email, EXISTS (SELECT 1 FROM mfa_devices d WHERE d.user_id = u.id \
               AND d.type = 'totp' AND d.status = 'active') AS active \
             FROM users u WHERE id = $1 FOR UPDATE",
            vec![viewer.user_id.into()],
        ))
        .await?
        .ok_or_else(|| ApiError::Unauthenticated("the session has ended".into()))?;
    let email: String = row.try_get("", "email")?;
    if row.try_get::<bool>("", "active")? {
        return Err(ApiError::Conflict("TOTP is already enrolled on this account".into()));
    }
    // An abandoned enrolment's seed is useless and still secret: drop it rather than keep it.
    tx.execute_raw(stmt(
        "DELETE FROM mfa_devices WHERE user_id = $1 AND type = 'totp' AND status = 'pending'",
        vec![viewer.user_id.into()],
    ))
    .await?;
    let mut seed = [0u8; TOTP_SEED_BYTES];
    getrandom::fill(&mut seed).expect("the operating system's random number generator failed");
    let row = tx
        .query_one_raw(stmt(
            "INSERT INTO mfa_devices (user_id, type, label, status, secret_encrypted, algorithm, digits, period_s, \
               created_at, updated_at) \
             VALUES ($1, 'totp', $2, 'pending', $3, 'HmacSHA1', $4, $5, $6, $6) RETURNING id",
            vec![
                viewer.user_id.into(),
                ISSUER.into(),
                keys.encrypt(&seed).into(),
                (TOTP_DIGITS as i16).into(),
                (TOTP_PERIOD as i16).into(),
                now.into(),
            ],
        ))
        .await?
        .ok_or_else(|| internal("inserting an MFA device returned no row"))?;
    let device: Uuid = row.try_get("", "id")?;
    let mut event = Event::new("UPDATE_TOTP", meta).actor(Some(viewer.user_id)).session(Some(viewer.session_id));
    event.details = json!({ "step": "enroll", "device_id": device });
    audit::record(&tx, &event).await?;
    tx.commit().await?;
    Ok(TotpEnrollment { secret: seed_base32(&seed), otpauth_uri: otpauth_uri(&email, &seed) })
}

fn decrypt_seed(keys: &SecretKeys, envelope: Option<Vec<u8>>) -> Result<Vec<u8>, ApiError> {
    let envelope = envelope.ok_or_else(|| internal("a TOTP device has no secret"))?;
    keys.decrypt(&envelope).map_err(|e| internal(&format!("cannot decrypt a TOTP secret: {e}")))
}

/// Confirms the pending TOTP enrolment with a first valid code: the device becomes active, the
/// account gets MFA, this session counts as verified, and the first backup codes are returned.
pub async fn confirm_totp(
    db: &DatabaseConnection,
    keys: &SecretKeys,
    viewer: &Viewer,
    code: &str,
    meta: &RequestMeta,
    now: DateTime<Utc>,
) -> Result<Vec<String>, ApiError> {
    let tx = db.begin().await?;
    let row = tx
        .query_one_raw(stmt(
            "SELECT id, secret_encrypted FROM mfa_devices \
             WHERE user_id = $1 AND type = 'totp' AND status = 'pending' \
             ORDER BY created_at DESC LIMIT 1 FOR UPDATE",
            vec![viewer.user_id.into()],
        ))
        .await?
        .ok_or_else(|| ApiError::bad_input("no TOTP enrolment is pending: call enrollTotp first"))?;
    let device: Uuid = row.try_get("", "id")?;
    let seed = decrypt_seed(keys, row.try_get("", "secret_encrypted")?)?;
    let event = Event::new("UPDATE_TOTP", meta).actor(Some(viewer.user_id)).session(Some(viewer.session_id));
    let Some(step) = verify_totp(&seed, code, now, None) else {
        let mut event = event.failed("invalid_totp");
        event.details = json!({ "step": "confirm", "device_id": device });
        audit::record(&tx, &event).await?;
        tx.commit().await?;
        return Err(ApiError::bad_input(
            "the code is not valid; check the authenticator's clock and try the next code",
        ));
    };
    tx.execute_raw(stmt(
        "UPDATE mfa_devices SET status = 'active', verified_at = $2, last_used_step = $3, last_used_at = $2, \
         updated_at = $2 WHERE id = $1",
        vec![device.into(), now.into(), step.into()],
    ))
    .await?;
    tx.execute_raw(stmt(
        "UPDATE users SET mfa_enabled = true, updated_at = $2 WHERE id = $1",
        vec![viewer.user_id.into(), now.into()],
    ))
    .await?;
    session::mark_mfa_verified(&tx, viewer.session_id, "totp", now).await?;
    let (batch, codes) = new_backup_batch(&tx, viewer.user_id, now).await?;
    let mut event = event;
    event.details = json!({ "step": "confirm", "device_id": device, "backup_code_batch": batch });
    audit::record(&tx, &event).await?;
    tx.commit().await?;
    Ok(codes)
}

/// Invalidates the user's unused backup codes and inserts a new batch; returns it in clear.
async fn new_backup_batch(
    conn: &impl ConnectionTrait,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<(Uuid, Vec<String>), ApiError> {
    conn.execute_raw(stmt(
        "UPDATE mfa_backup_codes SET invalidated_at = $2, updated_at = $2 \
         WHERE user_id = $1 AND invalidated_at IS NULL AND used_at IS NULL",
        vec![user_id.into(), now.into()],
    ))
    .await?;
    let batch = Uuid::now_v7();
    let codes: Vec<String> = (0..BACKUP_CODES_PER_BATCH).map(|_| new_backup_code()).collect();
    let hashes: Vec<String> = codes.iter().map(|c| backup_code_hash(c)).collect();
    conn.execute_raw(stmt(
        "INSERT INTO mfa_backup_codes (user_id, batch_id, code_hash, created_at, updated_at) \
         SELECT $1, $2, h, $4, $4 FROM unnest($3::text[]) AS h",
        vec![user_id.into(), batch.into(), hashes.into(), now.into()],
    ))
    .await?;
    Ok((batch, codes))
}

/// A new batch of backup codes for an account with MFA; the previous batch stops working.
pub async fn regenerate_backup_codes(
    db: &DatabaseConnection,
    viewer: &Viewer,
    meta: &RequestMeta,
    now: DateTime<Utc>,
) -> Result<Vec<String>, ApiError> {
    let tx = db.begin().await?;
    let enabled = tx
        .query_one_raw(stmt("SELECT mfa_enabled FROM users WHERE id = $1 FOR UPDATE", vec![viewer.user_id.into()]))
        .await?
        .map(|row| row.try_get::<bool>("", "mfa_enabled"))
        .transpose()?
        .unwrap_or(false);
    if !enabled {
        return Err(ApiError::bad_input("backup codes need a second factor: enrol TOTP first"));
    }
    let (batch, codes) = new_backup_batch(&tx, viewer.user_id, now).await?;
    let mut event = Event::new("UPDATE_CREDENTIAL", meta).actor(Some(viewer.user_id)).session(Some(viewer.session_id));
    event.details = json!({ "credential": "backup_codes", "backup_code_batch": batch });
    audit::record(&tx, &event).await?;
    tx.commit().await?;
    Ok(codes)
}

/// Passes the second factor on the viewer's session with a TOTP code or a backup code. A wrong
/// or reused code counts as a failed login (account lock, per-address throttle).
pub async fn verify_mfa(
    db: &DatabaseConnection,
    keys: &SecretKeys,
    throttle: &LoginThrottle,
    viewer: &Viewer,
    code: &str,
    meta: &RequestMeta,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let refused = || ApiError::Unauthenticated("invalid or already used code".into());
    let address = &address(meta);
    let tx = db.begin().await?;
    let base = Event::new("LOGIN", meta).actor(Some(viewer.user_id)).session(Some(viewer.session_id));
    if throttle.is_blocked(address, now) {
        let mut event = Event::new("LOGIN_ERROR", meta)
            .actor(Some(viewer.user_id))
            .session(Some(viewer.session_id))
            .failed("too_many_attempts_from_address");
        event.details = json!({ "step": "mfa" });
        audit::record(&tx, &event).await?;
        tx.commit().await?;
        return Err(refused());
    }
    let row = tx
        .query_one_raw(stmt(
            "SELECT mfa_enabled, (permanently_locked OR (locked_until IS NOT NULL AND locked_until > $2)) AS locked \
             FROM users WHERE id = $1 FOR UPDATE",
            vec![viewer.user_id.into(), now.into()],
        ))
        .await?
        .ok_or_else(|| ApiError::Unauthenticated("the session has ended".into()))?;
    if !row.try_get::<bool>("", "mfa_enabled")? {
        return Err(ApiError::bad_input("no second factor is enrolled on this account"));
    }
    let locked: bool = row.try_get("", "locked")?;
    let method = if looks_like_totp(code) { "totp" } else { "backup_code" };
    let accepted = !locked
        && match method {
            "totp" => consume_totp(&tx, keys, viewer.user_id, code, now).await?,
            _ => consume_backup_code(&tx, viewer.user_id, code, meta, now).await?,
        };
    if !accepted {
        throttle.record_failure(address, now);
        let reason = if locked { "user_temporarily_disabled" } else { "invalid_user_credentials" };
        let mut event =
            Event::new("LOGIN_ERROR", meta).actor(Some(viewer.user_id)).session(Some(viewer.session_id)).failed(reason);
        event.details = json!({ "step": "mfa", "method": method });
        if !locked {
            let (count, locked_until) = register_failure(&tx, viewer.user_id, now).await?;
            event.details =
                json!({ "step": "mfa", "method": method, "failed_login_count": count, "locked_until": locked_until });
        }
        audit::record(&tx, &event).await?;
        tx.commit().await?;
        return Err(refused());
    }
    session::mark_mfa_verified(&tx, viewer.session_id, method, now).await?;
    tx.execute_raw(stmt(
        "UPDATE users SET failed_login_count = 0, locked_until = NULL, updated_at = $2 WHERE id = $1",
        vec![viewer.user_id.into(), now.into()],
    ))
    .await?;
    let mut event = base;
    event.details = json!({ "step": "mfa", "method": method });
    audit::record(&tx, &event).await?;
    tx.commit().await?;
    Ok(true)
}

/// Checks a TOTP code against the user's active device and, when it matches a step not used
/// yet, records that step (so the code cannot be used again).
async fn consume_totp(
    conn: &impl ConnectionTrait,
    keys: &SecretKeys,
    user_id: Uuid,
    code: &str,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let Some(row) = conn
        .query_one_raw(stmt(
            "SELECT id, secret_encrypted, last_used_step FROM mfa_devices \
             WHERE user_id = $1 AND type = 'totp' AND status = 'active' \
             ORDER BY verified_at DESC NULLS LAST LIMIT 1 FOR UPDATE",
            vec![user_id.into()],
        ))
        .await?
    else {
        return Ok(false);
    };
    let device: Uuid = row.try_get("", "id")?;
    let seed = decrypt_seed(keys, row.try_get("", "secret_encrypted")?)?;
    let last_used: Option<i64> = row.try_get("", "last_used_step")?;
    let Some(step) = verify_totp(&seed, code, now, last_used) else { return Ok(false) };
    conn.execute_raw(stmt(
        "UPDATE mfa_devices SET last_used_step = $2, last_used_at = $3, updated_at = $3 WHERE id = $1",
        vec![device.into(), step.into(), now.into()],
    ))
    .await?;
    Ok(true)
}

/// Consumes an unused backup code of the user, atomically (one UPDATE): a code works once even
/// when two requests race with it.
async fn consume_backup_code(
    conn: &impl ConnectionTrait,
    user_id: Uuid,
    code: &str,
    meta: &RequestMeta,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let result = conn
        .execute_raw(stmt(
            "UPDATE mfa_backup_codes SET used_at = $3, used_ip = $4::inet, updated_at = $3 \
             WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL AND invalidated_at IS NULL",
            vec![user_id.into(), backup_code_hash(code).into(), now.into(), meta.ip.clone().into()],
        ))
        .await?;
    Ok(result.rows_affected() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(secs, 0).unwrap()
    }

    /// RFC 6238 appendix B, SHA-1 (its 8-digit values, cut to our 6 digits).
    #[test]
    fn rfc6238_test_vectors() {
        let seed = b"12345678901234567890";
        for (time, code) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(totp_code(seed, at(time)), code[2..], "t = {time}");
        }
    }

    #[test]
    fn rfc4226_test_vectors() {
        let seed = b"12345678901234567890";
        let expected =
            ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
        for (counter, code) in expected.iter().enumerate() {
            assert_eq!(hotp(seed, counter as u64), *code);
        }
    }

    #[test]
    fn a_window_of_one_step_each_way_and_no_reuse() {
        let seed = [7u8; 20];
        let now = at(1_700_000_015);
        let step = totp_step(now);
        let previous = totp_code(&seed, at(1_700_000_015 - 30));
        let next = totp_code(&seed, at(1_700_000_015 + 30));
        let current = totp_code(&seed, now);
        assert_eq!(verify_totp(&seed, &current, now, None), Some(step));
        assert_eq!(verify_totp(&seed, &previous, now, None), Some(step - 1));
        assert_eq!(verify_totp(&seed, &next, now, None), Some(step + 1));
        assert_eq!(verify_totp(&seed, &totp_code(&seed, at(1_700_000_015 - 60)), now, None), None);
        assert_eq!(verify_totp(&seed, &totp_code(&seed, at(1_700_000_015 + 60)), now, None), None);
        assert_eq!(verify_totp(&seed, &current, now, Some(step)), None, "a used step is refused");
        assert_eq!(verify_totp(&seed, &previous, now, Some(step)), None, "so are earlier ones");
        assert_eq!(verify_totp(&seed, &next, now, Some(step)), Some(step + 1));
        assert_eq!(verify_totp(&seed, "12345", now, None), None);
        assert_eq!(verify_totp(&seed, "abcdef", now, None), None);
    }

    #[test]
    fn otpauth_uri_format() {
        let uri = otpauth_uri("ana+mfa@example.com", b"12345678901234567890");
        assert_eq!(
            uri,
            "otpauth://totp/CyberShield:ana%2Bmfa@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\
             &issuer=CyberShield&algorithm=SHA1&digits=6&period=30"
        );
    }

    #[test]
    fn backup_codes_are_80_bit_and_normalized() {
        let code = new_backup_code();
        assert_eq!(code.len(), 19, "{code}");
        assert_eq!(code.matches('-').count(), 3);
        assert_eq!(data_encoding::BASE32_NOPAD.decode(code.replace('-', "").as_bytes()).unwrap().len(), 10);
        assert_ne!(code, new_backup_code());
        assert_eq!(backup_code_hash(&code), backup_code_hash(&code.to_lowercase().replace('-', " ")));
        assert!(!looks_like_totp(&code));
        assert!(looks_like_totp(" 123456 "));
    }
}
