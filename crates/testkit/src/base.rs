//! The server tests run against: configured, or a throwaway cluster when nothing answers.

use std::time::Duration;

use cybershield_core::embedded::{EmbeddedOptions, EmbeddedPostgres};
use tokio::sync::OnceCell;

use crate::util;

const DEFAULT_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

struct Base {
    url: String,
    /// Lives as long as the process; its watchdog stops and deletes it when the process ends.
    _embedded: Option<EmbeddedPostgres>,
}

static BASE: OnceCell<Base> = OnceCell::const_new();

/// URL of the base database tests create their databases from (`TEST_DATABASE_URL`, else
/// `DATABASE_URL`, else the local default; a throwaway cluster's when none of those answers).
pub async fn base_url() -> &'static str {
    &BASE.get_or_init(resolve).await.url
}

async fn resolve() -> Base {
    let (url, source) = configured();
    let url = util::plain_on_loopback(&url);
    if answers(&url).await {
        return Base { url, _embedded: None };
    }
    let dir = std::env::temp_dir().join(format!(
        "cybershield-testkit-{}-{}",
        std::process::id(),
        uuid::Uuid::now_v7().simple()
    ));
    let started = async {
        let mut pg = EmbeddedPostgres::start(EmbeddedOptions::ephemeral(dir.join("pgdata"), "postgres")).await?;
        pg.stop_on_exit()?;
        Ok::<_, cybershield_core::embedded::EmbeddedError>(pg)
    }
    .await;
    match started {
        Ok(pg) => {
            eprintln!(
                "cybershield-testkit: nothing answers at {} (from {source}); using a throwaway PostgreSQL at {}",
                util::redact(&url),
                pg.data_dir().display()
            );
            Base { url: util::plain_on_loopback(&pg.url("postgres")), _embedded: Some(pg) }
        }
        Err(e) => panic!(
            "cybershield-testkit: no PostgreSQL answers at {} (from {source}) and a throwaway one could not be \
             started: {e}",
            util::redact(&url)
        ),
    }
}

fn configured() -> (String, &'static str) {
    for var in ["TEST_DATABASE_URL", "DATABASE_URL"] {
        if let Ok(url) = std::env::var(var)
            && !url.trim().is_empty()
        {
            return (url, var);
        }
    }
    (DEFAULT_URL.to_owned(), "the default")
}

/// Whether something accepts TCP connections there; authentication errors and the like should
/// surface as such rather than be hidden behind a throwaway cluster.
async fn answers(url: &str) -> bool {
    let Some((host, port)) = util::host_port(url) else {
        return true;
    };
    matches!(
        tokio::time::timeout(PROBE_TIMEOUT, tokio::net::TcpStream::connect((host.as_str(), port))).await,
        Ok(Ok(_))
    )
}
