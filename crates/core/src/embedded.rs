//! A PostgreSQL cluster that CyberShield runs itself from the installed server binaries.
//!
//! Used by the gateway when no `DATABASE_URL` is set (the "embedded default", with a persistent
//! data directory) and by the testkit when no server answers (ephemeral clusters).
//!
//! Layout: the log file and the Unix-socket directory sit next to the data directory, in its
//! parent (`<parent>/postgres.log`, `<parent>/run`), so a data directory stays a pure cluster.
//!
//! PostgreSQL refuses to run as root. Under root every server command runs as an unprivileged
//! system user: `postgres` if it exists, else a `cybershield` system user created on first use.

use std::fs;
use std::io::{self, Read, Seek, SeekFrom};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DbBackend, DbErr, Statement};
use tracing::{info, warn};

/// Environment variable naming the directory that holds `initdb`, `pg_ctl` and `postgres`.
pub const BINDIR_ENV: &str = "CYBERSHIELD_PG_BINDIR";

/// The cluster's superuser, created by `initdb -U`; connections use trust auth on 127.0.0.1.
const SUPERUSER: &str = "postgres";
/// System user created when running as root and no `postgres` user exists.
const SYSTEM_USER: &str = "cybershield";
/// How long `pg_ctl` may wait for the server to start or stop.
const PG_CTL_TIMEOUT_SECS: &str = "60";
const LOG_TAIL_LINES: usize = 30;
/// `sun_path` holds 108 bytes on Linux and 104 on macOS, NUL included; stay below both.
const MAX_SOCKET_PATH: usize = 100;
/// Ports picked at random can be taken between picking and binding; retry that many times.
const START_ATTEMPTS: usize = 3;

/// How to run an [`EmbeddedPostgres`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedOptions {
    /// The cluster's data directory; created (and `initdb`-ed) when it holds no cluster yet.
    /// Its parent directory receives `postgres.log` and the socket directory `run/`.
    pub data_dir: PathBuf,
    /// TCP port on 127.0.0.1; `None` picks a free one.
    pub port: Option<u16>,
    /// Database created if missing, e.g. `cybershield`.
    pub database: String,
    /// Delete the data directory (and the log and socket directory) on stop: for test clusters.
    pub ephemeral: bool,
}

impl EmbeddedOptions {
    /// A cluster that survives restarts, on a free port.
    pub fn persistent(data_dir: impl Into<PathBuf>, database: impl Into<String>) -> Self {
        Self { data_dir: data_dir.into(), port: None, database: database.into(), ephemeral: false }
    }

    /// A throwaway cluster, deleted on stop, on a free port.
    pub fn ephemeral(data_dir: impl Into<PathBuf>, database: impl Into<String>) -> Self {
        Self { data_dir: data_dir.into(), port: None, database: database.into(), ephemeral: true }
    }
}

