//! `cybershield backup` and `cybershield restore`: a `pg_dump` custom-format archive plus a
//! manifest that lets a restore prove it got back every row.
//!
//! A backup is two files: `cybershield-<UTC time>.dump` and `cybershield-<UTC time>.manifest.json`
//! (format version, time, database, server and `pg_dump` versions, the migrations applied, every
//! table's row count and content checksum, and the dump's size and SHA-256). The manifest's figures
//! and the dump come from the same snapshot (`pg_export_snapshot` + `pg_dump --snapshot`), so they
//! agree even while the gateway keeps writing.
//!
//! A table's checksum is computed from the MD5 of each row as text: the two 64-bit halves of those
//! are summed over the table (exactly, as `numeric`) and the checksum is the MD5 of the two sums.
//! The sum does not depend on row order, so there is no sort and no table-sized string (MD5 over
//! `string_agg(… ORDER BY …)` needs both and fails past 1 GB of text); it reads each table once,
//! about 4.5 s per million rows of `project_issues` here (the same rows give the same sums, and a
//! changed, lost or duplicated row changes them: a check against damage, not against forgery).
//! Session settings that change how values print (time zone, date style, float digits, bytea
//! output) are pinned, so the same rows give the same checksum on any server or database.
//!
//! `pg_dump` and `pg_restore` are found like the embedded PostgreSQL's binaries
//! ([`find_bin`]) and run as the current user (they are clients). The password never appears in
//! their arguments or in logs: it goes to the child's environment as `PGPASSWORD`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};

use anyhow::{Context, bail};
use chrono::{DateTime, SecondsFormat, Utc};
use cybershield_core::config::{Config, PoolConfig};
use cybershield_core::db::redact_url;
use cybershield_core::embedded::find_bin;
use cybershield_core::schema::security::APP_ROLE;
use sea_orm::{AccessMode, ConnectionTrait, DbBackend, IsolationLevel, Statement, TransactionTrait};
use sea_orm_migration::MigratorTrait;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::database::Provisioned;

/// Version of the manifest's layout; a restore refuses other versions.
pub const MANIFEST_FORMAT: u32 = 1;

/// Backups written into a directory are named `cybershield-<UTC time>.dump`; `--keep` rotates only
/// files named so.
const NAME_PREFIX: &str = "cybershield-";
const DUMP_SUFFIX: &str = ".dump";
const MANIFEST_SUFFIX: &str = ".manifest.json";
/// Where backups go without `--out`.
pub const DEFAULT_DIR: &str = "backups";
/// Shared with `schema::security::apply`: creating the cluster-wide role is serialised with it.
const ROLE_LOCK_KEY: i64 = 7243010;
/// Mismatches listed in a failed verification before "… and N more".
const MAX_LISTED: usize = 20;

/// `cybershield backup`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct BackupArgs {
    /// Where to write: a file name (its manifest goes next to it), or a directory (existing, or
    /// ending in `/`) to write `cybershield-<UTC time>.dump` into [default: ./backups/]
    #[arg(long, value_name = "FILE|DIR")]
    pub out: Option<PathBuf>,
    /// Then delete all but the N newest `cybershield-*.dump` backups (and their manifests) of the
    /// output directory, for a scheduled job
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub keep: Option<u32>,
}

/// `cybershield restore`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct RestoreArgs {
    /// The `.dump` file; its `.manifest.json` must be next to it
    pub file: PathBuf,
    /// Restore into a database that is not empty: first DROP its schema `public` with every table
    /// in it and all their data
    #[arg(long)]
    pub force: bool,
}

/// The manifest written next to every dump.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format_version: u32,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// The source database's name.
    pub database: String,
    /// `server_version` of the source, e.g. `15.14 (Debian 15.14-1.pgdg120+1)`.
    pub server_version: String,
    /// `pg_dump --version`.
    pub pg_dump_version: String,
    /// Applied migrations, oldest first.
    pub migrations: Vec<String>,
    /// Every table of schema `public` (partitioned tables as a whole), by name.
    pub tables: BTreeMap<String, TableSum>,
    pub dump: DumpFile,
}

