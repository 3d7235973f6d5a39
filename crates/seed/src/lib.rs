//! `cybershield seed`: realistic, linked demo data for every registered table.
//!
//! Nothing here is written per table. The engine's catalog says which tables exist, their
//! columns, kinds, enums, foreign keys and team scope; the live database adds column types, CHECK
//! constraints, unique indexes and the reference rows its migrations seeded; `profile.rs` says how
//! many rows each table gets per scale, and `rules.rs` holds what names and single tables need
//! beyond that. From those, `plan.rs` orders the tables after their foreign keys and decides each
//! column's generator, and `generate.rs` produces rows in COPY's text format, chunk by chunk,
//! on a thread of its own while the loader streams them into PostgreSQL.
//!
//! A run is one transaction: any failure rolls every table back. The same `seed`, scale and
//! reference time produce the same rows (password hashes aside: they are salted).

pub mod checks;
pub mod generate;
pub mod plan;
pub mod profile;
pub mod rules;
pub mod values;

use std::io::{Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use cybershield_core::registry::TableDef;
use cybershield_core::schema::Catalog;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use sea_orm::DatabaseConnection;
use sea_orm::sqlx::postgres::{PgConnection, PgCopyIn};
// Every dynamic statement is built from catalog identifiers, quoted: no input reaches it.
use sea_orm::sqlx::{self, AssertSqlSafe, Row as _};

use crate::generate::{Generator, LoadedRows};
use crate::plan::{DbColumn, DbInfo, DbUnique, Mode, Plan, quote};
pub use crate::profile::Scale;

/// What a run does.
#[derive(Debug, Clone)]
pub struct Options {
    pub scale: Scale,
    /// Same seed, scale and `now`: same rows.
    pub seed: u64,
    /// The reference time: data spreads over the 90 days before it.
    pub now: DateTime<Utc>,
    /// Write into a database that already holds data (new rows next to the old ones).
    pub append: bool,
    /// Also time a plain COPY of the same rows into unlogged copies of the tables without
    /// indexes, constraints or triggers (rolled back afterwards).
    pub measure: bool,
    /// The password of the product document's users; `None`: one is generated.
    pub password: Option<String>,
    /// Draw progress bars on stderr.
    pub progress: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(
        "the database already holds data ({0}); seeding would mix demo rows into it. Run with --append to add rows anyway"
    )]
    NotEmpty(String),
    #[error("{0}")]
    Plan(String),
    #[error("seeding failed, every table was rolled back: {0}")]
    Database(String),
    #[error("{0}")]
    Password(String),
}

impl From<sqlx::Error> for SeedError {
    fn from(e: sqlx::Error) -> Self {
        SeedError::Database(e.to_string())
    }
}

/// Rows and time of one table.
#[derive(Debug, Clone)]
pub struct TableSummary {
    pub table: String,
    pub rows: u64,
    pub seconds: f64,
    /// Rows the migrations seeded, kept and referenced (not generated).
    pub reference: bool,
}

/// `--measure`: the tables loaded by COPY, timed in the seed and by a plain COPY of the same rows.
#[derive(Debug, Clone)]
pub struct Measure {
    pub rows: u64,
    /// The plain COPY's time (unlogged tables without indexes, constraints or triggers).
    pub seconds: f64,
    /// The COPY's time into logged tables with the same indexes (no constraints or triggers).
    pub indexed_seconds: f64,
    /// The seed's time for the same tables (generation included: it runs alongside).
    pub seed_seconds: f64,
}

impl Measure {
    /// Seed rows/s as a share of the plain COPY's.
    pub fn ratio(&self) -> f64 {
        self.seconds / self.seed_seconds.max(1e-9)
    }
}

#[derive(Debug, Clone)]
pub struct Summary {
    pub tables: Vec<TableSummary>,
    pub rows: u64,
    pub seconds: f64,
    /// The administrator's e-mail, when this run created it.
    pub admin_email: Option<String>,
    /// The generated password (`None` when it was given, or no user was created).
    pub generated_password: Option<String>,
    pub measure: Option<Measure>,
    pub scale: Scale,
    pub seed: u64,
    pub now: DateTime<Utc>,
}