/// Why the embedded PostgreSQL could not be started or stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EmbeddedError {
    /// No directory with `initdb`, `pg_ctl` and `postgres` was found.
    #[error(
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found (looked in: {}). \
         Install the PostgreSQL server package (e.g. `apt-get install postgresql` or \
         `brew install postgresql@15`), or set {BINDIR_ENV} to the directory holding them, \
         or set DATABASE_URL to an existing PostgreSQL server.",
        searched.join(", ")
    )]
    BinariesNotFound {
        /// Where we looked, in order.
        searched: Vec<String>,
    },

    /// A PostgreSQL client program (e.g. `pg_dump`) was not found.
    #[error(
        "the PostgreSQL program `{name}` was not found (looked in: {}). Install the PostgreSQL \
         client (e.g. `apt-get install postgresql-client` or `brew install postgresql@15`), or set \
         {BINDIR_ENV} to the directory holding it.",
        searched.join(", ")
    )]
    ProgramNotFound {
        /// The program, e.g. `pg_dump`.
        name: String,
        /// Where we looked, in order.
        searched: Vec<String>,
    },

    /// Running as root, the server user cannot reach the data directory.
    #[error(
        "the embedded PostgreSQL runs as system user `{user}` (PostgreSQL refuses to run as \
         root), but `{user}` cannot reach {}: directory {} is not searchable by it (needs o+x). \
         Set CYBERSHIELD_PGDATA to a path that user can reach (e.g. under /var/lib or /tmp), \
         or give that directory o+x (`chmod o+x {}`).",
        data_dir.display(),
        blocking_dir.display(),
        blocking_dir.display()
    )]
    DataDirUnreachable {
        /// The system user the server runs as.
        user: String,
        /// The data directory that was asked for.
        data_dir: PathBuf,
        /// The first directory on the way that the user cannot search.
        blocking_dir: PathBuf,
    },

    /// The unprivileged system user could not be found or created.
    #[error(
        "PostgreSQL refuses to run as root and no system user could be set up for it: {detail}. \
         Run as a non-root user, or create a `postgres` system user"
    )]
    SystemUser {
        /// What went wrong.
        detail: String,
    },

    /// The data directory was made by another PostgreSQL major version than the binaries.
    #[error(
        "data directory {} holds a PostgreSQL {data_version} cluster but the binaries in {} are \
         PostgreSQL {binaries_version}; point {BINDIR_ENV} at PostgreSQL {data_version} binaries, \
         upgrade the cluster with pg_upgrade, or use another data directory",
        data_dir.display(),
        bindir.display()
    )]
    VersionMismatch {
        /// The data directory.
        data_dir: PathBuf,
        /// Its `PG_VERSION`.
        data_version: String,
        /// Where the binaries are.
        bindir: PathBuf,
        /// Their major version.
        binaries_version: String,
    },

    /// A file-system operation failed.
    #[error("{context}: {source}")]
    Io {
        /// What we were doing.
        context: String,
        /// The underlying error.
        #[source]
        source: io::Error,
    },

    /// A helper command (`initdb`, `pg_ctl stop`, `useradd`, …) failed.
    #[error("`{command}` failed ({status}): {output}")]
    Command {
        /// The command, for humans.
        command: String,
        /// Its exit status.
        status: String,
        /// Its stdout and stderr.
        output: String,
    },

    /// The server did not come up; `log_tail` is the end of its log from this attempt.
    #[error(
        "embedded PostgreSQL at {} did not start: {reason}\n--- last lines of {} ---\n{log_tail}",
        data_dir.display(),
        log_file.display()
    )]
    StartFailed {
        /// The data directory.
        data_dir: PathBuf,
        /// What `pg_ctl` (or our readiness check) said.
        reason: String,
        /// The server log file.
        log_file: PathBuf,
        /// Its last lines.
        log_tail: String,
    },

    /// The server runs but the database could not be checked or created.
    #[error("embedded PostgreSQL is up but database `{database}` could not be created: {source}")]
    Database {
        /// The database asked for.
        database: String,
        /// The driver's error.
        #[source]
        source: DbErr,
    },
}

fn io_error(context: impl Into<String>) -> impl FnOnce(io::Error) -> EmbeddedError {
    let context = context.into();
    move |source| EmbeddedError::Io { context, source }
}

/// A PostgreSQL server run from the installed binaries. Stopped by [`EmbeddedPostgres::stop`],
/// or on drop as a best effort.
#[derive(Debug)]
pub struct EmbeddedPostgres {
    cluster: Cluster,
    version: String,
    port: u16,
    ephemeral: bool,
    /// False when a server from an earlier run was found running and reused.
    owns_server: bool,
    /// The data directory's parent was created by us, so an ephemeral stop may remove it.
    created_base_dir: bool,
    stopped: bool,
    watchdog: Option<Child>,
}

impl EmbeddedPostgres {
    /// Finds the binaries, initialises the data directory if it holds no cluster, starts the
    /// server (or reuses one already running on that data directory) and creates
    /// `opts.database` if missing.
    pub async fn start(opts: EmbeddedOptions) -> Result<EmbeddedPostgres, EmbeddedError> {
        let database = opts.database.clone();
        // Process spawning and file-system work block; keep them off the async workers.
        let pg = match tokio::task::spawn_blocking(move || start_blocking(&opts)).await {
            Ok(result) => result?,
            Err(join) => match join.try_into_panic() {
                Ok(panic) => std::panic::resume_unwind(panic),
                Err(join) => {
                    return Err(EmbeddedError::Io {
                        context: "starting embedded PostgreSQL".into(),
                        source: io::Error::other(join),
                    });
                }
            },
        };
        // On error `pg` is dropped here, which stops a server we started.
        pg.ensure_database(&database).await?;
        info!(url = %pg.url(&database), "embedded PostgreSQL ready");
        Ok(pg)
    }

    /// Connection URL for `database` (superuser `postgres`, trust auth, TCP on 127.0.0.1).
    pub fn url(&self, database: &str) -> String {
        format!("postgres://{SUPERUSER}@127.0.0.1:{}/{}", self.port, percent_encode(database))
    }

    /// The TCP port the server listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The data directory (absolute).
    pub fn data_dir(&self) -> &Path {
        &self.cluster.data_dir
    }

    /// The server log file.
    pub fn log_file(&self) -> &Path {
        &self.cluster.log_file
    }