/// A table's contents, summed up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableSum {
    pub rows: i64,
    /// MD5 (hex) of `"<Σ high halves>:<Σ low halves>"` of the rows' MD5s (see the module doc).
    pub checksum: String,
}

/// The dump file the manifest describes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpFile {
    /// The file name (no directory: the pair may be moved together).
    pub file: String,
    pub bytes: u64,
    /// SHA-256 (hex) of the whole file.
    pub sha256: String,
}

/// `cybershield backup`: dumps the database, writes the manifest, rotates with `--keep`, and
/// prints one line of JSON describing the backup.
pub async fn backup_command(config: &Config, args: BackupArgs) -> anyhow::Result<ExitCode> {
    let (dump_path, manifest_path) = output_paths(args.out.as_deref(), Utc::now());
    let database = Provisioned::open(config).await?;
    let result = backup(&database, config, &dump_path, &manifest_path).await;
    database.stop().await;
    let manifest = result?;
    let removed = match args.keep {
        Some(keep) => rotate(dump_path.parent().unwrap_or(Path::new(".")), keep as usize)?,
        None => Vec::new(),
    };
    let summary = serde_json::json!({
        "file": dump_path,
        "manifest": manifest_path,
        "bytes": manifest.dump.bytes,
        "sha256": manifest.dump.sha256,
        "tables": manifest.tables.len(),
        "rows": manifest.tables.values().map(|t| t.rows).sum::<i64>(),
        "removed": removed,
    });
    println!("{summary}");
    Ok(ExitCode::SUCCESS)
}

/// `cybershield restore FILE [--force]`: checks the dump against its manifest, restores it into
/// an empty database, re-applies row-level security and proves every table came back.
pub async fn restore_command(config: &Config, args: RestoreArgs) -> anyhow::Result<ExitCode> {
    let manifest_path = manifest_path_for(&args.file);
    let manifest = read_manifest(&manifest_path)?;
    let digest = sha256_file(args.file.clone()).await?;
    if digest != manifest.dump.sha256 {
        bail!(
            "{} does not match its manifest (SHA-256 {digest}, manifest says {}): the dump is damaged or is not the \
             one {} describes; nothing was restored",
            args.file.display(),
            manifest.dump.sha256,
            manifest_path.display()
        );
    }
    tracing::info!(file = %args.file.display(), sha256 = %digest, "dump matches its manifest");
    let database = Provisioned::open(config).await?;
    let result = restore(&database, config, &args, &manifest).await;
    database.stop().await;
    result
}

/// The dump and manifest paths for `--out`.
pub fn output_paths(out: Option<&Path>, now: DateTime<Utc>) -> (PathBuf, PathBuf) {
    let name = format!("{NAME_PREFIX}{}{DUMP_SUFFIX}", now.format("%Y%m%dT%H%M%S%.3fZ"));
    let dump = match out {
        None => Path::new(DEFAULT_DIR).join(name),
        Some(out) if out.is_dir() || out.as_os_str().to_string_lossy().ends_with('/') => out.join(name),
        Some(out) => out.to_path_buf(),
    };
    let manifest = manifest_path_for(&dump);
    (dump, manifest)
}

/// `x.dump` → `x.manifest.json`; any other name gets `.manifest.json` appended.
pub fn manifest_path_for(dump: &Path) -> PathBuf {
    let name = dump.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(DUMP_SUFFIX).unwrap_or(&name);
    dump.with_file_name(format!("{stem}{MANIFEST_SUFFIX}"))
}

/// A pool for these commands: two connections, no statement timeout (a checksum reads a whole
/// table).
fn tool_pool(config: &Config) -> PoolConfig {
    PoolConfig { size: 2, max_overflow: 0, min_idle: 0, recycle: None, statement_timeout: None, ..config.pool.clone() }
}

