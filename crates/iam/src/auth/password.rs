//! Password policy and argon2id hashing (OWASP's minimum: m = 19 MiB, t = 2, p = 1).

use std::sync::LazyLock;

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use cybershield_core::error::ApiError;

/// Fewest characters a password may have.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Most characters a password may have (bounds the hashing work an attacker can ask for).
pub const MAX_PASSWORD_CHARS: usize = 128;

fn argon2() -> Argon2<'static> {
    let params = Params::new(19_456, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Checks the policy: 12 to 128 characters (Unicode scalar values), not only whitespace.
pub fn check_policy(password: &str) -> Result<(), ApiError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(ApiError::bad_input(format!("the password must have at least {MIN_PASSWORD_CHARS} characters")));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(ApiError::bad_input(format!("the password must have at most {MAX_PASSWORD_CHARS} characters")));
    }
    if password.trim().is_empty() {
        return Err(ApiError::bad_input("the password must not be only spaces"));
    }
    Ok(())
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of `password` with a fresh random salt.
/// CPU-bound for tens of milliseconds: call it from a blocking thread (see [`hash_blocking`]).
pub fn hash(password: &str) -> Result<String, ApiError> {
    argon2().hash_password(password.as_bytes()).map(|h| h.to_string()).map_err(|e| {
        tracing::error!(error = %e, "password hashing failed");
        ApiError::Internal("internal error".into())
    })
}

/// Whether `password` matches the PHC string `stored`. A malformed or empty hash never matches.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    match stored {
        // The parameters come from the stored string, so older hashes keep verifying.
        Some(stored) => argon2().verify_password(password.as_bytes(), stored).is_ok(),
        // Spend the same time as a real check, so an account without a password (SSO) does not
        // answer faster than one with a wrong password.
        None => verify_dummy(password),
    }
}

/// A hash of a random password, checked against when the e-mail is unknown so that an unknown
/// account costs the same time as a wrong password.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let mut random = [0u8; 32];
    getrandom::fill(&mut random).expect("the operating system's random number generator failed");
    hash(&data_encoding::BASE64.encode(&random)).expect("hashing a random password")
});

/// Computes the dummy hash now, so that the first unknown e-mail does not pay for it (and answer
/// measurably slower than a known one).
pub fn prepare() {
    LazyLock::force(&DUMMY_HASH);
}

/// Spends the time of one verification and fails (an unknown e-mail).
pub fn verify_dummy(password: &str) -> bool {
    let _ = argon2().verify_password(password.as_bytes(), DUMMY_HASH.as_str());
    false
}

/// [`hash`] on tokio's blocking pool.
pub async fn hash_blocking(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || hash(&password))
        .await
        .map_err(|_| ApiError::Internal("internal error".into()))?
}

/// [`verify`] on tokio's blocking pool; `None` checks against the dummy hash.
pub async fn verify_blocking(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || match stored {
        Some(stored) => verify(&password, Some(&stored)),
        None => verify_dummy(&password),
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_bounds() {
        assert!(check_policy("short").is_err());
        assert!(check_policy(&"x".repeat(11)).is_err());
        assert!(check_policy(&"x".repeat(12)).is_ok());
        assert!(check_policy(&"é".repeat(12)).is_ok(), "characters, not bytes");
        assert!(check_policy(&"x".repeat(128)).is_ok());
        assert!(check_policy(&"x".repeat(129)).is_err());
        assert!(check_policy(&" ".repeat(20)).is_err());
    }

    #[test]
    fn hashes_are_argon2id_with_the_agreed_parameters() {
        let h = hash("correct horse battery staple").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("correct horse battery staple", Some(&h)));
        assert!(!verify("correct horse battery stapl", Some(&h)));
        assert!(!verify("anything", Some("not a hash")));
        assert!(!verify("anything", None));
        assert!(!verify_dummy("anything"));
        assert_ne!(h, hash("correct horse battery staple").unwrap(), "salted");
    }
}
