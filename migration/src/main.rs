//! `cargo run -p cybershield-migration -- [up [N] | down [N|all] | status | fresh]`
//!
//! Runs against `DATABASE_URL` (default `postgres://postgres@127.0.0.1:5432/cybershield`).
//! `up` applies every pending migration (or the next N), `down` rolls back the last one (or the
//! last N, or all), `status` lists every migration with its state, `fresh` drops every table and
//! re-applies everything.

use std::process::ExitCode;

use cybershield_migration::Migrator;
use sea_orm_migration::MigratorTrait;
use sea_orm_migration::sea_orm::{Database, DatabaseConnection, DbErr};

const DEFAULT_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/cybershield";
const USAGE: &str = "usage: cybershield-migration [up [N] | down [N|all] | status | fresh]";

enum Command {
    Up(Option<u32>),
    Down(Option<u32>),
    Status,
    Fresh,
}

fn parse(args: &[String]) -> Result<Command, String> {
    let steps = |arg: Option<&String>, all_allowed: bool| -> Result<Option<u32>, String> {
        match arg.map(String::as_str) {
            None => Ok(Some(1)),
            Some("all") if all_allowed => Ok(None),
            Some(n) => match n.parse::<u32>() {
                Ok(n) if n > 0 => Ok(Some(n)),
                _ => Err(format!("not a positive number of steps: {n}")),
            },
        }
    };
    let command = match args.first().map(String::as_str) {
        None | Some("up") => match args.get(1) {
            None => Command::Up(None),
            some => Command::Up(steps(some, false)?),
        },
        Some("down") => Command::Down(steps(args.get(1), true)?),
        Some("status") => Command::Status,
        Some("fresh") => Command::Fresh,
        Some(other) => return Err(format!("unknown command: {other}")),
    };
    let max_args = match command {
        Command::Up(_) | Command::Down(_) => 2,
        Command::Status | Command::Fresh => 1,
    };
    if args.len() > max_args {
        return Err(format!("unexpected argument: {}", args[max_args]));
    }
    Ok(command)
}

async fn run(db: &DatabaseConnection, command: Command) -> Result<(), DbErr> {
    match command {
        Command::Up(steps) => {
            Migrator::up(db, steps).await?;
            cybershield_migration::apply_row_security(db).await?;
        }
        Command::Down(steps) => Migrator::down(db, steps).await?,
        Command::Fresh => {
            Migrator::fresh(db).await?;
            cybershield_migration::apply_row_security(db).await?;
        }
        Command::Status => {}
    }
    for migration in Migrator::get_migration_with_status(db).await? {
        println!("{:<8} {}", migration.status().to_string(), migration.name());
    }
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let command = match parse(&args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_string());
    let result = async {
        let db = Database::connect(&url).await?;
        let result = run(&db, command).await;
        db.close().await?;
        result
    }
    .await;
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("migration failed: {err}");
            ExitCode::FAILURE
        }
    }
}