async fn backup(
    database: &Provisioned,
    config: &Config,
    dump_path: &Path,
    manifest_path: &Path,
) -> anyhow::Result<Manifest> {
    let pg_dump = find_bin("pg_dump")?;
    let pg_dump_version = program_version(&pg_dump).await?;
    if let Some(dir) = dump_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let client = LibpqTarget::from_url(database.url())?;
    let db = cybershield_core::db::connect(database.url(), &tool_pool(config))
        .await
        .with_context(|| format!("cannot connect to {}", redact_url(database.url())))?;
    // One snapshot for the dump and the manifest: both see the same rows however busy the database is.
    let tx = db.begin_with_config(Some(IsolationLevel::RepeatableRead), Some(AccessMode::ReadOnly)).await?;
    let snapshot: String = scalar(&tx, "SELECT pg_export_snapshot()").await?;
    pin_output_settings(&tx).await?;
    let created_at = Utc::now();
    let partial = with_suffix(dump_path, ".partial");
    tracing::info!(file = %dump_path.display(), database = %redact_url(database.url()), "backing up");
    let mut dump = client.command(&pg_dump, config);
    dump.arg("--format=custom").arg(format!("--snapshot={snapshot}")).arg("--file").arg(&partial);
    let (dumped, described) = tokio::join!(run(dump, "pg_dump"), describe(&tx));
    // Only read; nothing to commit. The dump has imported the snapshot by now.
    let _ = tx.rollback().await;
    db.close().await.ok();
    if let Err(e) = dumped {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    let (database_name, server_version, migrations, tables) = match described {
        Ok(described) => described,
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(e.context("cannot count the tables' rows"));
        }
    };
    let bytes = std::fs::metadata(&partial).with_context(|| format!("cannot read {}", partial.display()))?.len();
    let sha256 = sha256_file(partial.clone()).await?;
    let manifest = Manifest {
        format_version: MANIFEST_FORMAT,
        created_at: created_at.to_rfc3339_opts(SecondsFormat::Millis, true),
        database: database_name,
        server_version,
        pg_dump_version,
        migrations,
        tables,
        dump: DumpFile {
            file: dump_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            bytes,
            sha256,
        },
    };
    // The dump first, the manifest last: a manifest is only ever next to a whole dump.
    std::fs::rename(&partial, dump_path).with_context(|| format!("cannot write {}", dump_path.display()))?;
    let manifest_partial = with_suffix(manifest_path, ".partial");
    std::fs::write(&manifest_partial, serde_json::to_string_pretty(&manifest)? + "\n")
        .with_context(|| format!("cannot write {}", manifest_partial.display()))?;
    std::fs::rename(&manifest_partial, manifest_path)
        .with_context(|| format!("cannot write {}", manifest_path.display()))?;
    tracing::info!(
        file = %dump_path.display(),
        bytes,
        tables = manifest.tables.len(),
        "backup written"
    );
    Ok(manifest)
}

type Described = (String, String, Vec<String>, BTreeMap<String, TableSum>);

/// Database name, server version, applied migrations and every table's sum, in `db`'s snapshot.
async fn describe(db: &impl ConnectionTrait) -> anyhow::Result<Described> {
    let database: String = scalar(db, "SELECT current_database()").await?;
    let server_version: String = scalar(db, "SELECT current_setting('server_version')").await?;
    let migrated: bool = scalar(db, "SELECT to_regclass('public.seaql_migrations') IS NOT NULL").await?;
    let migrations = if migrated {
        db.query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT version FROM seaql_migrations ORDER BY version",
        ))
        .await?
        .iter()
        .map(|row| row.try_get::<String>("", "version"))
        .collect::<Result<_, _>>()?
    } else {
        Vec::new()
    };
    Ok((database, server_version, migrations, table_sums(db).await?))
}

