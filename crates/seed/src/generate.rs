//! Row generation: one table at a time, in COPY's text format, from the plan and the rows of the
//! tables generated before (kept in memory only as far as children need them).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hash, Hasher};

use cybershield_core::ColumnKind;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::plan::{ColPlan, FkKind, FkPlan, Gen, Mode, Piece, Plan, TablePlan};
use crate::rules::{J, T, X, severity_rank};
use crate::values::{self, DAY, MINUTE};

/// A foreign key value: no parent.
const NONE: u32 = u32::MAX;
/// A row of no team.
const NO_TEAM: u8 = u8::MAX;
/// Bytes per chunk handed to COPY.
pub const CHUNK_BYTES: usize = 1 << 20;
/// Bytes per INSERT statement. Small, so that each goes out in one write: sqlx leaves Nagle's
/// algorithm on, and the second write of a larger statement waits for the server's delayed ACK
/// (40 ms on Linux). One round trip per statement costs far less.
pub const INSERT_BYTES: usize = 8 << 10;
/// Tables with fewer rows go in as multi-row INSERTs: a COPY costs a fixed ~40 ms over TCP (sqlx
/// leaves Nagle's algorithm on, so the final CopyDone waits for the server's delayed ACK), more
/// than parsing the INSERTs of a few hundred rows.
pub const INSERT_BELOW: u64 = 500;
/// Tries to find a row whose unique key is new before giving the row up.
const UNIQUE_TRIES: usize = 40;

/// Rows of one table as its children see them.
#[derive(Debug, Default)]
pub struct Rows {
    pub ids: Vec<[u8; 16]>,
    /// Creation time, microseconds since the epoch (increasing with the row index).
    pub times: Vec<i64>,
    /// Row index in `teams`, or [`NO_TEAM`].
    pub teams: Vec<u8>,
    /// Per foreign key of the table: the parent row, or [`NONE`].
    pub fks: Vec<Vec<u32>>,
    /// Per kept column: its values.
    pub kept: Vec<Vec<Option<Box<str>>>>,
    /// Foreign key → parent row → rows, built when first asked.
    groups: HashMap<usize, HashMap<u32, Vec<u32>>>,
    /// Team → rows, built when first asked.
    team_groups: Option<Vec<Vec<u32>>>,
}

impl Rows {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Builds the index of foreign key `fk` (and of teams) before [`Rows::group`] reads it.
    fn prepare(&mut self, fk: Option<usize>, teams: bool) {
        if let Some(fk) = fk
            && !self.groups.contains_key(&fk)
        {
            let mut map: HashMap<u32, Vec<u32>> = HashMap::new();
            for (row, &p) in self.fks[fk].iter().enumerate() {
                if p != NONE {
                    map.entry(p).or_default().push(row as u32);
                }
            }
            self.groups.insert(fk, map);
        }
        if teams && self.team_groups.is_none() {
            let mut groups = vec![Vec::new(); 256];
            for (row, &t) in self.teams.iter().enumerate() {
                groups[t as usize].push(row as u32);
            }
            self.team_groups = Some(groups);
        }
    }

    fn group(&self, fk: usize, parent: u32) -> &[u32] {
        self.groups.get(&fk).and_then(|g| g.get(&parent)).map(Vec::as_slice).unwrap_or(&[])
    }

    fn team_group(&self, team: u8) -> &[u32] {
        self.team_groups.as_ref().map(|g| g[team as usize].as_slice()).unwrap_or(&[])
    }
}

/// The rows of a reference table, read from the database.
#[derive(Debug, Default)]
pub struct LoadedRows {
    pub ids: Vec<[u8; 16]>,
    /// Per foreign key of the table: the parent's id (resolved to a row once the parent is loaded).
    pub fk_ids: Vec<Vec<Option<[u8; 16]>>>,
    pub kept: Vec<Vec<Option<Box<str>>>>,
}

/// Everything generated so far, by plan index.
pub struct Generator<'p> {
    plan: &'p Plan,
    pub store: Vec<Rows>,
    seed: u64,
    now: i64,
    password_hash: Option<String>,
    teams_table: Option<usize>,
}

/// The state of the row being generated.
struct Row {
    /// Row number: unique values are built from it.
    n: u64,
    i: usize,
    t: i64,
    team: Option<u8>,
    /// Rows this one belongs to: (plan index, row).
    ctx: Vec<(usize, u32)>,
    fkv: Vec<u32>,
    buf: String,
    spans: Vec<Option<(usize, usize)>>,
    nums: Vec<f64>,
    person: Option<u64>,
    cwe: Option<(u16, &'static str)>,
    sev: Option<u8>,
    /// The previous row's time: times increase with the row index.
    min_t: i64,
    /// A retry after a unique key conflict: parents from any time may be picked.
    retry: bool,
}

impl Row {
    fn value(&self, col: usize) -> Option<&str> {
        self.spans[col].map(|(a, b)| &self.buf[a..b])
    }

    fn in_ctx(&self, table: usize) -> Option<u32> {
        self.ctx.iter().find(|(t, _)| *t == table).map(|(_, r)| *r)
    }
}

/// Candidate parents: every row, or a list of rows (both in creation order).
enum Cands<'a> {
    All(usize),
    List(&'a [u32]),
}

impl Cands<'_> {
    fn len(&self) -> usize {
        match self {
            Cands::All(n) => *n,
            Cands::List(l) => l.len(),
        }
    }