    /// Major version of the server binaries, e.g. `15`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// True when a server from an earlier run was already running on the data directory.
    /// Such a server is left running by `stop` and drop (another process may be using it)
    /// unless [`EmbeddedPostgres::adopt`] is called.
    pub fn reused(&self) -> bool {
        !self.owns_server
    }

    /// Take responsibility for a reused server: `stop` and drop will stop it too.
    pub fn adopt(&mut self) {
        self.owns_server = true;
    }

    /// Make the end of this process stop the server (and delete an ephemeral cluster), even
    /// when the process is killed or the value is never dropped (e.g. it lives in a `static`).
    ///
    /// A small shell process waits for EOF on a pipe whose write end only this process holds;
    /// the kernel closes it however the process ends.
    ///
    /// Like drop, it leaves a reused server that was not adopted alone: another process may be
    /// using it.
    pub fn stop_on_exit(&mut self) -> Result<(), EmbeddedError> {
        if self.watchdog.is_some() || self.stopped || !(self.owns_server || self.ephemeral) {
            return Ok(());
        }
        const SCRIPT: &str = r#"read -r _ignored
"$1" stop -D "$2" -m fast -w -t 60 >/dev/null 2>&1
if [ "$3" = 1 ]; then
  rm -rf -- "$2" "$4" "$5"
  if [ -n "$6" ]; then rmdir -- "$6" 2>/dev/null; fi
fi
exit 0"#;
        let cluster = &self.cluster;
        let mut cmd = Command::new("/bin/sh");
        cmd.arg("-c")
            .arg(SCRIPT)
            .arg("cybershield-pg-watchdog")
            .arg(cluster.bindir.join("pg_ctl"))
            .arg(&cluster.data_dir)
            .arg(if self.ephemeral { "1" } else { "0" })
            .arg(&cluster.socket_dir)
            .arg(&cluster.log_file)
            .arg(if self.created_base_dir { cluster.base_dir.as_os_str() } else { "".as_ref() })
            .current_dir(&cluster.base_dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group: a Ctrl-C aimed at the test run must not kill the watchdog
            // before it has cleaned up.
            .process_group(0);
        if let Some(user) = &cluster.run_as {
            cmd.uid(user.uid).gid(user.gid);
        }
        let child = cmd.spawn().map_err(io_error("spawning the embedded PostgreSQL watchdog"))?;
        self.watchdog = Some(child);
        Ok(())
    }

    /// Stops the server (`pg_ctl stop -m fast`) unless it was reused and not adopted, and deletes
    /// an ephemeral cluster.
    pub async fn stop(mut self) -> Result<(), EmbeddedError> {
        match tokio::task::spawn_blocking(move || self.shutdown()).await {
            Ok(result) => result,
            Err(join) => match join.try_into_panic() {
                Ok(panic) => std::panic::resume_unwind(panic),
                Err(join) => Err(EmbeddedError::Io {
                    context: "stopping embedded PostgreSQL".into(),
                    source: io::Error::other(join),
                }),
            },
        }
    }

    fn shutdown(&mut self) -> Result<(), EmbeddedError> {
        if self.stopped {
            return Ok(());
        }
        self.stopped = true;
        if let Some(mut watchdog) = self.watchdog.take() {
            // An orderly stop: the watchdog must not act, so kill it rather than close its pipe.
            let _ = watchdog.kill();
            let _ = watchdog.wait();
        }
        if self.owns_server || self.ephemeral {
            info!(data_dir = %self.cluster.data_dir.display(), "stopping embedded PostgreSQL");
            let mut cmd = self.cluster.command("pg_ctl");
            cmd.args(["stop", "-w", "-t", PG_CTL_TIMEOUT_SECS, "-m", "fast", "-D"]).arg(&self.cluster.data_dir);
            if let Err(e) = self.cluster.run(cmd, "pg_ctl stop") {
                // Already gone (crashed, stopped by hand) is fine; still running is not.
                if self.cluster.is_running().unwrap_or(true) {
                    return Err(e);
                }
            }
        }
        if self.ephemeral {
            self.cluster.remove_files(self.created_base_dir)?;
        }
        Ok(())
    }

    async fn ensure_database(&self, database: &str) -> Result<(), EmbeddedError> {
        let fail = |source| EmbeddedError::Database { database: database.to_owned(), source };
        let mut opts = ConnectOptions::new(self.url("postgres"));
        opts.max_connections(1).min_connections(0).connect_timeout(Duration::from_secs(10)).sqlx_logging(false);
        let db = Database::connect(opts).await.map_err(fail)?;
        let result = async {
            let exists = db
                .query_one_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "SELECT 1 FROM pg_database WHERE datname = $1",
                    [database.into()],
                ))
                .await?
                .is_some();
            if !exists {
                info!(database, "creating database in embedded PostgreSQL");
                match db.execute_unprepared(&format!("CREATE DATABASE {}", quote_ident(database))).await {
                    Ok(_) => {}
                    // Another process created it between our check and our CREATE.
                    Err(e) if matches!(sql_state(&e).as_deref(), Some("42P04" | "23505")) => {}
                    Err(e) => return Err(e),
                }
            }
            Ok(())
        }
        .await;
        let _ = db.close().await;
        result.map_err(fail)
    }
}