/// Every table of schema `public` with its row count and checksum.
pub async fn table_sums(db: &impl ConnectionTrait) -> anyhow::Result<BTreeMap<String, TableSum>> {
    let tables = db
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1",
        ))
        .await?
        .iter()
        .map(|row| row.try_get::<String>("", "name"))
        .collect::<Result<Vec<_>, _>>()?;
    let mut sums = BTreeMap::new();
    for table in tables {
        // The aliases are unlikely to be column names (a column of that name would win over them).
        let sql = format!(
            "SELECT count(*) AS rows, md5( \
               coalesce(sum(('x' || substr(cybershield_md5, 1, 16))::bit(64)::bigint::numeric), 0) || ':' || \
               coalesce(sum(('x' || substr(cybershield_md5, 17, 16))::bit(64)::bigint::numeric), 0)) AS checksum \
             FROM public.{} AS cybershield_row, LATERAL md5(cybershield_row::text) AS cybershield_md5",
            quote_ident(&table)
        );
        let row = db
            .query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
            .await
            .with_context(|| format!("cannot read table {table}"))?
            .context("an aggregate returns a row")?;
        sums.insert(table, TableSum { rows: row.try_get("", "rows")?, checksum: row.try_get("", "checksum")? });
    }
    Ok(sums)
}

/// Pins every setting that changes a value's text, for the rest of the transaction; and turns
/// row-level security off, so a role it would apply to gets an error instead of a partial count.
async fn pin_output_settings(tx: &impl ConnectionTrait) -> anyhow::Result<()> {
    tx.execute_unprepared(
        "SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; \
         SET LOCAL extra_float_digits = 1; SET LOCAL bytea_output = 'hex'; SET LOCAL row_security = off",
    )
    .await?;
    Ok(())
}

