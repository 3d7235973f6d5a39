//! `cybershield seed`: realistic, linked demo data for every table (the generator lives in the
//! `cybershield-seed` crate; this is its command line).

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::Args;
use cybershield_core::config::{Config, PoolConfig};
use cybershield_seed::{Options, Scale, SeedError};

use crate::database::Provisioned;

#[derive(Debug, Clone, PartialEq, Eq, Args)]
pub struct SeedArgs {
    /// demo (~28 thousand rows, seconds), small (~150 thousand), medium (~1.1 million), large
    /// (~13 million).
    #[arg(long, default_value = "demo", value_parser = parse_scale)]
    pub scale: Scale,
    /// Same seed, scale and --now: the same rows.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Reference time (RFC 3339, e.g. 2026-03-01T00:00:00Z); the data spreads over the 90 days
    /// before it. Default: the start of the current day (UTC).
    #[arg(long, value_parser = parse_now)]
    pub now: Option<DateTime<Utc>>,
    /// Add rows to a database that already holds data (otherwise such a database is refused).
    #[arg(long)]
    pub append: bool,
    /// Also COPY each large table's rows again, right after its own load, into a plain copy of it
    /// (unlogged, no indexes) and into a copy with its indexes (both dropped), and print the rates.
    #[arg(long)]
    pub measure: bool,
    /// Read the demo users' password from stdin (one line) instead of generating one.
    #[arg(long = "admin-password-stdin")]
    pub admin_password_stdin: bool,
}

fn parse_scale(s: &str) -> Result<Scale, String> {
    s.parse()
}

fn parse_now(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).map_err(|e| format!("not an RFC 3339 time: {e}"))
}

/// Runs `cybershield seed`: the summary and the administrator's credentials go to stdout,
/// progress bars to stderr (when it is a terminal).
pub async fn run(config: &Config, args: SeedArgs) -> anyhow::Result<ExitCode> {
    let password = if args.admin_password_stdin { Some(read_password()?) } else { None };
    if let Some(p) = &password {
        cybershield_iam::auth::password::check_policy(p).map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let now =
        args.now.unwrap_or_else(|| Utc::now().date_naive().and_hms_opt(0, 0, 0).expect("midnight exists").and_utc());
    let options = Options {
        scale: args.scale,
        seed: args.seed,
        now,
        append: args.append,
        measure: args.measure,
        password,
        progress: std::io::stderr().is_terminal(),
    };
    let database = Provisioned::open(config).await?;
    let result = async {
        // One long transaction: no statement timeout, one connection (and one for the pool's ping).
        let pool = PoolConfig { size: 2, max_overflow: 0, min_idle: 0, statement_timeout: None, ..config.pool.clone() };
        let db = cybershield_core::db::connect(database.url(), &pool)
            .await
            .map_err(|e| anyhow::anyhow!("cannot connect to the database: {e}"))?;
        let tables = cybershield_migration::domains().into_iter().flat_map(|d| d.tables).collect();
        let seeded = cybershield_seed::run(&db, tables, options).await;
        db.close().await.ok();
        match seeded {
            Ok(summary) => {
                print!("{}", summary.render());
                println!(
                    "scale {}, seed {}, reference time {}",
                    summary.scale,
                    summary.seed,
                    summary.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                );
                if let Some(email) = &summary.admin_email {
                    println!("admin: {email}");
                    match &summary.generated_password {
                        Some(p) => println!("password: {p}  (shown once; the six demo users share it)"),
                        None => println!("password: the one given on stdin (the six demo users share it)"),
                    }
                }
                Ok(ExitCode::SUCCESS)
            }
            Err(e @ SeedError::NotEmpty(_)) => {
                eprintln!("{e}");
                Ok(ExitCode::from(2))
            }
            Err(e) => Err(anyhow::anyhow!("{e}")),
        }
    }
    .await;
    database.stop().await;
    result
}

/// One line from stdin (a final newline is dropped).
fn read_password() -> anyhow::Result<String> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| anyhow::anyhow!("cannot read the password from stdin: {e}"))?;
    let line = text.strip_suffix('\n').map(|t| t.strip_suffix('\r').unwrap_or(t)).unwrap_or(&text);
    if line.contains('\n') || line.is_empty() {
        anyhow::bail!("stdin must hold the password alone, on one line");
    }
    Ok(line.to_string())
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::{Cli, Command};

    fn parse(args: &[&str]) -> Result<SeedArgs, clap::Error> {
        let cli = Cli::try_parse_from(std::iter::once("cybershield").chain(args.iter().copied()))?;
        match cli.command {
            Some(Command::Seed(args)) => Ok(args),
            other => panic!("not a seed command: {other:?}"),
        }
    }

    #[test]
    fn the_benchmark_invocation_parses() {
        let args = parse(&["seed", "--scale", "medium", "--seed", "42"]).unwrap();
        assert_eq!(
            (args.scale, args.seed, args.append, args.measure, args.now),
            (Scale::Medium, 42, false, false, None)
        );
        let args = parse(&["seed", "--now", "2026-03-01T00:00:00Z", "--append", "--admin-password-stdin"]).unwrap();
        assert_eq!(args.scale, Scale::Demo);
        assert_eq!(args.now.map(|t| t.timestamp()), Some(1_772_323_200));
        assert!(args.append && args.admin_password_stdin);
        assert!(parse(&["seed", "--scale", "huge"]).is_err());
        assert!(parse(&["seed", "--now", "yesterday"]).is_err());
    }
}
