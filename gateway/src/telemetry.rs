//! Logs: `tracing` to stderr (stdout stays for command output such as `schema` and `health`),
//! filtered by `RUST_LOG`, `info` by default.

use tracing_subscriber::EnvFilter;

/// Installs the global subscriber. An unusable `RUST_LOG` falls back to `info` with a warning.
pub fn init() {
    let (filter, bad) = match std::env::var("RUST_LOG") {
        Ok(value) if !value.trim().is_empty() => match EnvFilter::try_new(&value) {
            Ok(filter) => (filter, None),
            Err(e) => (
                EnvFilter::new("info"),
                Some(format!("ignoring RUST_LOG={value:?}: {e}")),
            ),
        },
        _ => (EnvFilter::new("info"), None),
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    if let Some(warning) = bad {
        tracing::warn!("{warning}");
    }
}