impl Drop for EmbeddedPostgres {
    fn drop(&mut self) {
        if let Err(e) = self.shutdown() {
            warn!(error = %e, "could not stop embedded PostgreSQL");
        }
    }
}

fn start_blocking(opts: &EmbeddedOptions) -> Result<EmbeddedPostgres, EmbeddedError> {
    let bindir = find_bindir()?;
    let version = binaries_version(&bindir)?;
    // Commands run with the socket directory's parent as working directory, so relative paths
    // would resolve differently for them.
    let data_dir =
        std::path::absolute(&opts.data_dir).map_err(io_error(format!("resolving {}", opts.data_dir.display())))?;
    let base_dir = data_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .ok_or_else(|| EmbeddedError::Io {
            context: format!("data directory {}", data_dir.display()),
            source: io::Error::other("it must have a parent directory for the log and socket"),
        })?
        .to_path_buf();
    let created_base_dir = !base_dir.exists();
    fs::create_dir_all(&base_dir).map_err(io_error(format!("creating {}", base_dir.display())))?;
    let run_as = if running_as_root() { Some(system_user()?) } else { None };
    let cluster = Cluster {
        log_file: base_dir.join("postgres.log"),
        socket_dir: base_dir.join("run"),
        bindir,
        data_dir,
        base_dir,
        run_as,
    };
    let mut pg = EmbeddedPostgres {
        cluster,
        version,
        port: 0,
        ephemeral: opts.ephemeral,
        owns_server: false,
        created_base_dir,
        // Nothing runs yet: a failure below must not make Drop stop anything.
        stopped: true,
        watchdog: None,
    };
    match pg.launch(opts) {
        Ok(()) => {
            pg.stopped = false;
            Ok(pg)
        }
        Err(e) => {
            if pg.ephemeral {
                // The error carries the log tail; leave no litter behind.
                let _ = pg.cluster.remove_files(pg.created_base_dir);
            }
            Err(e)
        }
    }
}

impl EmbeddedPostgres {
    /// Prepares the directories, runs initdb if needed, then reuses or starts the server.
    fn launch(&mut self, opts: &EmbeddedOptions) -> Result<(), EmbeddedError> {
        self.cluster.prepare_dirs(opts.ephemeral && self.created_base_dir)?;

        match fs::read_to_string(self.cluster.data_dir.join("PG_VERSION")) {
            Ok(data_version) if data_version.trim() != self.version => {
                return Err(EmbeddedError::VersionMismatch {
                    data_dir: self.cluster.data_dir.clone(),
                    data_version: data_version.trim().to_owned(),
                    bindir: self.cluster.bindir.clone(),
                    binaries_version: self.version.clone(),
                });
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => self.cluster.initdb(opts.ephemeral)?,
            Err(e) => return Err(io_error("reading PG_VERSION")(e)),
        }

        if let Some(port) = self.cluster.running_port()? {
            if opts.port.is_some_and(|wanted| wanted != port) {
                warn!(port, "embedded PostgreSQL already running on another port than configured; using it");
            }
            info!(
                data_dir = %self.cluster.data_dir.display(),
                port,
                "reusing embedded PostgreSQL {} already running",
                self.version
            );
            self.cluster.wait_until_accepting(port)?;
            self.port = port;
            return Ok(());
        }

        for attempt in 1..=START_ATTEMPTS {
            let port = match opts.port {
                Some(port) => port,
                None => free_port()?,
            };
            info!(
                "starting embedded PostgreSQL {} at {} on 127.0.0.1:{port}",
                self.version,
                self.cluster.data_dir.display()
            );
            match self.cluster.start_server(port, opts.ephemeral) {
                Ok(()) => {
                    self.port = port;
                    self.owns_server = true;
                    return Ok(());
                }
                Err(EmbeddedError::StartFailed { log_tail, .. })
                    if opts.port.is_none() && attempt < START_ATTEMPTS && log_tail.contains("could not bind") =>
                {
                    warn!(port, "port taken before the embedded PostgreSQL bound it; trying another");
                }
                Err(e) => return Err(e),
            }
        }
        unreachable!("the last attempt returns")
    }
}

/// The unprivileged account the server runs as when we are root.
#[derive(Debug, Clone)]
struct RunAs {
    name: String,
    uid: u32,
    gid: u32,
}

/// Paths and identity of one cluster; everything that runs a PostgreSQL command.
#[derive(Debug)]
struct Cluster {
    bindir: PathBuf,
    data_dir: PathBuf,
    base_dir: PathBuf,
    log_file: PathBuf,
    socket_dir: PathBuf,
    run_as: Option<RunAs>,
}

impl Cluster {
    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(self.bindir.join(program));
        // The caller's working directory may be unreadable by the server user.
        cmd.current_dir(&self.base_dir).stdin(Stdio::null());
        if let Some(user) = &self.run_as {
            // Safe std API; std also drops root's supplementary groups before switching.
            cmd.uid(user.uid).gid(user.gid);
        }
        cmd
    }

