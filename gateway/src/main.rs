//! `cybershield`: the GraphQL gateway and its operator commands. See README.md.

use std::process::ExitCode;

use clap::Parser;
use cybershield::cli::{self, Cli};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let args = Cli::parse();
    // Variables already in the environment win over `.env`.
    if let Err(e) = dotenvy::dotenv()
        && !e.not_found()
    {
        eprintln!("error: cannot read .env: {e}");
        return ExitCode::FAILURE;
    }
    cybershield::telemetry::init();
    cli::run(args).await
}