impl Summary {
    pub fn rows_per_second(&self) -> f64 {
        self.rows as f64 / self.seconds.max(1e-9)
    }

    /// The summary table: rows per table, total rows, seconds, rows/s.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let width = self.tables.iter().map(|t| t.table.len()).max().unwrap_or(5).max(5);
        out.push_str(&format!("{:<width$}  {:>10}  {:>8}  {:>10}\n", "table", "rows", "seconds", "rows/s"));
        for t in &self.tables {
            if t.reference {
                out.push_str(&format!("{:<width$}  {:>10}  {:>8}  {:>10}\n", t.table, t.rows, "-", "reference"));
            } else {
                out.push_str(&format!(
                    "{:<width$}  {:>10}  {:>8.2}  {:>10.0}\n",
                    t.table,
                    t.rows,
                    t.seconds,
                    t.rows as f64 / t.seconds.max(1e-9)
                ));
            }
        }
        out.push_str(&format!(
            "{:<width$}  {:>10}  {:>8.2}  {:>10.0}\n",
            "total",
            self.rows,
            self.seconds,
            self.rows_per_second()
        ));
        if let Some(m) = &self.measure {
            let rate = |seconds: f64| m.rows as f64 / seconds.max(1e-9);
            out.push_str(&format!(
                "tables loaded by COPY: {} rows; seed {:.2} s = {:.0} rows/s\n\
                 plain COPY of the same rows (unlogged, no indexes, constraints or triggers): {:.2} s = {:.0} rows/s; \
                 seed = {:.0} % of it\n\
                 COPY of the same rows into tables with the same indexes (no constraints or triggers): {:.2} s = \
                 {:.0} rows/s; seed = {:.0} % of it\n",
                m.rows,
                m.seed_seconds,
                rate(m.seed_seconds),
                m.seconds,
                rate(m.seconds),
                100.0 * m.ratio(),
                m.indexed_seconds,
                rate(m.indexed_seconds),
                100.0 * m.indexed_seconds / m.seed_seconds.max(1e-9),
            ));
        }
        out
    }
}

/// A generated password: 20 characters from the OS's random source (never from the seed, which
/// is no secret).
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let mut bytes = [0u8; 20];
    getrandom_fill(&mut bytes);
    bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect()
}

fn getrandom_fill(bytes: &mut [u8]) {
    getrandom::fill(bytes).expect("the operating system's random number generator failed");
}

/// Seeds the database behind `db` with the rows of `tables` (every registered table).
pub async fn run(db: &DatabaseConnection, tables: Vec<TableDef>, options: Options) -> Result<Summary, SeedError> {
    let catalog = Catalog::build(tables, Default::default()).map_err(SeedError::Plan)?;
    let pool = db.get_postgres_connection_pool();
    let mut conn = pool.acquire().await?;
    sqlx::query("BEGIN").execute(&mut *conn).await?;
    let result = seed_in_transaction(&mut conn, &catalog, &options).await;
    match result {
        Ok(summary) => {
            sqlx::query("COMMIT").execute(&mut *conn).await?;
            Ok(summary)
        }
        Err(e) => {
            // The connection may be in a failed COPY: end it, whatever state it is in.
            let rolled_back = sqlx::query("ROLLBACK").execute(&mut *conn).await;
            if rolled_back.is_err() {
                conn.detach();
            }
            Err(e)
        }
    }
}

