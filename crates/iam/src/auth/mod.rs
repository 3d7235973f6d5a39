//! Authentication: passwords (argon2id), opaque session tokens, login throttling and account
//! lockout, TOTP and backup codes, and their GraphQL fields (`login`, `logout`, `me`, …).
//!
//! Every time-dependent function takes `now`, so tests pin the clock; the gateway reads it from
//! a [`Clock`] in the request data.

mod audit;
pub mod graphql;
pub mod login;
pub mod mfa;
pub mod password;
pub mod session;
pub mod users;

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

pub use login::{INVALID_CREDENTIALS, LoginThrottle, change_password, login, logout};
pub use mfa::{TotpEnrollment, confirm_totp, enroll_totp, regenerate_backup_codes, verify_mfa};
pub use session::{IssuedSession, authenticate};
pub use users::{NewUser, create_user, set_password};

/// Where "now" comes from: the system clock, or a pinned instant that tests move by hand.
#[derive(Clone, Default)]
pub struct Clock {
    pinned: Option<Arc<Mutex<DateTime<Utc>>>>,
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.pinned {
            None => f.write_str("Clock::system"),
            Some(_) => write!(f, "Clock::pinned({})", self.now()),
        }
    }
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Clock::default()
    }

    /// A clock standing at `at` until [`Clock::set`] or [`Clock::advance`] moves it. Clones share
    /// the instant.
    pub fn pinned(at: DateTime<Utc>) -> Self {
        Clock { pinned: Some(Arc::new(Mutex::new(at))) }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match &self.pinned {
            Some(at) => *at.lock().unwrap_or_else(|p| p.into_inner()),
            None => Utc::now(),
        }
    }

    /// Moves a pinned clock to `at`. Panics on the system clock.
    pub fn set(&self, at: DateTime<Utc>) {
        let pinned = self.pinned.as_ref().expect("only a pinned clock can be set");
        *pinned.lock().unwrap_or_else(|p| p.into_inner()) = at;
    }

    /// Moves a pinned clock forward by `by`. Panics on the system clock.
    pub fn advance(&self, by: Duration) {
        self.set(self.now() + by);
    }
}