    fn run(&self, mut cmd: Command, what: &str) -> Result<Output, EmbeddedError> {
        let output = cmd.output().map_err(io_error(format!("running {what}")))?;
        if output.status.success() {
            Ok(output)
        } else {
            Err(EmbeddedError::Command {
                command: what.to_owned(),
                status: output.status.to_string(),
                output: output_text(&output),
            })
        }
    }

    /// Deletes the cluster: data directory, socket directory, log, and the parent if we made it.
    fn remove_files(&self, created_base_dir: bool) -> Result<(), EmbeddedError> {
        let _ = fs::remove_dir_all(&self.socket_dir);
        let _ = fs::remove_file(&self.log_file);
        let result = match fs::remove_dir_all(&self.data_dir) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                Err(io_error(format!("removing {}", self.data_dir.display()))(e))
            }
            _ => Ok(()),
        };
        if created_base_dir {
            // Only if empty: the caller may have put other things there.
            let _ = fs::remove_dir(&self.base_dir);
        }
        result
    }

    /// Directories and files the server user must own, with the modes PostgreSQL insists on.
    fn prepare_dirs(&self, chown_base_dir: bool) -> Result<(), EmbeddedError> {
        if let Some(user) = &self.run_as {
            check_traversable(&self.base_dir, &self.data_dir, user)?;
        }
        for dir in [&self.data_dir, &self.socket_dir] {
            match fs::DirBuilder::new().mode(0o700).create(dir) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    // PostgreSQL refuses a data directory readable by others.
                    let meta = fs::metadata(dir).map_err(io_error(format!("reading {}", dir.display())))?;
                    if meta.mode() & 0o027 != 0 {
                        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
                            .map_err(io_error(format!("chmod 700 {}", dir.display())))?;
                    }
                }
                Err(e) => return Err(io_error(format!("creating {}", dir.display()))(e)),
            }
        }
        fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log_file)
            .map_err(io_error(format!("creating {}", self.log_file.display())))?;
        if let Some(user) = &self.run_as {
            chown_tree(&self.data_dir, user)?;
            chown_tree(&self.socket_dir, user)?;
            chown_one(&self.log_file, user)?;
            if chown_base_dir {
                // Ours alone (freshly created for an ephemeral cluster): lets the watchdog, which
                // runs as the server user, remove its contents.
                chown_one(&self.base_dir, user)?;
            }
        }
        Ok(())
    }

    fn initdb(&self, ephemeral: bool) -> Result<(), EmbeddedError> {
        info!(data_dir = %self.data_dir.display(), "initialising embedded PostgreSQL cluster");
        let mut cmd = self.command("initdb");
        cmd.arg("-D").arg(&self.data_dir).args(["-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C"]);
        if ephemeral {
            // Durability is pointless for a throwaway cluster and fsync costs seconds.
            cmd.arg("--no-sync");
        }
        self.run(cmd, "initdb").map(drop)
    }

    /// `Some(port)` when a server from an earlier run is alive on this data directory.
    fn running_port(&self) -> Result<Option<u16>, EmbeddedError> {
        let pid_file = self.data_dir.join("postmaster.pid");
        if !pid_file.exists() || !self.is_running()? {
            return Ok(None);
        }
        let text = fs::read_to_string(&pid_file).map_err(io_error(format!("reading {}", pid_file.display())))?;
        // Line 4 of postmaster.pid is the port.
        match text.lines().nth(3).and_then(|l| l.trim().parse::<u16>().ok()) {
            Some(port) => Ok(Some(port)),
            None => Err(EmbeddedError::StartFailed {
                data_dir: self.data_dir.clone(),
                reason: format!("a server is running but {} names no port", pid_file.display()),
                log_file: self.log_file.clone(),
                log_tail: log_tail(&self.log_file, 0),
            }),
        }
    }

    /// `pg_ctl status`: exit 0 when the postmaster in postmaster.pid is alive, 3 when not.
    fn is_running(&self) -> Result<bool, EmbeddedError> {
        let mut cmd = self.command("pg_ctl");
        cmd.arg("status").arg("-D").arg(&self.data_dir).stdout(Stdio::null()).stderr(Stdio::null());
        let status = cmd.status().map_err(io_error("running pg_ctl status"))?;
        Ok(status.success())
    }

    fn start_server(&self, port: u16, ephemeral: bool) -> Result<(), EmbeddedError> {
        let log_offset = fs::metadata(&self.log_file).map(|m| m.len()).unwrap_or(0);
        // `-o` goes through `/bin/sh`, hence the quoting.
        let mut server_opts = format!("-p {port} -c listen_addresses=127.0.0.1");
        let socket_file_len = self.socket_dir.as_os_str().len() + "/.s.PGSQL.65535".len();
        match self.socket_dir.to_str() {
            Some(dir) if socket_file_len <= MAX_SOCKET_PATH => {
                server_opts.push_str(&format!(" -k {}", shell_quote(dir)));
            }
            // We connect over TCP; the default socket directory may not be writable by us.
            _ => server_opts.push_str(" -c unix_socket_directories=''"),
        }
        if ephemeral {
            server_opts.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        let mut cmd = self.command("pg_ctl");
        cmd.args(["start", "-w", "-t", PG_CTL_TIMEOUT_SECS, "-D"])
            .arg(&self.data_dir)
            .arg("-l")
            .arg(&self.log_file)
            .arg("-o")
            .arg(server_opts);
        let output = cmd.output().map_err(io_error("running pg_ctl start"))?;
        if output.status.success() {
            return Ok(());
        }
        Err(EmbeddedError::StartFailed {
            data_dir: self.data_dir.clone(),
            reason: format!("pg_ctl start failed ({}): {}", output.status, output_text(&output)),
            log_file: self.log_file.clone(),
            log_tail: log_tail(&self.log_file, log_offset),
        })
    }

    fn wait_until_accepting(&self, port: u16) -> Result<(), EmbeddedError> {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        for _ in 0..20 {
            if TcpStream::connect_timeout(&addr, Duration::from_millis(500)).is_ok() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        Err(EmbeddedError::StartFailed {
            data_dir: self.data_dir.clone(),
            reason: format!(
                "postmaster.pid says a server is running on port {port}, but nothing answers there; \
                 stop it (`pg_ctl stop -D {}`) or remove the stale postmaster.pid",
                self.data_dir.display()
            ),
            log_file: self.log_file.clone(),
            log_tail: log_tail(&self.log_file, 0),
        })
    }
}

/// `CYBERSHIELD_PG_BINDIR`, else `pg_config --bindir`, else `/usr/lib/postgresql/<highest>/bin`,
/// else `PATH`.
fn find_bindir() -> Result<PathBuf, EmbeddedError> {
    search_bindir(has_server_binaries).map_err(|searched| EmbeddedError::BinariesNotFound { searched })
}

/// A PostgreSQL program (`pg_dump`, `pg_restore`, `pg_ctl`, …), looked for where the server
/// binaries are: `CYBERSHIELD_PG_BINDIR`, else `pg_config --bindir`, else
/// `/usr/lib/postgresql/<highest>/bin`, else `PATH`.
pub fn find_bin(name: &str) -> Result<PathBuf, EmbeddedError> {
    search_bindir(|dir| dir.join(name).is_file())
        .map(|dir| dir.join(name))
        .map_err(|searched| EmbeddedError::ProgramNotFound { name: name.to_owned(), searched })
}

/// The first directory, in the order of [`find_bin`], that `fits`; else where we looked.
fn search_bindir(fits: impl Fn(&Path) -> bool) -> Result<PathBuf, Vec<String>> {
    if let Some(dir) = std::env::var_os(BINDIR_ENV) {
        let dir = PathBuf::from(dir);
        // An explicit setting that is wrong must not be papered over by another install.
        return if fits(&dir) { Ok(dir) } else { Err(vec![format!("{BINDIR_ENV}={}", dir.display())]) };
    }
    let mut searched = Vec::new();

    // Debian's libpq-dev ships a pg_config whose bindir (/usr/bin) has no server binaries.
    if let Ok(out) = Command::new("pg_config").arg("--bindir").stderr(Stdio::null()).output()
        && out.status.success()
    {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if fits(&dir) {
            return Ok(dir);
        }
        searched.push(format!("pg_config --bindir ({})", dir.display()));
    } else {
        searched.push("pg_config --bindir (no pg_config)".into());
    }

    let debian = Path::new("/usr/lib/postgresql");
    let mut majors: Vec<(u32, PathBuf)> = fs::read_dir(debian)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let major = entry.file_name().to_str()?.split('.').next()?.parse().ok()?;
            Some((major, entry.path().join("bin")))
        })
        .collect();
    majors.sort_by_key(|(major, _)| std::cmp::Reverse(*major));
    if let Some((_, dir)) = majors.into_iter().find(|(_, dir)| fits(dir)) {
        return Ok(dir);
    }
    searched.push(format!("{}/<major>/bin", debian.display()));

    if let Some(path) = std::env::var_os("PATH")
        && let Some(dir) = std::env::split_paths(&path).find(|dir| fits(dir))
    {
        return Ok(dir);
    }
    searched.push("PATH".into());
    Err(searched)
}