/// Where a table's chunks go: a COPY, or INSERT statements (small tables).
enum Sink<'c> {
    Copy(PgCopyIn<&'c mut PgConnection>),
    /// The connection and the rows inserted so far.
    Insert(&'c mut PgConnection, u64),
}

impl Sink<'_> {
    async fn send(&mut self, bytes: Vec<u8>) -> Result<(), sqlx::Error> {
        match self {
            Sink::Copy(copy) => copy.send(bytes).await.map(|_| ()),
            Sink::Insert(conn, written) => {
                let statement = String::from_utf8(bytes).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
                *written += sqlx::raw_sql(AssertSqlSafe(statement)).execute(&mut **conn).await?.rows_affected();
                Ok(())
            }
        }
    }

    /// Rows written.
    async fn finish(self) -> Result<u64, sqlx::Error> {
        match self {
            Sink::Copy(copy) => copy.finish().await,
            Sink::Insert(_, written) => Ok(written),
        }
    }

    async fn abort(self) {
        if let Sink::Copy(copy) = self {
            let _ = copy.abort("the row generator stopped").await;
        }
    }
}

enum Msg {
    /// A table starts; `true`: its chunks are INSERT statements, else COPY text.
    Table(usize, bool),
    Chunk(Vec<u8>, u64),
    Done(u64),
    Failed(String),
}