    fn get(&self, k: usize) -> u32 {
        match self {
            Cands::All(_) => k as u32,
            Cands::List(l) => l[k],
        }
    }
}

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl<'p> Generator<'p> {
    pub fn new(plan: &'p Plan, seed: u64, now: i64, password_hash: Option<String>) -> Self {
        let teams_table = plan.tables.iter().position(|t| t.is_teams);
        let store = plan.tables.iter().map(|_| Rows::default()).collect();
        Generator { plan, store, seed, now, password_hash, teams_table }
    }

    /// Installs the rows of a reference table read from the database (parents first).
    pub fn install(&mut self, p: usize, loaded: LoadedRows) {
        let table = &self.plan.tables[p];
        let mut rows = Rows { ids: loaded.ids, kept: loaded.kept, ..Rows::default() };
        rows.times = vec![i64::MIN; rows.ids.len()];
        rows.teams = vec![NO_TEAM; rows.ids.len()];
        for (k, fk) in table.fks.iter().enumerate() {
            let parent = &self.store[fk.parent];
            let index: HashMap<[u8; 16], u32> = parent.ids.iter().enumerate().map(|(i, id)| (*id, i as u32)).collect();
            let values = loaded
                .fk_ids
                .get(k)
                .map(|ids| ids.iter().map(|id| id.and_then(|id| index.get(&id).copied()).unwrap_or(NONE)).collect());
            rows.fks.push(values.unwrap_or_else(|| vec![NONE; rows.ids.len()]));
        }
        self.store[p] = rows;
    }

    /// Generates table `p`: hands COPY text (or, with `insert`, whole INSERT statements) to
    /// `emit` in chunks of about [`CHUNK_BYTES`] with their row counts; returns the rows generated.
    pub fn table(&mut self, p: usize, insert: bool, emit: &mut dyn FnMut(Vec<u8>, u64)) -> u64 {
        let plan = self.plan;
        let table = &plan.tables[p];
        if table.mode != Mode::Generate || table.count == 0 {
            return 0;
        }
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed ^ fnv(&table.name) ^ table.offset.rotate_left(32));
        let mut rows = Rows { fks: vec![Vec::new(); table.fks.len()], ..Rows::default() };
        rows.kept = vec![Vec::new(); table.keep.len()];
        let mut seen: Vec<HashSet<u64>> = vec![HashSet::new(); table.tuple_keys.len()];
        let finding = table.cols.iter().any(|c| matches!(c.make, Gen::Cwe));
        let (from, to) = table.class.span_days();
        let start = self.now - (from * DAY as f64) as i64;
        let end = self.now - (to * DAY as f64) as i64;
        let width = ((end - start) / table.count as i64).max(1);
        let mut out = Vec::with_capacity(CHUNK_BYTES + 64 * 1024);
        let mut in_chunk = 0u64;
        let mut emitted = 0u64;
        let mut row = Row {
            n: 0,
            i: 0,
            t: 0,
            team: None,
            ctx: Vec::new(),
            fkv: vec![NONE; table.fks.len()],
            buf: String::with_capacity(4096),
            spans: vec![None; table.cols.len()],
            nums: vec![f64::NAN; table.cols.len()],
            person: None,
            cwe: None,
            sev: None,
            min_t: i64::MIN,
            retry: false,
        };
        let mut last_t = i64::MIN;
        for i in 0..table.count as usize {
            let base = start + width * i as i64 + rng.random_range(0..width);
            let mut accepted = false;
            for attempt in 0..UNIQUE_TRIES {
                row.retry = attempt > 0;
                row.n = table.offset + i as u64;
                row.i = i;
                row.t = base.max(last_t + 1);
                row.min_t = last_t.saturating_add(1);
                row.team = None;
                row.ctx.clear();
                row.fkv.iter_mut().for_each(|v| *v = NONE);
                row.buf.clear();
                row.spans.iter_mut().for_each(|s| *s = None);
                row.nums.iter_mut().for_each(|v| *v = f64::NAN);
                row.person = if table.person_by_row { Some(row.n) } else { None };
                row.cwe = None;
                row.sev = None;
                if table.is_teams {
                    row.team = Some(rows.len().min(254) as u8);
                }
                self.resolve_keys(table, &mut rows, &mut row, &mut rng);
                for &c in &table.order {
                    self.column(table, c, &mut row, &mut rng, finding);
                }
                if table.tuple_keys.is_empty() || self.unique_tuple(table, &row, &mut seen) {
                    accepted = true;
                    break;
                }
            }
            if !accepted {
                continue;
            }
            last_t = row.t;
            if insert {
                if out.is_empty() {
                    out.extend_from_slice(table.insert_sql(&table.name).as_bytes());
                } else {
                    out.extend_from_slice(b",\n");
                }
                write_values(table, &row, &mut out);
            } else {
                write_row(table, &row, &mut out);
            }
            in_chunk += 1;
            self.keep_row(table, &mut rows, &row, &mut rng);
            if out.len() >= if insert { INSERT_BYTES } else { CHUNK_BYTES } {
                emitted += in_chunk;
                emit(std::mem::replace(&mut out, Vec::with_capacity(CHUNK_BYTES + 64 * 1024)), in_chunk);
                in_chunk = 0;
            }
        }
        if in_chunk > 0 {
            emitted += in_chunk;
            emit(out, in_chunk);
        }
        // Unreferenced tables (logs, events) are not kept: ten million rows would be a lot.
        self.store[p] = if table.referenced { rows } else { Rows::default() };
        emitted
    }

    fn keep_row(&self, table: &TablePlan, rows: &mut Rows, row: &Row, rng: &mut ChaCha8Rng) {
        let id = row.value(table.col("id").unwrap_or(0)).map(parse_uuid).unwrap_or_else(|| random_id(row.t, rng));
        rows.ids.push(id);
        rows.times.push(row.t);
        rows.teams.push(row.team.unwrap_or(NO_TEAM));
        for (k, v) in row.fkv.iter().enumerate() {
            rows.fks[k].push(*v);
        }
        for (slot, &c) in table.keep.iter().enumerate() {
            rows.kept[slot].push(row.value(c).map(Into::into));
        }
    }

    fn unique_tuple(&self, table: &TablePlan, row: &Row, seen: &mut [HashSet<u64>]) -> bool {
        // A key with a NULL never conflicts, unless NULLs are equal in it.
        let hashes: Vec<Option<u64>> = table
            .tuple_keys
            .iter()
            .map(|(key, nulls_equal)| {
                if !nulls_equal && key.iter().any(|&c| row.value(c).is_none()) {
                    return None;
                }
                let mut h = DefaultHasher::new();
                for &c in key {
                    row.value(c).hash(&mut h);
                }
                Some(h.finish())
            })
            .collect();
        if hashes.iter().zip(seen.iter()).any(|(h, s)| h.is_some_and(|h| s.contains(&h))) {
            return false;
        }
        for (h, s) in hashes.into_iter().zip(seen.iter_mut()) {
            if let Some(h) = h {
                s.insert(h);
            }
        }
        true
    }

    /// Foreign keys first: each picks a parent consistent with what the row already belongs to.
    fn resolve_keys(&mut self, table: &TablePlan, rows: &mut Rows, row: &mut Row, rng: &mut ChaCha8Rng) {
        if let Some(k) = table.one_to_one {
            // The row follows its parent in time.
            let parent = table.fks[k].parent;
            let len = self.store[parent].len();
            if len > 0 {
                let r = ((row.i as u128 * len as u128) / table.count.max(1) as u128) as u32;
                let r = r.min(len as u32 - 1);
                let pt = self.store[parent].times[r as usize];
                if pt > i64::MIN {
                    row.t = (pt + values::skewed(rng, MINUTE, 120 * MINUTE)).min(self.now).max(row.min_t);
                }
            }
        }
        if let Some(teams) = self.teams_table
            && let Some(team) = row.team
        {
            row.ctx.push((teams, u32::from(team)));
        }
        for &k in &table.fk_order {
            let fk = &table.fks[k];
            let value = self.pick(table, rows, fk, row, rng);
            row.fkv[k] = value;
            let col = fk.col;
            match value {
                NONE => row.spans[col] = None,
                r => {
                    let id = if fk.kind == FkKind::SelfRef {
                        rows.ids[r as usize]
                    } else {
                        self.store[fk.parent].ids[r as usize]
                    };
                    let a = row.buf.len();
                    write_uuid(&id, &mut row.buf);
                    row.spans[col] = Some((a, row.buf.len()));
                    if fk.kind != FkKind::SelfRef {
                        self.enter(fk.parent, r, row, 0);
                    }
                }
            }
        }
    }

    /// Records that the row belongs to `table`'s row `r`, and to that row's own parents.
    fn enter(&self, table: usize, r: u32, row: &mut Row, depth: usize) {
        if row.in_ctx(table).is_some() {
            return;
        }
        row.ctx.push((table, r));
        let rows = &self.store[table];
        if row.team.is_none() && self.plan.tables[table].team_scoped {
            let team = rows.teams.get(r as usize).copied().unwrap_or(NO_TEAM);
            if team != NO_TEAM {
                row.team = Some(team);
                if let Some(teams) = self.teams_table {
                    row.ctx.push((teams, u32::from(team)));
                }
            }
        }
        if self.plan.tables[table].is_teams {
            row.team.get_or_insert(r as u8);
        }
        if depth >= 2 {
            return;
        }
        // Only mandatory keys are lineage (a scan's project); optional ones (a lead, an assignee)
        // say nothing about what the row belongs to.
        for (k, fk) in self.plan.tables[table].fks.iter().enumerate() {
            if !lineage(fk) || fk.parent == table {
                continue;
            }
            let v = rows.fks.get(k).and_then(|f| f.get(r as usize)).copied().unwrap_or(NONE);
            if v != NONE {
                self.enter(fk.parent, v, row, depth + 1);
            }
        }
    }

    fn pick(&mut self, table: &TablePlan, rows: &mut Rows, fk: &FkPlan, row: &Row, rng: &mut ChaCha8Rng) -> u32 {
        if matches!(fk.kind, FkKind::Never | FkKind::Deferred) {
            return NONE;
        }
        if let Some(other) = fk.only_if_null
            && row.fkv[other] != NONE
        {
            return NONE;
        }
        if fk.null_rate > 0.0 && rng.random::<f32>() < fk.null_rate {
            return NONE;
        }
        match fk.kind {
            FkKind::SelfRef => {
                let len = rows.len();
                if len == 0 {
                    return NONE;
                }
                for _ in 0..8 {
                    let r = recent(rng, len) as u32;
                    if row.team.is_none() || rows.teams[r as usize] == row.team.unwrap_or(NO_TEAM) {
                        return r;
                    }
                }
                NONE
            }
            FkKind::Cycle => {
                let len = self.store[fk.parent].len();
                if len == 0 { NONE } else { (row.n % len as u64) as u32 }
            }
            FkKind::OneToOne => {
                let len = self.store[fk.parent].len();
                if len == 0 {
                    return NONE;
                }
                (((row.i as u128 * len as u128) / table.count.max(1) as u128) as u32).min(len as u32 - 1)
            }
            _ => self.pick_normal(fk, row, rng),
        }
    }

    /// A parent created before the row (recent ones likelier), of the row's team and lineage.
    fn pick_normal(&mut self, fk: &FkPlan, row: &Row, rng: &mut ChaCha8Rng) -> u32 {
        let p = fk.parent;
        if let Some(r) = row.in_ctx(p) {
            return r;
        }
        if self.store[p].is_empty() {
            return NONE;
        }
        let parent_plan = &self.plan.tables[p];
        // What the parent row must agree with: its own keys into tables the row belongs to.
        let constraints: Vec<(usize, u32)> = parent_plan
            .fks
            .iter()
            .enumerate()
            .filter(|(_, f)| lineage(f) && f.parent != p)
            .filter_map(|(d, f)| row.in_ctx(f.parent).map(|r| (d, r)))
            .collect();
        let team = if parent_plan.team_scoped { row.team } else { None };
        let nullable = fk.null_rate > 0.0;
        self.store[p].prepare(constraints.first().map(|c| c.0), team.is_some());
        let parent = &self.store[p];
        let everyone = || match team {
            Some(t) if !parent.team_group(t).is_empty() => Cands::List(parent.team_group(t)),
            _ => Cands::All(parent.len()),
        };
        let primary = match constraints.first() {
            Some(&(d, r)) => match parent.group(d, r) {
                [] if nullable => return NONE,
                [] => everyone(),
                group => Cands::List(group),
            },
            None => match team {
                Some(t) => match parent.team_group(t) {
                    [] if nullable => return NONE,
                    [] => Cands::All(parent.len()),
                    group => Cands::List(group),
                },
                None => Cands::All(parent.len()),
            },
        };
        // Parents that existed at the row's time; all of them when none did, or when the row is
        // tried again after a unique key conflict.
        let mut cutoff = partition(&primary, &parent.times, row.t);
        if cutoff == 0 || row.retry {
            cutoff = primary.len();
        }
        // The other constraints, by rejection (the first one chose the group).
        let ok = |r: u32| {
            constraints.iter().skip(1).all(|&(d, want)| parent.fks[d][r as usize] == want)
                && team.is_none_or(|t| parent.teams[r as usize] == t || parent.teams[r as usize] == NO_TEAM)
        };
        let first = primary.get(recent(rng, cutoff));
        if ok(first) {
            return first;
        }
        for _ in 0..6 {
            let r = primary.get(recent(rng, cutoff));
            if ok(r) {
                return r;
            }
        }
        if nullable { NONE } else { first }
    }

    fn column(&self, table: &TablePlan, c: usize, row: &mut Row, rng: &mut ChaCha8Rng, finding: bool) {
        let col = &table.cols[c];
        if col.omit || matches!(col.make, Gen::Fk(_)) {
            return;
        }
        let start = row.buf.len();
        let null = col.null_rate > 0.0 && rng.random::<f32>() < col.null_rate;
        let num = if null { None } else { self.fill(table, col, &col.make, row, rng, finding) };
        match num {
            None => {
                row.buf.truncate(start);
                row.spans[c] = None;
            }
            Some(v) => {
                truncate_chars(&mut row.buf, start, col.max_len);
                if col.unique && !naturally_unique(&col.make) {
                    uniquify(&mut row.buf, start, row.n);
                    truncate_chars(&mut row.buf, start, col.max_len);
                }
                row.spans[c] = Some((start, row.buf.len()));
                row.nums[c] = v;
                if col.severity {
                    row.sev = severity_rank(&row.buf[start..]);
                }
            }
        }
    }

    /// Writes the value of `make` for `col` into the row's buffer; `None` for NULL, else its
    /// number (NaN when not numeric).
    fn fill(
        &self,
        table: &TablePlan,
        col: &ColPlan,
        make: &Gen,
        row: &mut Row,
        rng: &mut ChaCha8Rng,
        finding: bool,
    ) -> Option<f64> {
        let floor = col
            .at_least
            .iter()
            .filter_map(|&(o, strict)| {
                let v = row.nums[o];
                (!v.is_nan()).then(|| if strict { v + if is_time(col) { 1_000_000.0 } else { 1.0 } } else { v })
            })
            .reduce(f64::max);
        let start = row.buf.len();
        match make {
            Gen::Null | Gen::Fk(_) => None,
            Gen::Id => {
                let id = random_id(row.t, rng);
                write_uuid(&id, &mut row.buf);
                Some(f64::NAN)
            }
            Gen::Const(v) => {
                row.buf.push_str(v);
                Some(v.parse().unwrap_or(f64::NAN))
            }
            Gen::Choice(values, cum) => {
                let total = *cum.last().unwrap_or(&1);
                let x = rng.random_range(0..total.max(1));
                let k = cum.partition_point(|&c| c <= x).min(values.len() - 1);
                row.buf.push_str(&values[k]);
                Some(values[k].parse().unwrap_or(f64::NAN))
            }
            Gen::Seq(items, rest) => match items.get(row.n as usize) {
                Some(v) => {
                    row.buf.push_str(v);
                    Some(f64::NAN)
                }
                None => {
                    let rest = rest.clone();
                    self.fill(table, col, &rest, row, rng, finding)
                }
            },
            Gen::Bool(p) => {
                row.buf.push_str(if rng.random::<f32>() < *p { "true" } else { "false" });
                Some(f64::NAN)
            }
            Gen::Int(a, b) => Some(self.number(col, rng.random_range(*a..=*b) as f64, floor, rng, &mut row.buf)),
            Gen::Skewed(a, b) => {
                let v = if matches!(col.kind, ColumnKind::Float | ColumnKind::Decimal) {
                    // Log-uniform over the reals: 0..1 gives mostly small probabilities.
                    *a as f64 + ((*b - *a) as f64 + 1.0).powf(rng.random::<f64>()) - 1.0
                } else {
                    values::skewed(rng, *a, *b) as f64
                };
                Some(self.number(col, v, floor, rng, &mut row.buf))
            }
            Gen::Float(a, b) => Some(self.number(col, rng.random_range(*a..=*b), floor, rng, &mut row.buf)),
            Gen::Score => {
                let (lo, hi) = score_bounds(col);
                let frac = match row.sev {
                    Some(0) => rng.random_range(0.9..=1.0),
                    Some(1) => rng.random_range(0.7..0.9),
                    Some(2) => rng.random_range(0.4..0.7),
                    Some(3) => rng.random_range(0.1..0.4),
                    Some(_) => rng.random_range(0.0..0.1),
                    None => (rng.random::<f64>() + rng.random::<f64>()) / 2.0,
                };
                Some(self.number(col, lo + frac * (hi - lo), floor, rng, &mut row.buf))
            }
            Gen::Cwe => {
                let (id, _) = *row.cwe.get_or_insert_with(|| values::cwe(rng));
                if matches!(col.kind, ColumnKind::Array(_)) {
                    let _ = write!(row.buf, "{{{id}}}");
                } else {
                    let _ = write!(row.buf, "{id}");
                }
                Some(f64::from(id))
            }
            Gen::Time(role) => {
                let mut t = match role {
                    T::Birth => row.t,
                    T::After => row.t + values::skewed(rng, MINUTE, 5 * DAY),
                    T::Recent => row.t + (rng.random::<f64>() * (self.now - row.t).max(0) as f64) as i64,
                    T::Future => self.now + values::skewed(rng, DAY, 365 * DAY),
                    T::Before => row.t - values::skewed(rng, MINUTE, 2 * DAY),
                };
                if matches!(role, T::After) {
                    t = t.min(self.now.max(row.t));
                }
                if let Some(f) = floor
                    && (t as f64) < f
                {
                    t = f as i64 + values::skewed(rng, MINUTE, 2 * DAY);
                    if f as i64 <= self.now {
                        t = t.min(self.now).max(f as i64);
                    }
                }
                if matches!(col.kind, ColumnKind::Date) {
                    // A date after another: a whole day later at least when strict.
                    values::date(t, &mut row.buf);
                } else {
                    values::timestamp(t, &mut row.buf);
                }
                Some(t as f64)
            }
            Gen::Text(x) => {
                self.text(table, col, *x, row, rng, finding);
                Some(f64::NAN)
            }
            Gen::Inet(net) => {
                values::ip(rng, *net, &mut row.buf);
                Some(f64::NAN)
            }
            Gen::Json(j) => {
                self.json(table, *j, col.json_array, row, rng);
                Some(f64::NAN)
            }
            Gen::Tags(pool, max) => {
                let n = rng.random_range(0..=*max as usize);
                row.buf.push('{');
                let mut used: Vec<&str> = Vec::new();
                for _ in 0..n {
                    let item = values::pick(rng, pool);
                    if !used.contains(&item) {
                        values::array_item(item, used.is_empty(), &mut row.buf);
                        used.push(item);
                    }
                }
                row.buf.push('}');
                Some(f64::NAN)
            }
            Gen::Subset(items) => {
                let n = rng.random_range(0..=items.len().min(3));
                row.buf.push('{');
                let mut used: Vec<usize> = Vec::new();
                for _ in 0..n {
                    let k = rng.random_range(0..items.len());
                    if !used.contains(&k) {
                        values::array_item(&items[k], used.is_empty(), &mut row.buf);
                        used.push(k);
                    }
                }
                row.buf.push('}');
                Some(f64::NAN)
            }
            Gen::TeamIds => {
                row.buf.push('{');
                if let Some(teams) = self.teams_table
                    && !self.store[teams].is_empty()
                {
                    let len = self.store[teams].len();
                    let first =
                        row.team.map(usize::from).filter(|&t| t < len).unwrap_or_else(|| rng.random_range(0..len));
                    let mut id = String::new();
                    write_uuid(&self.store[teams].ids[first], &mut id);
                    values::array_item(&id, true, &mut row.buf);
                }
                row.buf.push('}');
                Some(f64::NAN)
            }
            Gen::EmptyArray => {
                row.buf.push_str("{}");
                Some(f64::NAN)
            }
            Gen::Template(pieces) => {
                for piece in pieces {
                    match piece {
                        Piece::Lit(s) => row.buf.push_str(s),
                        Piece::N => {
                            let _ = write!(row.buf, "{}", row.n);
                        }
                        Piece::N1 => {
                            let _ = write!(row.buf, "{}", row.n + 1);
                        }
                        Piece::N255 => {
                            let _ = write!(row.buf, "{}", row.n % 254 + 1);
                        }
                        Piece::Uuid => {
                            let mut bytes: [u8; 16] = rng.random();
                            bytes[6] = (bytes[6] & 0x0f) | 0x40;
                            bytes[8] = (bytes[8] & 0x3f) | 0x80;
                            write_uuid(&bytes, &mut row.buf);
                        }
                        Piece::Hex8 => values::hex(rng, 8, &mut row.buf),
                        Piece::Col(c) => {
                            let v = row.value(*c).unwrap_or("").to_string();
                            row.buf.push_str(&v);
                        }
                        Piece::Slug(c) => {
                            let v = values::slug(row.value(*c).unwrap_or(""));
                            row.buf.push_str(&v);
                        }
                    }
                }
                Some(row.buf[start..].parse().unwrap_or(f64::NAN))
            }
            Gen::When { col: other, values, then, otherwise } => {
                let matched = row.value(*other).is_some_and(|v| values.iter().any(|x| x == v));
                let branch = if matched { then } else { otherwise };
                self.fill(table, col, branch, row, rng, finding)
            }
            Gen::WhenNull { col: other, then, otherwise } => {
                let branch = if row.value(*other).is_none() { then } else { otherwise };
                self.fill(table, col, branch, row, rng, finding)
            }
            Gen::FromParent { fk, slot } => {
                let r = row.fkv[*fk];
                let parent = table.fks[*fk].parent;
                let value = (r != NONE).then(|| self.store[parent].kept[*slot][r as usize].as_deref()).flatten()?;
                row.buf.push_str(value);
                Some(f64::NAN)
            }
            Gen::Pick(target) => {
                let rows = &self.store[*target];
                if rows.is_empty() {
                    return None;
                }
                let r = if self.plan.tables[*target].is_teams {
                    row.team
                        .map(usize::from)
                        .filter(|&t| t < rows.len())
                        .unwrap_or_else(|| rng.random_range(0..rows.len()))
                } else {
                    rng.random_range(0..rows.len())
                };
                write_uuid(&rows.ids[r], &mut row.buf);
                Some(f64::NAN)
            }
            Gen::Password => {
                let hash = self.password_hash.as_deref().filter(|_| row.n < 6)?;
                row.buf.push_str(hash);
                Some(f64::NAN)
            }
            Gen::Hex(n) => {
                values::hex(rng, *n as usize, &mut row.buf);
                Some(f64::NAN)
            }
            Gen::Uuid => {
                let mut bytes: [u8; 16] = rng.random();
                bytes[6] = (bytes[6] & 0x0f) | 0x40;
                bytes[8] = (bytes[8] & 0x3f) | 0x80;
                write_uuid(&bytes, &mut row.buf);
                Some(f64::NAN)
            }
            Gen::Bytes(n) => {
                row.buf.push_str("\\x");
                values::hex(rng, *n as usize * 2, &mut row.buf);
                Some(f64::NAN)
            }
        }
    }

    /// A number within the column's bounds and above its floor, formatted for its type.
    fn number(&self, col: &ColPlan, mut v: f64, floor: Option<f64>, rng: &mut ChaCha8Rng, out: &mut String) -> f64 {
        let integer = matches!(col.kind, ColumnKind::SmallInt | ColumnKind::Int | ColumnKind::BigInt);
        if let Some(f) = floor
            && v < f
        {
            v = f + values::skewed(rng, 0, (f.abs() as i64).clamp(1, 1_000_000)) as f64;
        }
        if let Some(lo) = col.lo {
            v = v.max(lo);
        }
        if let Some(hi) = col.hi {
            v = v.min(hi);
        }
        if let Some(limit) = col.limit {
            v = v.clamp(-limit, limit);
        }
        if integer {
            let v = v.round() as i64;
            let _ = write!(out, "{v}");
            v as f64
        } else {
            let decimals = if matches!(col.kind, ColumnKind::Float) { 4 } else { col.decimals.min(6) } as usize;
            let _ = write!(out, "{v:.decimals$}");
            v
        }
    }

    fn person(&self, row: &mut Row, rng: &mut ChaCha8Rng) -> u64 {
        *row.person.get_or_insert_with(|| rng.random_range(0..900))
    }

    fn text(&self, table: &TablePlan, col: &ColPlan, x: X, row: &mut Row, rng: &mut ChaCha8Rng, finding: bool) {
        let unique = col.unique.then_some(row.n);
        match x {
            X::Email => {
                let n = if col.unique { row.n } else { self.person(row, rng) };
                values::person_email(n, &mut row.buf);
            }
            X::FullName | X::FirstName | X::LastName | X::Username => {
                let n = if col.unique { row.n } else { self.person(row, rng) };
                let (first, last) = values::person(n);
                let out = &mut row.buf;
                match x {
                    X::FullName => {
                        let _ = write!(out, "{first} {last}");
                    }
                    X::FirstName => out.push_str(first),
                    X::LastName => out.push_str(last),
                    _ => {
                        let _ = write!(out, "{}.{}", values::ascii_lower(first), values::ascii_lower(last));
                        if n >= 900 {
                            let _ = write!(out, "{n}");
                        }
                    }
                }
            }
            X::Hostname => {
                let role =
                    values::pick(rng, &["web", "app", "api", "db", "fs", "dc", "vpn", "k8s-node", "build", "mail"]);
                let env = values::pick(rng, &["prod", "prod", "stg", "dev"]);
                let _ = write!(row.buf, "{role}-{env}-{:02}.{}", rng.random_range(1..60), values::EMAIL_DOMAIN);
            }
            X::Domain => {
                let d = values::pick(
                    rng,
                    &[
                        "login-micros0ft.example",
                        "paypa1-secure.example",
                        "docs-share.example",
                        "corp.example",
                        "invoice-portal.example",
                    ],
                );
                row.buf.push_str(d);
            }
            X::Url => {
                let host = values::pick(
                    rng,
                    &["app.corp.example", "api.corp.example", "portal.corp.example", "shop.example.com"],
                );
                let _ = write!(row.buf, "https://{host}{}", values::pick(rng, values::ENDPOINTS));
            }
            X::Uri => {
                let _ = write!(row.buf, "s3://cybershield-{}/", values::pick(rng, values::WORDS));
                values::hex(rng, 12, &mut row.buf);
                row.buf.push_str(".json");
            }
            X::Path => row.buf.push_str(values::pick(rng, values::PATHS)),
            X::Version => {
                let _ = write!(
                    row.buf,
                    "{}.{}.{}",
                    values::skewed(rng, 1, 12),
                    rng.random_range(0..20),
                    rng.random_range(0..30)
                );
            }
            X::Commit => values::hex(rng, 40, &mut row.buf),
            X::Cve => {
                let _ = write!(row.buf, "CVE-{}-{}", rng.random_range(2018..=2025), rng.random_range(1000..50_000));
            }
            X::CvssVector => {
                let av = values::pick(rng, &["N", "N", "N", "A", "L"]);
                let c = values::pick(rng, &["H", "H", "L", "N"]);
                let _ = write!(row.buf, "CVSS:3.1/AV:{av}/AC:L/PR:N/UI:N/S:U/C:{c}/I:{c}/A:N");
            }
            X::Title => {
                if finding || col.name == "cwe_name" {
                    let (_, prefix) = *row.cwe.get_or_insert_with(|| values::cwe(rng));
                    let _ = write!(row.buf, "{prefix} {}", values::pick(rng, values::ENDPOINTS));
                } else {
                    row.buf.push_str(values::pick(rng, values::ALERT_TITLES));
                }
            }
            X::Name => {
                let n = unique;
                values::name(rng, &table.name, n, &mut row.buf);
            }
            X::Sentence => row.buf.push_str(values::pick(rng, values::SENTENCES)),
            X::Country => row.buf.push_str(values::pick(rng, values::COUNTRIES)),
            X::City => row.buf.push_str(values::pick(rng, values::CITIES)),
            X::UserAgent => row.buf.push_str(values::pick(rng, values::USER_AGENTS)),
            X::Mac => values::mac(rng, &mut row.buf),
            X::Sha256 => values::hex(rng, 64, &mut row.buf),
            X::Sha1 => values::hex(rng, 40, &mut row.buf),
            X::Md5 => values::hex(rng, 32, &mut row.buf),
            X::Region => row.buf.push_str(values::pick(rng, values::REGIONS)),
            X::Branch => row.buf.push_str(values::pick(rng, values::BRANCHES)),
            X::Signature => row.buf.push_str(values::pick(rng, values::SIGNATURES)),
            X::Purl => {
                let (eco, name, version) = values::PACKAGES[rng.random_range(0..values::PACKAGES.len())];
                let _ = write!(row.buf, "pkg:{eco}/{name}@{version}");
            }
            X::Package => {
                let (_, name, _) = values::PACKAGES[rng.random_range(0..values::PACKAGES.len())];
                row.buf.push_str(name);
            }
            X::Key => {
                let _ = write!(row.buf, "{}-{}", values::pick(rng, values::WORDS), values::pick(rng, values::WORDS));
            }
            X::Words(pool) => row.buf.push_str(values::pick(rng, pool)),
        }
    }

    fn json(&self, table: &TablePlan, j: J, array: Option<bool>, row: &mut Row, rng: &mut ChaCha8Rng) {
        let listy = matches!(j, J::List | J::Tags | J::FunnelEvents);
        let j = match array {
            Some(true) if !listy => J::List,
            Some(false) if listy => J::Object,
            _ => j,
        };
        let out = &mut row.buf;
        match j {
            J::Object => {
                let _ = write!(
                    out,
                    "{{\"source\": \"{}\", \"confidence\": {:.2}, \"ref\": \"",
                    values::pick(rng, &["scanner", "api", "import", "manual", "agent"]),
                    rng.random::<f64>()
                );
                values::hex(rng, 8, out);
                out.push_str("\"}");
            }
            J::List => {
                let n = rng.random_range(0..=3);
                out.push('[');
                for k in 0..n {
                    if k > 0 {
                        out.push_str(", ");
                    }
                    let _ = write!(
                        out,
                        "{{\"name\": \"{}\", \"value\": {}}}",
                        values::pick(rng, values::WORDS),
                        values::skewed(rng, 0, 1000)
                    );
                }
                out.push(']');
            }
            J::Tags => {
                let _ = write!(
                    out,
                    "[\"{}\", \"{}\"]",
                    values::pick(rng, crate::rules::TAGS),
                    values::pick(rng, crate::rules::TAGS)
                );
            }
            J::SeverityCounts => {
                let _ = write!(
                    out,
                    "{{\"critical\": {}, \"high\": {}, \"medium\": {}, \"low\": {}, \"info\": {}}}",
                    values::skewed(rng, 0, 3),
                    values::skewed(rng, 0, 12),
                    values::skewed(rng, 0, 40),
                    values::skewed(rng, 0, 60),
                    values::skewed(rng, 0, 30)
                );
            }
            J::Sla => out.push_str("{\"critical\": 7, \"high\": 30, \"medium\": 90, \"low\": 180}"),
            J::Funnel => {
                let sent = rng.random_range(50..2_000);
                let opened = sent * rng.random_range(40..75) / 100;
                let clicked = opened * rng.random_range(15..45) / 100;
                let submitted = clicked * rng.random_range(20..60) / 100;
                let reported = sent * rng.random_range(5..25) / 100;
                let _ = write!(
                    out,
                    "{{\"total\": {sent}, \"sent\": {sent}, \"opened\": {opened}, \"clicked\": {clicked}, \
                     \"submitted_data\": {submitted}, \"email_reported\": {reported}, \"error\": {}}}",
                    sent / 100
                );
            }
            J::FunnelEvents => {
                const STAGES: [&str; 5] =
                    ["Campaign Created", "Email Sent", "Email Opened", "Clicked Link", "Submitted Data"];
                let status = table.col("status").and_then(|c| row.value(c)).unwrap_or("Email Sent").to_string();
                let reached = match status.as_str() {
                    "Email Opened" => 3,
                    "Clicked Link" => 4,
                    "Submitted Data" => 5,
                    "Email Sent" | "Error" => 2,
                    _ => 1,
                };
                let out = &mut row.buf;
                out.push('[');
                let mut t = row.t;
                for (k, stage) in STAGES.iter().take(reached).enumerate() {
                    if k > 0 {
                        out.push_str(", ");
                    }
                    let _ = write!(out, "{{\"message\": \"{stage}\", \"time\": \"");
                    let mut ts = String::new();
                    values::timestamp(t, &mut ts);
                    out.push_str(&ts.replace(' ', "T").replace("+00", "Z"));
                    out.push_str("\"}");
                    t += values::skewed(rng, MINUTE, DAY);
                }
                out.push(']');
            }
            J::Flow => {
                let _ = write!(
                    out,
                    "{{\"pkts_toserver\": {}, \"pkts_toclient\": {}, \"bytes_toserver\": {}, \"bytes_toclient\": {}}}",
                    values::skewed(rng, 1, 5_000),
                    values::skewed(rng, 0, 5_000),
                    values::skewed(rng, 60, 5_000_000),
                    values::skewed(rng, 0, 5_000_000)
                );
            }
        }
    }
}