fn has_server_binaries(dir: &Path) -> bool {
    ["initdb", "pg_ctl", "postgres"].iter().all(|bin| dir.join(bin).is_file())
}

/// Major version of the binaries as written in `PG_VERSION` ("15"; "9.6" before 10).
fn binaries_version(bindir: &Path) -> Result<String, EmbeddedError> {
    let output =
        Command::new(bindir.join("pg_ctl")).arg("--version").output().map_err(io_error("running pg_ctl --version"))?;
    // "pg_ctl (PostgreSQL) 15.14 (Debian 15.14-1.pgdg120+1)"
    let text = String::from_utf8_lossy(&output.stdout);
    let version = text.split_whitespace().nth(2).unwrap_or_default();
    let mut parts = version.split(|c: char| !c.is_ascii_digit());
    match parts.next().and_then(|major| major.parse::<u32>().ok()) {
        Some(major) if major >= 10 => Ok(major.to_string()),
        Some(major) => Ok(format!("{major}.{}", parts.next().unwrap_or("0"))),
        None => Err(EmbeddedError::Command {
            command: "pg_ctl --version".into(),
            status: output.status.to_string(),
            output: output_text(&output),
        }),
    }
}

#[expect(unsafe_code, reason = "geteuid has no preconditions and cannot fail; std offers no equivalent")]
fn running_as_root() -> bool {
    // SAFETY: geteuid(2) only reads the calling process's credentials.
    unsafe { libc::geteuid() == 0 }
}