async fn seed_in_transaction(
    conn: &mut PgConnection,
    catalog: &Catalog,
    options: &Options,
) -> Result<Summary, SeedError> {
    let started = Instant::now();
    sqlx::query("SET LOCAL statement_timeout = 0").execute(&mut *conn).await?;
    // Demo data: the commit need not wait for the WAL flush.
    sqlx::query("SET LOCAL synchronous_commit = off").execute(&mut *conn).await?;
    let info = introspect(conn, catalog).await?;
    if !options.append {
        let filled: Vec<String> = catalog
            .tables
            .iter()
            .filter(|t| t.family != cybershield_core::auth::Family::Reference)
            .filter_map(|t| info.counts.get(&t.name).filter(|&&n| n > 0).map(|n| format!("{} has {n} rows", t.name)))
            .collect();
        if !filled.is_empty() {
            let more = filled.len().saturating_sub(3);
            let mut what = filled.into_iter().take(3).collect::<Vec<_>>().join(", ");
            if more > 0 {
                what.push_str(&format!(" and {more} more tables"));
            }
            return Err(SeedError::NotEmpty(what));
        }
    }
    let plan = plan::build(catalog, &info, options.scale).map_err(SeedError::Plan)?;

    // Into an empty database, the foreign keys of the generated tables are checked once for the
    // whole load instead of row by row (a trigger and a locking lookup per key and row): dropped
    // here, added back — which validates every row in one join each — after the last table.
    // Appending keeps them: the database may be in use.
    let foreign_keys = if options.append { Vec::new() } else { drop_foreign_keys(conn, &plan).await? };

    // The product document's users sign in with one password, shown once.
    let creates_admin = plan.tables.iter().any(|t| t.name == "users" && t.mode == Mode::Generate && t.offset == 0);
    let (password, generated) = match (&options.password, creates_admin) {
        (_, false) => (None, None),
        (Some(p), true) => (Some(p.clone()), None),
        (None, true) => {
            let p = generate_password();
            (Some(p.clone()), Some(p))
        }
    };
    let hash = match &password {
        Some(p) => {
            cybershield_iam::auth::password::check_policy(p).map_err(|e| SeedError::Password(e.to_string()))?;
            Some(
                cybershield_iam::auth::password::hash_blocking(p.clone())
                    .await
                    .map_err(|e| SeedError::Password(e.to_string()))?,
            )
        }
        None => None,
    };

    let mut loaded = Vec::new();
    for (p, table) in plan.tables.iter().enumerate() {
        if table.mode == Mode::Reference {
            loaded.push((p, load_reference(conn, &plan, p, &info).await?));
        }
    }

    let now = options.now.timestamp_micros();
    let measure_dir =
        options.measure.then(|| std::env::temp_dir().join(format!("cybershield-seed-measure-{}", std::process::id())));
    if let Some(dir) = &measure_dir {
        std::fs::create_dir_all(dir).map_err(|e| SeedError::Plan(format!("cannot create {}: {e}", dir.display())))?;
    }
    let plan = std::sync::Arc::new(plan);
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Msg>(8);
    let thread_plan = plan.clone();
    let seed = options.seed;
    let thread_dir = measure_dir.clone();
    let producer = std::thread::spawn(move || {
        let plan = &*thread_plan;
        let mut generator = Generator::new(plan, seed, now, hash);
        for (p, rows) in loaded {
            generator.install(p, rows);
        }
        for p in 0..plan.tables.len() {
            if plan.tables[p].mode != Mode::Generate || plan.tables[p].count == 0 {
                continue;
            }
            let insert = plan.tables[p].count < generate::INSERT_BELOW;
            if tx.blocking_send(Msg::Table(p, insert)).is_err() {
                return;
            }
            let mut file = match thread_dir.as_ref().filter(|_| !insert) {
                Some(dir) => match std::fs::File::create(dir.join(&plan.tables[p].name)) {
                    Ok(f) => Some(std::io::BufWriter::new(f)),
                    Err(e) => {
                        let _ = tx.blocking_send(Msg::Failed(format!("cannot write the measure file: {e}")));
                        return;
                    }
                },
                None => None,
            };
            let mut closed = false;
            let rows = generator.table(p, insert, &mut |chunk, rows| {
                if closed {
                    return;
                }
                if let Some(f) = file.as_mut() {
                    let _ = f.write_all(&chunk);
                }
                closed = tx.blocking_send(Msg::Chunk(chunk, rows)).is_err();
            });
            if let Some(mut f) = file {
                let _ = f.flush();
            }
            if closed || tx.blocking_send(Msg::Done(rows)).is_err() {
                return;
            }
        }
    });

    let bars = options.progress.then(|| {
        let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr());
        let total: u64 = plan.tables.iter().filter(|t| t.mode == Mode::Generate).map(|t| t.count).sum();
        let overall = multi.add(ProgressBar::new(total));
        overall.set_style(
            ProgressStyle::with_template(
                "{prefix:>28} [{bar:40}] {human_pos}/{human_len} rows  {elapsed_precise}  eta {eta}",
            )
            .expect("a valid template")
            .progress_chars("=> "),
        );
        overall.set_prefix("total");
        (multi, overall)
    });

    let mut summaries: Vec<TableSummary> = plan
        .tables
        .iter()
        .filter(|t| t.mode == Mode::Reference)
        .map(|t| TableSummary { table: t.name.clone(), rows: t.count, seconds: 0.0, reference: true })
        .collect();
    let mut total = 0u64;
    let mut measured = Measure { rows: 0, seconds: 0.0, indexed_seconds: 0.0, seed_seconds: 0.0 };
    let mut measuring = Duration::ZERO;
    let outcome: Result<(), SeedError> = async {
        while let Some(msg) = rx.recv().await {
            let (p, insert) = match msg {
                Msg::Table(p, insert) => (p, insert),
                Msg::Failed(reason) => return Err(SeedError::Plan(reason)),
                _ => return Err(SeedError::Plan("rows before their table".into())),
            };
            let table = &plan.tables[p];
            let table_started = Instant::now();
            let bar = bars.as_ref().map(|(multi, _)| {
                let b = multi.insert(0, ProgressBar::new(table.count));
                b.set_style(
                    ProgressStyle::with_template("{prefix:>28} [{bar:40}] {human_pos}/{human_len} rows")
                        .expect("a valid template")
                        .progress_chars("=> "),
                );
                b.set_prefix(table.name.clone());
                b
            });
            let failed = |e: sqlx::Error| SeedError::Database(format!("{}: {e}", table.name));
            let mut sink = if insert {
                Sink::Insert(&mut *conn, 0)
            } else {
                Sink::Copy(conn.copy_in_raw(&table.copy_sql(&table.name)).await.map_err(failed)?)
            };
            let rows = loop {
                match rx.recv().await {
                    Some(Msg::Chunk(bytes, rows)) => {
                        sink.send(bytes).await.map_err(failed)?;
                        for b in bar.iter().chain(bars.as_ref().map(|(_, overall)| overall)) {
                            b.inc(rows);
                        }
                    }
                    Some(Msg::Done(rows)) => break rows,
                    Some(Msg::Failed(reason)) => {
                        sink.abort().await;
                        return Err(SeedError::Plan(reason));
                    }
                    Some(Msg::Table(..)) | None => {
                        sink.abort().await;
                        return Err(SeedError::Plan("the row generator stopped unexpectedly".into()));
                    }
                }
            };
            let written = sink.finish().await.map_err(failed)?;
            if written != rows {
                return Err(SeedError::Database(format!("{}: {rows} rows generated, {written} written", table.name)));
            }
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            let seconds = table_started.elapsed().as_secs_f64();
            total += rows;
            summaries.push(TableSummary { table: table.name.clone(), rows, seconds, reference: false });
            // Right after the table, while the machine is as busy as it was: the same rows again.
            if let Some(dir) = measure_dir.as_ref().filter(|_| !insert) {
                let started = Instant::now();
                let copy_of = format!("seed_measure_{}", table.name);
                let (plain, indexed) =
                    measure_table(conn, &table.name, &dir.join(&table.name), &table.copy_sql(&copy_of)).await?;
                measured.rows += rows;
                measured.seed_seconds += seconds;
                measured.seconds += plain;
                measured.indexed_seconds += indexed;
                measuring += started.elapsed();
            }
        }
        Ok(())
    }
    .await;
    drop(rx);
    let panicked = producer.join().is_err();
    if let Some(dir) = &measure_dir {
        let _ = std::fs::remove_dir_all(dir);
    }
    if let Some((multi, overall)) = &bars {
        overall.finish_and_clear();
        let _ = multi.clear();
    }
    if panicked {
        return Err(SeedError::Plan("the row generator panicked".into()));
    }
    outcome?;
    for (table, name, definition) in &foreign_keys {
        sqlx::query(AssertSqlSafe(format!("ALTER TABLE {} ADD CONSTRAINT {} {definition}", quote(table), quote(name))))
            .execute(&mut *conn)
            .await
            .map_err(|e| SeedError::Database(format!("{table}: {e}")))?;
    }
    for table in plan.tables.iter() {
        for sql in &table.updates {
            sqlx::query(AssertSqlSafe(sql.as_str()))
                .execute(&mut *conn)
                .await
                .map_err(|e| SeedError::Database(format!("{}: {e}", table.name)))?;
        }
    }
    let admin_email = creates_admin.then(|| {
        let mut email = String::new();
        values::person_email(0, &mut email);
        email
    });
    let summary = Summary {
        tables: summaries,
        rows: total,
        // The measurement's own COPYs are not the seed's time.
        seconds: (started.elapsed() - measuring).as_secs_f64(),
        admin_email,
        generated_password: generated,
        measure: options.measure.then_some(measured),
        scale: options.scale,
        seed: options.seed,
        now: options.now,
    };
    Ok(summary)
}

