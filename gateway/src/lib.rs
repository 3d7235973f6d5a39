//! The CyberShield gateway: the `cybershield` binary's library, so integration tests can run the
//! real HTTP application.
//!
//! - [`router`] / [`app`]: the axum application (`/graphql`, `/graphiql`, `/healthz`, `/readyz`,
//!   `/metrics`);
//! - [`serve::serve_until`]: serving with graceful shutdown;
//! - [`cli`]: the command line (`serve`, `migrate`, `schema`, `health`, `audit verify`).

pub mod audit;
pub mod backup;
pub mod cli;
pub mod database;
pub mod graphiql;
pub mod http;
pub mod migrate;
pub mod monitoring;
pub mod secrets;
pub mod seed;
pub mod serve;
pub mod telemetry;
pub mod users;

pub use http::{AppState, AuthState, HttpOptions, router};
pub use serve::{app, app_with};