/// `postgres` if it exists, else `cybershield`, created as a system user if needed.
fn system_user() -> Result<RunAs, EmbeddedError> {
    for name in [SUPERUSER, SYSTEM_USER] {
        if let Some(user) = passwd_entry(name)? {
            return Ok(user);
        }
    }
    info!("creating system user `{SYSTEM_USER}` to run the embedded PostgreSQL (it refuses root)");
    let output = Command::new("useradd")
        .args(["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER])
        .output();
    // A parallel process may have created it meanwhile (useradd then fails); look again.
    if let Some(user) = passwd_entry(SYSTEM_USER)? {
        return Ok(user);
    }
    std::thread::sleep(Duration::from_millis(200));
    if let Some(user) = passwd_entry(SYSTEM_USER)? {
        return Ok(user);
    }
    let detail = match output {
        Ok(out) => format!("`useradd {SYSTEM_USER}` failed ({}): {}", out.status, output_text(&out)),
        Err(e) => format!("`useradd` could not be run: {e}"),
    };
    Err(EmbeddedError::SystemUser { detail })
}

fn passwd_entry(name: &str) -> Result<Option<RunAs>, EmbeddedError> {
    let passwd = fs::read_to_string("/etc/passwd").map_err(io_error("reading /etc/passwd"))?;
    Ok(passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        if fields.next()? != name {
            return None;
        }
        let uid = fields.nth(1)?.parse().ok()?;
        let gid = fields.next()?.parse().ok()?;
        Some(RunAs { name: name.to_owned(), uid, gid })
    }))
}

