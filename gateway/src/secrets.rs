//! Where the key of secret columns comes from when `serve` starts.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use cybershield_core::config::Config;
use cybershield_core::crypto::{SecretKeys, load_or_create_key_file};

/// Name of the key file kept beside the embedded PostgreSQL's data directory.
pub const KEY_FILE: &str = "secret.key";

/// `<parent of pgdata>/secret.key` (the data directory itself belongs to PostgreSQL).
pub fn key_file_path(pgdata: &Path) -> PathBuf {
    pgdata.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).join(KEY_FILE)
}

/// The keys `serve` encrypts secret columns with: `CYBERSHIELD_SECRET_KEY` (with
/// `CYBERSHIELD_SECRET_KEY_PREVIOUS`) when set; else, on the embedded PostgreSQL, a key generated
/// once into [`key_file_path`] (mode 0600) and reused; else (an external `DATABASE_URL`) an error:
/// a key made up on the spot would be lost with the process, and the secrets written with it.
pub fn resolve(config: &Config) -> anyhow::Result<Arc<SecretKeys>> {
    if let Some(keys) = &config.secret_keys {
        return Ok(keys.clone());
    }
    if config.database_url.is_some() {
        anyhow::bail!(
            "CYBERSHIELD_SECRET_KEY is not set. With DATABASE_URL the gateway needs the key that encrypts secret \
             columns (TOTP seeds, credentials): make one with `openssl rand -base64 32`, set CYBERSHIELD_SECRET_KEY \
             to it, and keep it safe (without it those columns cannot be read back)"
        );
    }
    let path = key_file_path(&config.pgdata);
    let text = load_or_create_key_file(&path)
        .map_err(|e| anyhow::anyhow!("cannot read or create the secret key file {}: {e}", path.display()))?;
    let keys = SecretKeys::from_base64(&text, &[]).map_err(|e| {
        anyhow::anyhow!(
            "the secret key file {} is not usable: {e} (set CYBERSHIELD_SECRET_KEY instead)",
            path.display()
        )
    })?;
    tracing::info!(key_file = %path.display(), "CYBERSHIELD_SECRET_KEY is not set: using the embedded database's key file");
    Ok(Arc::new(keys))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_file_sits_beside_the_data_directory() {
        assert_eq!(key_file_path(Path::new("./.cybershield/pgdata")), PathBuf::from("./.cybershield/secret.key"));
        assert_eq!(key_file_path(Path::new("pgdata")), PathBuf::from("./secret.key"));
    }

    #[test]
    fn an_external_database_needs_a_key() {
        let config = Config { database_url: Some("postgres://db/x".into()), ..Config::default() };
        let message = resolve(&config).unwrap_err().to_string();
        assert!(message.contains("CYBERSHIELD_SECRET_KEY") && message.contains("openssl rand -base64 32"), "{message}");
    }

    #[test]
    fn the_embedded_database_gets_a_lasting_key() {
        let dir = std::env::temp_dir().join(format!("cs-secrets-{}", uuid::Uuid::now_v7().simple()));
        let config = Config { pgdata: dir.join("pgdata"), ..Config::default() };
        let first = resolve(&config).unwrap();
        let second = resolve(&config).unwrap();
        assert_eq!(first.key_id(), second.key_id());
        assert!(dir.join(KEY_FILE).exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
