//! The command line: `cybershield [serve|migrate|schema|health|audit|user|backup|restore|seed]`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use cybershield_core::config::Config;
use cybershield_core::db::redact_url;
use cybershield_core::embedded::EmbeddedError;
use cybershield_core::schema::{SchemaConfig, build_schema};

use crate::database::Provisioned;
use crate::migrate::{self, MigrateAction};

/// CyberShield: one GraphQL gateway over the security data platform's PostgreSQL.
///
/// Configuration comes from the environment and a `.env` file (see README.md); without
/// DATABASE_URL the commands that need a database run an embedded PostgreSQL.
#[derive(Debug, Parser)]
#[command(name = "cybershield", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// Run the GraphQL server (the default).
    Serve,
    /// Apply, revert or list database migrations (default: up).
    Migrate {
        #[command(subcommand)]
        action: Option<MigrateCommand>,
    },
    /// Print the GraphQL schema (SDL) to stdout.
    Schema,
    /// Print the database health as one line of JSON; exit 1 when it cannot be checked.
    Health,
    /// Check the audit trail (`audit verify`).
    Audit {
        #[command(subcommand)]
        action: AuditCommand,
    },
    /// Create a user or set its password (`user create --email … --role admin` makes the first
    /// admin); the password is read from stdin or prompted for, never an argument.
    User {
        #[command(subcommand)]
        action: crate::users::UserCommand,
    },
    /// Back up the database: a pg_dump archive plus a manifest of every table's row count and
    /// checksum (`backup --out /backups --keep 7` for a daily job).
    Backup(crate::backup::BackupArgs),
    /// Restore a backup into an empty database, check it against its manifest, and re-apply
    /// row-level security.
    Restore(crate::backup::RestoreArgs),
    /// Fill the database with realistic, linked demo data for every table
    /// (`seed --scale medium --seed 42`); refuses a database that holds data unless --append.
    Seed(crate::seed::SeedArgs),
}

#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum AuditCommand {
    /// Recompute the audit trail's hash chain; print {"checked":N,"ok":true}, or the first broken
    /// entry and exit 1.
    Verify,
}

#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum MigrateCommand {
    /// Apply every pending migration.
    Up,
    /// Revert the last applied migration (one step).
    Down,
    /// List every migration and whether it is applied.
    Status,
    /// Drop EVERY table of the database, then apply every migration.
    Fresh {
        /// Confirm that every table (and its data) may be dropped.
        #[arg(long)]
        yes: bool,
    },
}

/// Runs a parsed command line; the exit code says how it went (errors are printed to stderr).
pub async fn run(cli: Cli) -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => crate::serve::serve(&config).await.map(|()| ExitCode::SUCCESS),
        Command::Schema => schema_sdl(&config.schema).map(|sdl| {
            print!("{sdl}");
            ExitCode::SUCCESS
        }),
        Command::Health => health(&config).await,
        Command::Audit { action: AuditCommand::Verify } => crate::audit::verify_command(&config).await,
        Command::User { action } => crate::users::run(&config, action).await,
        Command::Backup(args) => crate::backup::backup_command(&config, args).await,
        Command::Restore(args) => crate::backup::restore_command(&config, args).await,
        Command::Seed(args) => crate::seed::run(&config, args).await,
        Command::Migrate { action } => migrate_command(&config, action.unwrap_or(MigrateCommand::Up)).await,
    };
    result.unwrap_or_else(|e| {
        report(&e);
        ExitCode::FAILURE
    })
}

/// Prints an error chain to stderr; the embedded PostgreSQL's errors are printed as they are.
pub fn report(e: &anyhow::Error) {
    match e.downcast_ref::<EmbeddedError>() {
        Some(embedded) => eprintln!("{embedded}"),
        None => eprintln!("error: {e:#}"),
    }
}

/// The SDL `cybershield schema` prints: every domain's tables, no database needed.
pub fn schema_sdl(config: &SchemaConfig) -> anyhow::Result<String> {
    let schema = build_schema(&cybershield_migration::domains(), config, None)
        .map_err(|e| anyhow::anyhow!("cannot build the GraphQL schema: {}", e.0))?;
    let mut sdl = schema.sdl();
    if !sdl.ends_with('\n') {
        sdl.push('\n');
    }
    Ok(sdl)
}

async fn health(config: &Config) -> anyhow::Result<ExitCode> {
    let database = Provisioned::open(config).await?;
    let result = async {
        let db = database.connect(config).await?;
        let health = cybershield_core::health::check(&db).await;
        db.close().await.ok();
        let health = health.map_err(|e| {
            anyhow::anyhow!(
                "health check on {} failed: {e} (has `cybershield migrate` run?)",
                redact_url(database.url())
            )
        })?;
        println!("{}", serde_json::to_string(&health)?);
        anyhow::Ok(ExitCode::SUCCESS)
    }
    .await;
    database.stop().await;
    result
}

async fn migrate_command(config: &Config, command: MigrateCommand) -> anyhow::Result<ExitCode> {
    let action = match command {
        MigrateCommand::Up => MigrateAction::Up,
        MigrateCommand::Down => MigrateAction::Down,
        MigrateCommand::Status => MigrateAction::Status,
        MigrateCommand::Fresh { yes: true } => MigrateAction::Fresh,
        MigrateCommand::Fresh { yes: false } => {
            let target = match &config.database_url {
                Some(url) => redact_url(url),
                None => format!("the embedded database in {}", config.pgdata.display()),
            };
            eprintln!(
                "`migrate fresh` drops every table of {target} with its data; run `cybershield migrate fresh --yes` to do it"
            );
            return Ok(ExitCode::from(2));
        }
    };
    let database = Provisioned::open(config).await?;
    let result = migrate::run(database.url(), &config.pool, action).await;
    database.stop().await;
    let states = result.map_err(|e| anyhow::anyhow!("migrate {} failed: {e}", format!("{action:?}").to_lowercase()))?;
    for state in &states {
        println!("{:<8} {}", if state.applied { "applied" } else { "pending" }, state.name);
    }
    let applied = states.iter().filter(|s| s.applied).count();
    println!("{applied} applied, {} pending", states.len() - applied);
    Ok(ExitCode::SUCCESS)
}