async fn restore(
    database: &Provisioned,
    config: &Config,
    args: &RestoreArgs,
    manifest: &Manifest,
) -> anyhow::Result<ExitCode> {
    let pg_restore = find_bin("pg_restore")?;
    let client = LibpqTarget::from_url(database.url())?;
    let db = cybershield_core::db::connect(database.url(), &tool_pool(config))
        .await
        .with_context(|| format!("cannot connect to {}", redact_url(database.url())))?;
    let result = async {
        let target: String = scalar(&db, "SELECT current_database()").await?;
        let objects: i64 = scalar(
            &db,
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')",
        )
        .await?;
        if objects > 0 {
            if !args.force {
                eprintln!(
                    "database `{target}` is not empty ({objects} tables, views or sequences in schema public); \
                     restore into an empty database (CREATE DATABASE …), or pass --force to DROP schema public \
                     of `{target}` with everything in it first"
                );
                return Ok(ExitCode::from(2));
            }
            let warning = format!(
                "--force: dropping schema public of database `{target}` with its {objects} tables, views and \
                 sequences and ALL their data"
            );
            eprintln!("WARNING: {warning}");
            tracing::warn!("{warning}");
            let tx = db.begin().await?;
            // CREATE SCHEMA makes the current user its owner; PUBLIC's USAGE is PostgreSQL 15's default.
            tx.execute_unprepared(
                "DROP SCHEMA public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC",
            )
            .await?;
            tx.commit().await?;
        }
        // Policies in the dump name the application role; it is cluster-wide, so a new server lacks it.
        let tx = db.begin().await?;
        tx.execute_unprepared(&format!(
            "SELECT pg_advisory_xact_lock({ROLE_LOCK_KEY}); \
             DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN \
             CREATE ROLE {APP_ROLE} NOLOGIN NOBYPASSRLS; END IF; END $$"
        ))
        .await?;
        tx.commit().await?;

        tracing::info!(file = %args.file.display(), database = %target, "restoring");
        // One transaction: a restore that fails leaves the database as it was. Grants are left out
        // (they may name roles this server lacks); row security re-applies the application's own.
        let mut command = client.command(&pg_restore, config);
        command.args(["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]).arg(&args.file);
        run(command, "pg_restore").await?;

        let known: Vec<String> =
            cybershield_migration::Migrator::migrations().iter().map(|m| m.name().to_owned()).collect();
        let unknown: Vec<&String> = manifest.migrations.iter().filter(|m| !known.contains(m)).collect();
        let missing = known.iter().filter(|m| !manifest.migrations.contains(m)).count();
        if !unknown.is_empty() {
            tracing::warn!(
                migrations = ?unknown,
                "the backup has migrations this cybershield does not know: restore it with the version that wrote it"
            );
        }
        if missing == 0 {
            cybershield_migration::apply_row_security(&db).await.context("cannot re-apply row-level security")?;
        } else {
            tracing::warn!(
                pending = missing,
                "the backup predates migrations of this cybershield; run `cybershield migrate` (or start `serve`, \
                 which migrates) to apply them and row-level security"
            );
        }

        let tx = db.begin_with_config(Some(IsolationLevel::RepeatableRead), Some(AccessMode::ReadOnly)).await?;
        pin_output_settings(&tx).await?;
        let restored = table_sums(&tx).await;
        let _ = tx.rollback().await;
        let restored = restored?;
        let problems = compare(&manifest.tables, &restored);
        if !problems.is_empty() {
            let shown = problems.iter().take(MAX_LISTED).map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n");
            let more = problems.len().saturating_sub(MAX_LISTED);
            let more = if more > 0 { format!("\n  … and {more} more") } else { String::new() };
            bail!(
                "restore verification FAILED: database `{target}` does not hold what the manifest describes \
                 ({} of {} tables differ):\n{shown}{more}",
                problems.len(),
                manifest.tables.len()
            );
        }
        let summary = serde_json::json!({
            "restored": args.file,
            "database": target,
            "tables": restored.len(),
            "rows": restored.values().map(|t| t.rows).sum::<i64>(),
            "verified": true,
        });
        println!("{summary}");
        anyhow::Ok(ExitCode::SUCCESS)
    }
    .await;
    db.close().await.ok();
    result
}

/// What differs between the manifest's tables and the restored ones, one line each.
pub fn compare(expected: &BTreeMap<String, TableSum>, actual: &BTreeMap<String, TableSum>) -> Vec<String> {
    let mut problems = Vec::new();
    for (table, want) in expected {
        match actual.get(table) {
            None => problems.push(format!("{table}: missing")),
            Some(got) if got.rows != want.rows => {
                problems.push(format!("{table}: {} rows, the manifest says {}", got.rows, want.rows))
            }
            Some(got) if got.checksum != want.checksum => {
                problems.push(format!("{table}: same {} rows but different contents (checksum)", got.rows))
            }
            Some(_) => {}
        }
    }
    for table in actual.keys().filter(|t| !expected.contains_key(*t)) {
        problems.push(format!("{table}: not in the manifest"));
    }
    problems
}

fn read_manifest(path: &Path) -> anyhow::Result<Manifest> {
    let text = std::fs::read_to_string(path).with_context(|| {
        format!("cannot read the manifest {} (it is written next to the dump by `cybershield backup`)", path.display())
    })?;
    let value: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))?;
    match value.get("format_version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(MANIFEST_FORMAT) => {}
        other => bail!(
            "{} has manifest format {}; this cybershield reads format {MANIFEST_FORMAT}",
            path.display(),
            other.map_or_else(|| "(none)".to_string(), |v| v.to_string())
        ),
    }
    serde_json::from_value(value).with_context(|| format!("{} is not a backup manifest", path.display()))
}

