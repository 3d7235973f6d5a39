//! `cybershield user create|set-password`: bootstrap and repair accounts from the command line.
//!
//! The password never comes as an argument (it would show in `ps` and the shell history): it is
//! read from standard input when that is not a terminal (`printf '%s' "$PW" | cybershield user …`),
//! else prompted for twice without echo.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use clap::Subcommand;
use cybershield_core::auth::Role;
use cybershield_core::config::Config;
use cybershield_iam::auth::{NewUser, password, users};

use crate::database::Provisioned;

/// The values `--role` takes.
const ROLES: [&str; 6] = ["admin", "security_manager", "analyst", "developer", "auditor", "viewer"];

#[derive(Debug, Clone, PartialEq, Eq, Subcommand)]
pub enum UserCommand {
    /// Create a user and print its id; the password comes from stdin or a prompt.
    Create {
        /// E-mail address (the login name).
        #[arg(long)]
        email: String,
        /// Platform role.
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(ROLES))]
        role: String,
        /// Unique user name (default: the e-mail address).
        #[arg(long)]
        username: Option<String>,
        /// Name shown in the interface.
        #[arg(long = "display-name")]
        display_name: Option<String>,
        /// Slug of an existing team to join (as writer); repeat for more.
        #[arg(long = "team")]
        teams: Vec<String>,
    },
    /// Set a user's password (stdin or a prompt), end its sessions and lift a temporary lock.
    SetPassword {
        /// E-mail address of the user.
        #[arg(long)]
        email: String,
    },
}

/// Runs a `user` command; prints the user's id on success.
pub async fn run(config: &Config, command: UserCommand) -> anyhow::Result<ExitCode> {
    // Read and check the password first, so a typo costs no database start-up.
    let password = read_password()?;
    password::check_policy(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
    let database = Provisioned::open(config).await?;
    let result = async {
        let db = database.connect(config).await?;
        let outcome = async {
            if !users::users_table_exists(&db).await.map_err(|e| anyhow::anyhow!("{e}"))? {
                anyhow::bail!("the database has no users table: run `cybershield migrate` first");
            }
            let now = chrono::Utc::now();
            let id = match command {
                UserCommand::Create { email, role, username, display_name, teams } => {
                    let role = Role::parse(&role).ok_or_else(|| anyhow::anyhow!("unknown role {role:?}"))?;
                    let user = NewUser { email, role, username, display_name, teams };
                    users::create_user(&db, &user, &password, now).await
                }
                UserCommand::SetPassword { email } => users::set_password(&db, &email, &password, now).await,
            };
            id.map_err(|e| anyhow::anyhow!("{e}"))
        }
        .await;
        db.close().await.ok();
        let id = outcome?;
        println!("{id}");
        anyhow::Ok(ExitCode::SUCCESS)
    }
    .await;
    database.stop().await;
    result
}

/// The password from stdin (one line; a final newline is dropped), or typed twice at a prompt.
fn read_password() -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let second = rpassword::prompt_password("Password (again): ")?;
        if first != second {
            anyhow::bail!("the two passwords differ");
        }
        return Ok(first);
    }
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| anyhow::anyhow!("cannot read the password from stdin: {e}"))?;
    let line = text.strip_suffix('\n').map(|t| t.strip_suffix('\r').unwrap_or(t)).unwrap_or(&text);
    if line.contains('\n') {
        anyhow::bail!("stdin must hold the password alone, on one line");
    }
    if line.is_empty() {
        anyhow::bail!("no password on stdin (pipe it in, or run from a terminal to be prompted)");
    }
    Ok(line.to_string())
}
