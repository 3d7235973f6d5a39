//! Logs: `tracing` to stderr (stdout stays for command output such as `schema` and `health`),
//! filtered by `RUST_LOG`, `info` by default. Colours only when stderr is a terminal.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

/// The filter without `RUST_LOG`: `info`, except PostgreSQL's notices ("relation … already
/// exists, skipping") that sqlx reports at `info`.
pub const DEFAULT_FILTER: &str = "info,sqlx::postgres::notice=warn";

/// Installs the global subscriber. An unusable `RUST_LOG` falls back to [`DEFAULT_FILTER`] with a
/// warning.
pub fn init() {
    let (filter, bad) = match std::env::var("RUST_LOG") {
        Ok(value) if !value.trim().is_empty() => match EnvFilter::try_new(&value) {
            Ok(filter) => (filter, None),
            Err(e) => (EnvFilter::new(DEFAULT_FILTER), Some(format!("ignoring RUST_LOG={value:?}: {e}"))),
        },
        _ => (EnvFilter::new(DEFAULT_FILTER), None),
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    if let Some(warning) = bad {
        tracing::warn!("{warning}");
    }
}