/// A mandatory key to another table: what a row belongs to.
fn lineage(fk: &FkPlan) -> bool {
    fk.null_rate == 0.0
        && fk.only_if_null.is_none()
        && matches!(fk.kind, FkKind::Normal | FkKind::Cycle | FkKind::OneToOne)
}

fn is_time(col: &ColPlan) -> bool {
    matches!(col.kind, ColumnKind::DateTime | ColumnKind::Date)
}

fn score_bounds(col: &ColPlan) -> (f64, f64) {
    let float = matches!(col.kind, ColumnKind::Float | ColumnKind::Decimal);
    let default_hi = if col.name.contains("cvss") || (float && col.name.contains("severity")) {
        10.0
    } else if float {
        1.0
    } else {
        100.0
    };
    (col.lo.unwrap_or(0.0), col.hi.unwrap_or(default_hi))
}

fn naturally_unique(make: &Gen) -> bool {
    matches!(make, Gen::Id | Gen::Uuid | Gen::Bytes(_) | Gen::Hex(_) | Gen::Template(_))
        || matches!(make, Gen::Text(X::Sha256 | X::Sha1 | X::Md5 | X::Name | X::Email | X::Username))
}

/// Makes the value written from `start` unique with the row number: `a@b` → `a17@b`, else `x-17`.
fn uniquify(buf: &mut String, start: usize, n: u64) {
    match buf[start..].find('@') {
        Some(at) => buf.insert_str(start + at, &n.to_string()),
        None => {
            let _ = write!(buf, "-{n}");
        }
    }
}