/// `--measure`: COPYs the rows just loaded into `table` again, into a plain copy of it (unlogged;
/// no index, constraint, default or trigger), then into a logged copy with its indexes (what
/// index upkeep alone costs); both dropped again. Returns the two COPYs' seconds.
async fn measure_table(conn: &mut PgConnection, table: &str, path: &Path, sql: &str) -> Result<(f64, f64), SeedError> {
    let copy_of = quote(&format!("seed_measure_{table}"));
    let mut seconds = [0.0; 2];
    for (with_indexes, spent) in [false, true].into_iter().zip(seconds.iter_mut()) {
        let unlogged = if with_indexes { "" } else { "UNLOGGED " };
        sqlx::query(AssertSqlSafe(format!(
            "CREATE {unlogged}TABLE {copy_of} AS SELECT * FROM {} WITH NO DATA",
            quote(table)
        )))
        .execute(&mut *conn)
        .await?;
        if with_indexes {
            let definitions =
                sqlx::query("SELECT substring(pg_get_indexdef(indexrelid) FROM ' USING (.*)$') FROM pg_index WHERE indrelid = $1::regclass")
                    .bind(quote(table))
                    .fetch_all(&mut *conn)
                    .await?;
            // Not unique: columns a trigger fills (the audit trail's hashes) are NULL here.
            for d in definitions {
                let rest: String = d.try_get(0)?;
                sqlx::query(AssertSqlSafe(format!("CREATE INDEX ON {copy_of} USING {rest}")))
                    .execute(&mut *conn)
                    .await?;
            }
        }
        let mut file = std::fs::File::open(path).map_err(|e| SeedError::Plan(format!("{}: {e}", path.display())))?;
        let mut buf = vec![0u8; 1 << 20];
        let started = Instant::now();
        let mut copy = conn.copy_in_raw(sql).await?;
        loop {
            let n = file.read(&mut buf).map_err(|e| SeedError::Plan(e.to_string()))?;
            if n == 0 {
                break;
            }
            copy.send(&buf[..n]).await?;
        }
        copy.finish().await?;
        *spent = started.elapsed().as_secs_f64();
        sqlx::query(AssertSqlSafe(format!("DROP TABLE {copy_of}"))).execute(&mut *conn).await?;
    }
    Ok((seconds[0], seconds[1]))
}