/// Deletes all but the `keep` newest `cybershield-*.dump` files of `dir` with their manifests;
/// returns what it deleted. The names sort by time.
pub fn rotate(dir: &Path, keep: usize) -> anyhow::Result<Vec<PathBuf>> {
    let mut dumps: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(NAME_PREFIX) && n.ends_with(DUMP_SUFFIX))
        })
        .collect();
    dumps.sort();
    let excess = dumps.len().saturating_sub(keep);
    let mut removed = Vec::new();
    for dump in dumps.into_iter().take(excess) {
        for path in [manifest_path_for(&dump), dump] {
            match std::fs::remove_file(&path) {
                Ok(()) => removed.push(path),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e).with_context(|| format!("cannot delete {}", path.display())),
            }
        }
    }
    if !removed.is_empty() {
        tracing::info!(removed = removed.len(), keep, dir = %dir.display(), "old backups deleted");
    }
    Ok(removed)
}

/// SHA-256 of a file, hex.
pub async fn sha256_file(path: PathBuf) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let mut file = std::fs::File::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
        let mut hasher = Sha256::new();
        let mut buffer = vec![0u8; 1 << 16];
        loop {
            let n = file.read(&mut buffer).with_context(|| format!("cannot read {}", path.display()))?;
            if n == 0 {
                break;
            }
            hasher.update(&buffer[..n]);
        }
        Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
    })
    .await?
}

/// Where a libpq program connects: the URL without its password, and the password apart.
struct LibpqTarget {
    url: String,
    password: Option<String>,
}

impl LibpqTarget {
    fn from_url(url: &str) -> anyhow::Result<Self> {
        // The parse error would quote the URL: say only that it is wrong.
        let mut parsed =
            url::Url::parse(url).map_err(|e| anyhow::anyhow!("invalid database URL {}: {e}", redact_url(url)))?;
        let mut password =
            parsed.password().map(|p| percent_encoding::percent_decode_str(p).decode_utf8_lossy().into_owned());
        let _ = parsed.set_password(None);
        let mut kept = Vec::new();
        for (key, value) in parsed.query_pairs().into_owned() {
            match key.as_str() {
                "password" => password = Some(value),
                // sqlx's own parameter; libpq would reject it.
                "statement-cache-capacity" => {}
                _ => kept.push((key, value)),
            }
        }
        if kept.is_empty() {
            parsed.set_query(None);
        } else {
            parsed.query_pairs_mut().clear().extend_pairs(kept);
        }
        Ok(LibpqTarget { url: parsed.into(), password })
    }

    /// `program --dbname <url> --no-password`, the password in its environment.
    fn command(&self, program: &Path, config: &Config) -> tokio::process::Command {
        let mut command = tokio::process::Command::new(program);
        command.arg("--dbname").arg(&self.url).arg("--no-password");
        if let Some(password) = &self.password {
            command.env("PGPASSWORD", password);
        }
        // Whole seconds, at least 2 (libpq's advice).
        let connect_timeout = config.pool.timeout.as_secs().max(2);
        command
            .env("PGCONNECT_TIMEOUT", connect_timeout.to_string())
            .env("PGAPPNAME", "cybershield-backup")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        command
    }
}

/// Runs a libpq program to completion; its stderr is the error when it fails.
async fn run(mut command: tokio::process::Command, what: &str) -> anyhow::Result<()> {
    let output = command.output().await.with_context(|| format!("cannot run {what}"))?;
    if output.status.success() {
        return Ok(());
    }
    bail!("{what} failed ({}): {}", output.status, String::from_utf8_lossy(&output.stderr).trim())
}