fn truncate_chars(buf: &mut String, start: usize, max: Option<usize>) {
    if let Some(max) = max
        && let Some((cut, _)) = buf[start..].char_indices().nth(max)
    {
        buf.truncate(start + cut);
    }
}

/// Recent-biased index in `0..len`: later (more recently created) rows are likelier.
fn recent(rng: &mut ChaCha8Rng, len: usize) -> usize {
    let u: f64 = rng.random();
    let back = (len as f64 * u.powf(1.5)) as usize;
    len - 1 - back.min(len - 1)
}

/// How many candidates were created at or before `t`.
fn partition(cands: &Cands, times: &[i64], t: i64) -> usize {
    match cands {
        Cands::All(n) => times[..*n].partition_point(|&x| x <= t),
        Cands::List(list) => list.partition_point(|&r| times[r as usize] <= t),
    }
}

/// A UUIDv7 of time `t` (microseconds) with random bits from the run's generator.
fn random_id(t: i64, rng: &mut ChaCha8Rng) -> [u8; 16] {
    let random: [u8; 10] = rng.random();
    *uuid::Builder::from_unix_timestamp_millis((t.max(0) / 1000) as u64, &random).into_uuid().as_bytes()
}

fn write_uuid(id: &[u8; 16], out: &mut String) {
    let mut buf = [0u8; 36];
    out.push_str(uuid::Uuid::from_bytes(*id).hyphenated().encode_lower(&mut buf));
}