/// Tables from this many rows have their foreign keys checked in bulk after the load.
const BULK_CHECKED_FROM: u64 = 10_000;

/// Drops the foreign keys held by the large generated tables; returns (table, name, definition)
/// of each.
async fn drop_foreign_keys(conn: &mut PgConnection, plan: &Plan) -> Result<Vec<(String, String, String)>, SeedError> {
    // Dropping and adding a key back costs a few milliseconds of DDL: worth it for large tables only.
    let tables: Vec<String> = plan
        .tables
        .iter()
        .filter(|t| t.mode == Mode::Generate && t.count >= BULK_CHECKED_FROM)
        .map(|t| t.name.clone())
        .collect();
    let rows = sqlx::query(
        "SELECT c.relname::text, k.conname::text, pg_get_constraintdef(k.oid) FROM pg_constraint k \
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = current_schema() AND k.contype = 'f' AND c.relname = ANY($1) ORDER BY 1, 2",
    )
    .bind(&tables)
    .fetch_all(&mut *conn)
    .await?;
    let mut dropped = Vec::with_capacity(rows.len());
    for row in rows {
        let (table, name, definition): (String, String, String) = (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
        sqlx::query(AssertSqlSafe(format!("ALTER TABLE {} DROP CONSTRAINT {}", quote(&table), quote(&name))))
            .execute(&mut *conn)
            .await?;
        dropped.push((table, name, definition));
    }
    Ok(dropped)
}

/// Reads what the plan needs of the live database.
async fn introspect(conn: &mut PgConnection, catalog: &Catalog) -> Result<DbInfo, SeedError> {
    let mut info = DbInfo::default();
    let rows = sqlx::query(
        "SELECT c.relname::text, a.attname::text, (a.attidentity <> '' OR a.attgenerated <> ''), \
           CASE WHEN a.atttypid IN (1042, 1043) AND a.atttypmod > 4 THEN a.atttypmod - 4 END, \
           CASE WHEN a.atttypid = 1700 AND a.atttypmod > 4 THEN ((a.atttypmod - 4) >> 16) & 65535 END, \
           CASE WHEN a.atttypid = 1700 AND a.atttypmod > 4 THEN (a.atttypmod - 4) & 65535 END \
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped \
         ORDER BY c.relname, a.attnum",
    )
    .fetch_all(&mut *conn)
    .await?;
    for row in rows {
        let table: String = row.try_get(0)?;
        let precision: Option<i32> = row.try_get(4)?;
        let scale: Option<i32> = row.try_get(5)?;
        let numeric_limit = precision.map(|p| 10f64.powi(p - scale.unwrap_or(0)) - 10f64.powi(-scale.unwrap_or(0)));
        info.columns.entry(table).or_default().push(DbColumn {
            name: row.try_get(1)?,
            generated: row.try_get(2)?,
            max_len: row.try_get::<Option<i32>, _>(3)?.map(|n| n as usize),
            scale: scale.map(|s| s as u32),
            numeric_limit,
        });
    }
    let rows = sqlx::query(
        "SELECT c.relname::text, pg_get_constraintdef(k.oid) FROM pg_constraint k \
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = current_schema() AND k.contype = 'c' ORDER BY c.relname, k.conname",
    )
    .fetch_all(&mut *conn)
    .await?;
    for row in rows {
        let table: String = row.try_get(0)?;
        let definition: String = row.try_get(1)?;
        info.checks.entry(table).or_default().extend(checks::parse(&definition));
    }
    let rows = sqlx::query(
        "SELECT t.relname::text, ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) \
           LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord), \
           coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) \
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace \
         WHERE n.nspname = current_schema() AND i.indisunique AND NOT i.indisprimary ORDER BY 1, i.indexrelid::regclass::text",
    )
    .fetch_all(&mut *conn)
    .await?;
    for row in rows {
        let table: String = row.try_get(0)?;
        let columns: Vec<Option<String>> = row.try_get(1)?;
        let nulls_equal: bool = row.try_get(2)?;
        info.uniques.entry(table).or_default().push(DbUnique { columns, nulls_equal });
    }
    let counts = catalog
        .tables
        .iter()
        .map(|t| format!("SELECT {}::text, count(*) FROM {}", quote_literal(&t.name), quote(&t.name)))
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    for row in sqlx::query(AssertSqlSafe(counts)).fetch_all(&mut *conn).await? {
        let table: String = row.try_get(0)?;
        let n: i64 = row.try_get(1)?;
        info.counts.insert(table, n as u64);
    }
    Ok(info)
}

fn quote_literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The rows of a reference table: ids, foreign keys and kept columns, in the order of their
/// natural key (so picks do not depend on how the ids were drawn).
async fn load_reference(
    conn: &mut PgConnection,
    plan: &Plan,
    p: usize,
    info: &DbInfo,
) -> Result<LoadedRows, SeedError> {
    let table = &plan.tables[p];
    let mut select = vec!["id::text".to_string()];
    for fk in &table.fks {
        select.push(format!("{}::text", quote(&table.cols[fk.col].name)));
    }
    for &k in &table.keep {
        select.push(format!("{}::text", quote(&table.cols[k].name)));
    }
    let natural: Vec<String> = info
        .uniques
        .get(&table.name)
        .and_then(|keys| keys.iter().find(|k| k.columns.iter().all(Option::is_some)))
        .map(|k| k.columns.iter().flatten().map(|c| quote(c)).collect())
        .unwrap_or_default();
    let order = if natural.is_empty() { "id".to_string() } else { format!("{}, id", natural.join(", ")) };
    let sql = format!("SELECT {} FROM {} ORDER BY {order}", select.join(", "), quote(&table.name));
    let rows = sqlx::query(AssertSqlSafe(sql)).fetch_all(&mut *conn).await?;
    let mut loaded = LoadedRows {
        fk_ids: vec![Vec::new(); table.fks.len()],
        kept: vec![Vec::new(); table.keep.len()],
        ..Default::default()
    };
    let uuid = |s: Option<String>| s.and_then(|s| uuid::Uuid::parse_str(&s).ok()).map(|u| *u.as_bytes());
    for row in rows {
        loaded.ids.push(uuid(row.try_get(0)?).unwrap_or_default());
        for k in 0..table.fks.len() {
            loaded.fk_ids[k].push(uuid(row.try_get(1 + k)?));
        }
        for s in 0..table.keep.len() {
            let v: Option<String> = row.try_get(1 + table.fks.len() + s)?;
            loaded.kept[s].push(v.map(Into::into));
        }
    }
    Ok(loaded)
}