/// `pg_dump --version`'s line, e.g. `pg_dump (PostgreSQL) 15.14`.
async fn program_version(program: &Path) -> anyhow::Result<String> {
    let output = tokio::process::Command::new(program)
        .arg("--version")
        .output()
        .await
        .with_context(|| format!("cannot run {}", program.display()))?;
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

async fn scalar<T: sea_orm::TryGetable>(db: &impl ConnectionTrait, sql: &str) -> anyhow::Result<T> {
    let row = db
        .query_one_raw(Statement::from_string(DbBackend::Postgres, sql))
        .await?
        .with_context(|| format!("no row from {sql}"))?;
    Ok(row.try_get_by_index(0)?)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_manifests() {
        let now = DateTime::parse_from_rfc3339("2030-01-02T03:04:05.678Z").unwrap().with_timezone(&Utc);
        let (dump, manifest) = output_paths(None, now);
        assert_eq!(dump, Path::new("backups/cybershield-20300102T030405.678Z.dump"));
        assert_eq!(manifest, Path::new("backups/cybershield-20300102T030405.678Z.manifest.json"));
        let dir = std::env::temp_dir();
        let (dump, _) = output_paths(Some(&dir), now);
        assert_eq!(dump, dir.join("cybershield-20300102T030405.678Z.dump"));
        let (dump, manifest) = output_paths(Some(Path::new("/x/nightly.dump")), now);
        assert_eq!(
            (dump.as_path(), manifest.as_path()),
            (Path::new("/x/nightly.dump"), Path::new("/x/nightly.manifest.json"))
        );
        assert_eq!(manifest_path_for(Path::new("a/b.bak")), Path::new("a/b.bak.manifest.json"));
    }

    #[test]
    fn the_password_leaves_the_url() {
        let t = LibpqTarget::from_url("postgres://u:p%40ss@db:5432/cs?sslmode=require&statement-cache-capacity=10")
            .unwrap();
        assert_eq!(t.url, "postgres://u@db:5432/cs?sslmode=require");
        assert_eq!(t.password.as_deref(), Some("p@ss"));
        let t = LibpqTarget::from_url("postgresql://u@db/cs?password=s3cret").unwrap();
        assert_eq!((t.url.as_str(), t.password.as_deref()), ("postgresql://u@db/cs", Some("s3cret")));
        let err = LibpqTarget::from_url("postgres://u:secret@db:notaport/cs").err().unwrap().to_string();
        assert!(!err.contains("secret"), "{err}");
    }

    #[test]
    fn compare_names_every_difference() {
        let sum = |rows, checksum: &str| TableSum { rows, checksum: checksum.into() };
        let expected = BTreeMap::from([
            ("a".to_string(), sum(1, "x")),
            ("b".to_string(), sum(2, "y")),
            ("c".to_string(), sum(3, "z")),
            ("d".to_string(), sum(0, "e")),
        ]);
        let actual = BTreeMap::from([
            ("a".to_string(), sum(1, "x")),
            ("b".to_string(), sum(3, "y")),
            ("c".to_string(), sum(3, "w")),
            ("z".to_string(), sum(0, "e")),
        ]);
        assert_eq!(
            compare(&expected, &actual),
            [
                "b: 3 rows, the manifest says 2",
                "c: same 3 rows but different contents (checksum)",
                "d: missing",
                "z: not in the manifest"
            ]
        );
        assert!(compare(&expected, &expected).is_empty());
    }

    #[test]
    fn rotation_keeps_the_newest_pairs_and_nothing_else() {
        let dir = std::env::temp_dir().join(format!("cybershield-rotate-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        let names = ["20300101T000000.000Z", "20300102T000000.000Z", "20300103T000000.000Z"];
        for name in names {
            std::fs::write(dir.join(format!("cybershield-{name}.dump")), b"d").unwrap();
            std::fs::write(dir.join(format!("cybershield-{name}.manifest.json")), b"{}").unwrap();
        }
        std::fs::write(dir.join("other.dump"), b"keep me").unwrap();
        let removed = rotate(&dir, 2).unwrap();
        let mut left: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        left.sort();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(removed.len(), 2, "{removed:?}");
        assert_eq!(
            left,
            [
                "cybershield-20300102T000000.000Z.dump",
                "cybershield-20300102T000000.000Z.manifest.json",
                "cybershield-20300103T000000.000Z.dump",
                "cybershield-20300103T000000.000Z.manifest.json",
                "other.dump"
            ]
        );
    }
}