fn parse_uuid(text: &str) -> [u8; 16] {
    uuid::Uuid::parse_str(text).map(|u| *u.as_bytes()).unwrap_or_default()
}

/// One `(…)` of a multi-row INSERT: string literals the target columns' types take.
fn write_values(table: &TablePlan, row: &Row, out: &mut Vec<u8>) {
    out.push(b'(');
    let mut first = true;
    for (c, col) in table.cols.iter().enumerate() {
        if col.omit {
            continue;
        }
        if !first {
            out.extend_from_slice(b", ");
        }
        first = false;
        match row.value(c) {
            None => out.extend_from_slice(b"NULL"),
            Some(v) => {
                out.extend_from_slice(b"E'");
                for &b in v.as_bytes() {
                    match b {
                        b'\'' => out.extend_from_slice(b"''"),
                        b'\\' => out.extend_from_slice(b"\\\\"),
                        _ => out.push(b),
                    }
                }
                out.push(b'\'');
            }
        }
    }
    out.push(b')');
}

/// One line of COPY text.
fn write_row(table: &TablePlan, row: &Row, out: &mut Vec<u8>) {
    let mut first = true;
    for (c, col) in table.cols.iter().enumerate() {
        if col.omit {
            continue;
        }
        if !first {
            out.push(b'\t');
        }
        first = false;
        match row.value(c) {
            None => out.extend_from_slice(b"\\N"),
            Some(v) => values::copy_escape(v, out),
        }
    }
    out.push(b'\n');
}
