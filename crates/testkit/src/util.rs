//! Connections and database DDL on the base server.

use std::time::Duration;

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr, RuntimeErr, Statement};

/// A pool of at most `max` connections; none kept idle beyond what is in use.
pub(crate) async fn connect(url: &str, max: u32) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url);
    opts.max_connections(max)
        .min_connections(0)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(30))
        .sqlx_logging(false);
    Database::connect(opts).await
}

/// `url` with its database (the path) replaced by `database`; the query string is kept.
pub(crate) fn with_database(url: &str, database: &str) -> String {
    let (head, query) = match url.split_once('?') {
        Some((head, query)) => (head, Some(query)),
        None => (url, None),
    };
    let authority_start = head.find("://").map_or(0, |i| i + 3);
    let authority_end = head[authority_start..].find('/').map_or(head.len(), |i| authority_start + i);
    let mut out = format!("{}/{database}", &head[..authority_end]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

/// Adds `sslmode=disable` to a loopback URL that does not choose a mode: TLS protects nothing
/// there, and a TLS handshake in a debug build costs ~90 ms per connection, several per test.
pub(crate) fn plain_on_loopback(url: &str) -> String {
    let loopback = host_port(url).is_some_and(|(host, _)| matches!(host.as_str(), "127.0.0.1" | "localhost" | "::1"));
    if !loopback || url.contains("sslmode=") {
        return url.to_owned();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}sslmode=disable")
}

/// Host and port to probe, or `None` when the URL names no TCP host (e.g. a Unix socket).
pub(crate) fn host_port(url: &str) -> Option<(String, u16)> {
    let head = url.split('?').next()?;
    let rest = &head[head.find("://")? + 3..];
    let authority = rest.split('/').next()?;
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, hp)| hp);
    let (host, port) = if let Some(v6) = host_port.strip_prefix('[') {
        let (host, after) = v6.split_once(']')?;
        (host, after.strip_prefix(':'))
    } else {
        match host_port.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        }
    };
    if host.is_empty() {
        return None;
    }
    let port = port.map_or(Some(5432), |p| p.parse().ok())?;
    Some((host.to_owned(), port))
}

/// The URL with its password hidden, for messages.
pub(crate) fn redact(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_owned();
    };
    let authority_end = url[scheme_end..].find('/').map_or(url.len(), |i| scheme_end + i);
    match url[scheme_end..authority_end].rsplit_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}{user}:***@{host}{}", &url[..scheme_end], &url[authority_end..])
        }
        _ => url.to_owned(),
    }
}

pub(crate) fn sql_state(err: &DbErr) -> Option<String> {
    match err {
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => {
            e.as_database_error().and_then(|d| d.code()).map(|c| c.into_owned())
        }
        _ => None,
    }
}

/// Our names are `[a-z0-9_]` but quoting costs nothing.
pub(crate) fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

pub(crate) async fn database_exists(admin: &DatabaseConnection, name: &str) -> Result<bool, DbErr> {
    let row = admin
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT 1 FROM pg_database WHERE datname = $1",
            [name.into()],
        ))
        .await?;
    Ok(row.is_some())
}

pub(crate) async fn create_database(admin_url: &str, name: &str, template: &str) -> Result<(), DbErr> {
    let admin = connect(admin_url, 1).await?;
    let result = admin
        .execute_unprepared(&format!("CREATE DATABASE {} TEMPLATE {}", quote_ident(name), quote_ident(template)))
        .await;
    let _ = admin.close().await;
    result.map(drop)
}

/// `DROP DATABASE IF EXISTS … WITH (FORCE)` (also a template: that flag is cleared first).
pub(crate) async fn drop_database(admin: &DatabaseConnection, name: &str) -> Result<(), DbErr> {
    let quoted = quote_ident(name);
    if database_exists(admin, name).await? {
        // PostgreSQL refuses to drop a database marked as a template.
        admin.execute_unprepared(&format!("ALTER DATABASE {quoted} IS_TEMPLATE false")).await?;
    }
    admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")).await?;
    Ok(())
}

pub(crate) async fn drop_database_at(admin_url: &str, name: &str) -> Result<(), DbErr> {
    let admin = connect(admin_url, 1).await?;
    let result = admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", quote_ident(name))).await;
    let _ = admin.close().await;
    result.map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_database_replaces_only_the_path() {
        assert_eq!(with_database("postgres://u:p@h:5432/postgres", "x"), "postgres://u:p@h:5432/x");
        assert_eq!(with_database("postgres://h/postgres?sslmode=disable", "x"), "postgres://h/x?sslmode=disable");
        assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
    }

    #[test]
    fn host_port_reads_the_authority() {
        assert_eq!(host_port("postgres://u:p@db.local:6543/x"), Some(("db.local".into(), 6543)));
        assert_eq!(host_port("postgres://127.0.0.1/x"), Some(("127.0.0.1".into(), 5432)));
        assert_eq!(host_port("postgres://[::1]:5433/x"), Some(("::1".into(), 5433)));
        assert_eq!(host_port("postgres:///x?host=/run/postgresql"), None);
    }

    #[test]
    fn loopback_urls_skip_tls_unless_told_otherwise() {
        assert_eq!(plain_on_loopback("postgres://u@127.0.0.1/x"), "postgres://u@127.0.0.1/x?sslmode=disable");
        assert_eq!(plain_on_loopback("postgres://u@localhost/x?a=b"), "postgres://u@localhost/x?a=b&sslmode=disable");
        assert_eq!(
            plain_on_loopback("postgres://u@127.0.0.1/x?sslmode=require"),
            "postgres://u@127.0.0.1/x?sslmode=require"
        );
        assert_eq!(plain_on_loopback("postgres://u@db.example/x"), "postgres://u@db.example/x");
    }

    #[test]
    fn redact_hides_the_password() {
        assert_eq!(redact("postgres://u:secret@h/x"), "postgres://u:***@h/x");
        assert_eq!(redact("postgres://u@h/x"), "postgres://u@h/x");
    }
}