/// The server user must be able to search every directory down to the data directory.
fn check_traversable(base_dir: &Path, data_dir: &Path, user: &RunAs) -> Result<(), EmbeddedError> {
    for dir in base_dir.ancestors() {
        let meta = fs::metadata(dir).map_err(io_error(format!("reading {}", dir.display())))?;
        let mode = meta.mode();
        // The supplementary groups are dropped when switching user, so only these three count.
        let searchable = if meta.uid() == user.uid {
            mode & 0o100 != 0
        } else if meta.gid() == user.gid {
            mode & 0o010 != 0
        } else {
            mode & 0o001 != 0
        };
        if !searchable {
            return Err(EmbeddedError::DataDirUnreachable {
                user: user.name.clone(),
                data_dir: data_dir.to_path_buf(),
                blocking_dir: dir.to_path_buf(),
            });
        }
    }
    Ok(())
}

fn chown_one(path: &Path, user: &RunAs) -> Result<(), EmbeddedError> {
    std::os::unix::fs::lchown(path, Some(user.uid), Some(user.gid)).map_err(io_error(format!(
        "chown {} {}",
        user.name,
        path.display()
    )))
}

/// `chown -R`, skipped when the top is already the user's (a persistent cluster on restart).
fn chown_tree(path: &Path, user: &RunAs) -> Result<(), EmbeddedError> {
    let meta = fs::symlink_metadata(path).map_err(io_error(format!("reading {}", path.display())))?;
    if meta.uid() == user.uid && meta.gid() == user.gid {
        return Ok(());
    }
    fn walk(path: &Path, user: &RunAs) -> Result<(), EmbeddedError> {
        chown_one(path, user)?;
        let meta = fs::symlink_metadata(path).map_err(io_error(format!("reading {}", path.display())))?;
        if meta.is_dir() {
            for entry in fs::read_dir(path).map_err(io_error(format!("reading {}", path.display())))? {
                let entry = entry.map_err(io_error(format!("reading {}", path.display())))?;
                walk(&entry.path(), user)?;
            }
        }
        Ok(())
    }
    walk(path, user)
}

fn free_port() -> Result<u16, EmbeddedError> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(io_error("finding a free port"))?;
    listener.local_addr().map(|a| a.port()).map_err(io_error("finding a free port"))
}

/// The last lines the server wrote to its log since `offset`.
fn log_tail(log_file: &Path, offset: u64) -> String {
    let mut text = String::new();
    if let Ok(mut file) = fs::File::open(log_file) {
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        let start = if offset <= len { offset } else { 0 };
        let _ = file.seek(SeekFrom::Start(start));
        let mut bytes = Vec::new();
        let _ = file.read_to_end(&mut bytes);
        text = String::from_utf8_lossy(&bytes).into_owned();
    }
    let lines: Vec<&str> = text.lines().collect();
    let tail = lines[lines.len().saturating_sub(LOG_TAIL_LINES)..].join("\n");
    if tail.is_empty() { "(log is empty)".into() } else { tail }
}

fn output_text(output: &Output) -> String {
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout).trim(),
        String::from_utf8_lossy(&output.stderr).trim()
    );
    text.trim().to_owned()
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Percent-encodes everything but RFC 3986 unreserved characters, for the URL path.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The SQLSTATE of a database error, e.g. `42P04` (duplicate database).
fn sql_state(err: &DbErr) -> Option<String> {
    match err {
        DbErr::Exec(sea_orm::RuntimeErr::SqlxError(e)) | DbErr::Query(sea_orm::RuntimeErr::SqlxError(e)) => {
            e.as_database_error().and_then(|d| d.code()).map(|c| c.into_owned())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binaries_not_found_names_the_three_ways_out() {
        let message = EmbeddedError::BinariesNotFound { searched: vec!["PATH".into()] }.to_string();
        assert!(message.contains("apt-get install postgresql"), "{message}");
        assert!(message.contains("brew install postgresql@15"), "{message}");
        assert!(message.contains(BINDIR_ENV), "{message}");
        assert!(message.contains("DATABASE_URL"), "{message}");
        assert!(!message.contains('\n'), "one line: {message}");
    }

    #[test]
    fn a_missing_program_is_named_with_the_ways_out() {
        let message =
            EmbeddedError::ProgramNotFound { name: "pg_dump".into(), searched: vec!["PATH".into()] }.to_string();
        assert!(message.contains("`pg_dump` was not found (looked in: PATH)"), "{message}");
        assert!(message.contains("postgresql-client") && message.contains(BINDIR_ENV), "{message}");
    }

    #[test]
    fn url_encodes_the_database_name() {
        assert_eq!(percent_encode("cyber shield/x"), "cyber%20shield%2Fx");
        assert_eq!(percent_encode("cs_test-1.a~"), "cs_test-1.a~");
    }

    #[test]
    fn shell_quote_survives_quotes() {
        assert_eq!(shell_quote("/tmp/it's"), r"'/tmp/it'\''s'");
    }
}
