//! The plan of a run: which tables in which order, how many rows, and how each column is filled —
//! derived from the engine's catalog, the live database (column types, CHECKs, unique indexes,
//! existing rows) and the rules.

use std::collections::{HashMap, HashSet};

use cybershield_core::ColumnKind;
use cybershield_core::auth::Family;
use cybershield_core::schema::Catalog;
use cybershield_core::schema::catalog::{Scope, Table};

use crate::checks::Conjunct;
use crate::profile::{self, Class, Scale};
use crate::rules::{G, J, K, NAME_RULES, NULL_RATES, Net, T, TABLE_RULES, VALUE_WEIGHTS, X};

/// What the database says about one column.
#[derive(Debug, Clone)]
pub struct DbColumn {
    pub name: String,
    /// Filled by the database (identity, generated): never written.
    pub generated: bool,
    /// `varchar(n)`, `char(n)`.
    pub max_len: Option<usize>,
    /// Digits after the point of a `numeric(p, s)`.
    pub scale: Option<u32>,
    /// Largest absolute value a `numeric(p, s)` holds.
    pub numeric_limit: Option<f64>,
}

/// A unique index: its columns (NULL when an expression).
#[derive(Debug, Clone)]
pub struct DbUnique {
    pub columns: Vec<Option<String>>,
    /// `NULLS NOT DISTINCT` (PostgreSQL 15): a NULL equals a NULL.
    pub nulls_equal: bool,
}

/// The live database's facts the plan needs.
#[derive(Debug, Default)]
pub struct DbInfo {
    pub columns: HashMap<String, Vec<DbColumn>>,
    pub checks: HashMap<String, Vec<Conjunct>>,
    pub uniques: HashMap<String, Vec<DbUnique>>,
    /// Rows each table holds before the run.
    pub counts: HashMap<String, u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Rows are generated and loaded.
    Generate,
    /// Reference data seeded by the migrations: its rows are read and referenced, not duplicated.
    Reference,
}

/// How a foreign key column gets its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FkKind {
    /// A parent of the same team and lineage, created before the row (recent ones likelier).
    Normal,
    /// An earlier row of the same table.
    SelfRef,
    /// Parents in turn: row n → parent n mod count.
    Cycle,
    /// The key is unique by itself: row i → its own parent, spread evenly over the parents.
    OneToOne,
    /// The parent table comes later (a cycle): NULL in the COPY, filled afterwards if possible.
    Deferred,
    /// Always NULL (a rule says so).
    Never,
}

#[derive(Debug, Clone)]
pub struct FkPlan {
    pub col: usize,
    /// Plan index of the parent table.
    pub parent: usize,
    pub kind: FkKind,
    pub null_rate: f32,
    /// Only set when this other foreign key of the row is NULL (`num_nonnulls(a, b) = 1`).
    pub only_if_null: Option<usize>,
}

/// A piece of a template.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Lit(String),
    Col(usize),
    Slug(usize),
    /// The row number.
    N,
    /// The row number plus one (human numbers start at 1).
    N1,
    /// 1 to 254, by row number.
    N255,
    Uuid,
    Hex8,
}

/// A resolved value generator.
#[derive(Debug, Clone, PartialEq)]
pub enum Gen {
    Null,
    Id,
    /// The foreign key's value (resolved before the other columns).
    Fk(usize),
    Const(String),
    /// Weighted choice: values and cumulative weights.
    Choice(Vec<String>, Vec<u32>),
    Seq(Vec<String>, Box<Gen>),
    Bool(f32),
    Int(i64, i64),
    Skewed(i64, i64),
    Float(f64, f64),
    Score,
    Cwe,
    Time(T),
    Text(X),
    Inet(Net),
    Json(J),
    Tags(&'static [&'static str], u8),
    Subset(Vec<String>),
    TeamIds,
    EmptyArray,
    Template(Vec<Piece>),
    When {
        col: usize,
        values: Vec<String>,
        then: Box<Gen>,
        otherwise: Box<Gen>,
    },
    WhenNull {
        col: usize,
        then: Box<Gen>,
        otherwise: Box<Gen>,
    },
    /// Kept column `slot` of the parent reached through foreign key `fk`.
    FromParent {
        fk: usize,
        slot: usize,
    },
    Pick(usize),
    Password,
    Hex(u8),
    Uuid,
    Bytes(u8),
}

#[derive(Debug, Clone)]
pub struct ColPlan {
    pub name: String,
    pub kind: ColumnKind,
    pub make: Gen,
    /// Probability of NULL (0 for NOT NULL columns).
    pub null_rate: f32,
    /// Not in the COPY: the database fills it.
    pub omit: bool,
    /// Values must differ from every other row's: a counter goes into them.
    pub unique: bool,
    pub max_len: Option<usize>,
    /// Exact length (`char_length(col) = n`).
    pub length: Option<usize>,
    pub decimals: u32,
    /// Bounds from CHECKs (inclusive).
    pub lo: Option<f64>,
    pub hi: Option<f64>,
    /// Largest absolute value the column's type holds.
    pub limit: Option<f64>,
    /// `col >= other` (strict: `>`), from CHECKs.
    pub at_least: Vec<(usize, bool)>,
    /// The CHECK wants a JSON array (`Some(true)`) or object (`Some(false)`).
    pub json_array: Option<bool>,
    /// A severity: its value sets the row's severity rank, which scores follow.
    pub severity: bool,
    /// Set by a table rule: never made unique with a counter (the key's tuple is tracked).
    pub ruled: bool,
}

#[derive(Debug)]
pub struct TablePlan {
    pub name: String,
    pub mode: Mode,
    pub class: Class,
    /// Rows to generate (Reference: rows read).
    pub count: u64,
    /// Rows the table held before the run: row numbers (unique values) start here.
    pub offset: u64,
    pub cols: Vec<ColPlan>,
    /// Generation order of the non-key columns.
    pub order: Vec<usize>,
    pub fks: Vec<FkPlan>,
    /// Resolution order of the foreign keys.
    pub fk_order: Vec<usize>,
    /// Unique keys whose values are tracked (no column of theirs is unique by construction),
    /// and whether NULLs count as equal in them.
    pub tuple_keys: Vec<(Vec<usize>, bool)>,
    pub one_to_one: Option<usize>,
    /// Columns children copy ([`Gen::FromParent`]).
    pub keep: Vec<usize>,
    /// Identity tables: row n is person n (e-mail, user name and display name agree).
    pub person_by_row: bool,
    pub is_teams: bool,
    /// Rows belong to a team (directly or through a parent).
    pub team_scoped: bool,
    /// Some table references this one: keep its rows in memory.
    pub referenced: bool,
    /// Run after the whole load: fills keys deferred by a cycle.
    pub updates: Vec<String>,
}

impl TablePlan {
    pub fn col(&self, name: &str) -> Option<usize> {
        self.cols.iter().position(|c| c.name == name)
    }

    /// The head of a multi-row INSERT of the generated columns into `table`.
    pub fn insert_sql(&self, table: &str) -> String {
        let cols: Vec<String> = self.cols.iter().filter(|c| !c.omit).map(|c| quote(&c.name)).collect();
        format!("INSERT INTO {} ({}) VALUES\n", quote(table), cols.join(", "))
    }

    /// The COPY statement of the generated columns into `table`.
    pub fn copy_sql(&self, table: &str) -> String {
        let cols: Vec<String> = self.cols.iter().filter(|c| !c.omit).map(|c| quote(&c.name)).collect();
        format!("COPY {} ({}) FROM STDIN", quote(table), cols.join(", "))
    }
}

/// The whole run.
#[derive(Debug)]
pub struct Plan {
    /// In load order: reference tables first, then every table after its parents.
    pub tables: Vec<TablePlan>,
}

pub fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

/// Whether `pattern` (`*` at either end for any prefix or suffix) matches `name`.
pub fn glob(pattern: &str, name: &str) -> bool {
    match (pattern.strip_prefix('*'), pattern.strip_suffix('*')) {
        (Some(rest), _) if rest.ends_with('*') => name.contains(&rest[..rest.len() - 1]),
        (Some(suffix), _) => name.ends_with(suffix),
        (_, Some(prefix)) => name.starts_with(prefix),
        _ => pattern == name,
    }
}

fn kind_matches(k: K, kind: &ColumnKind) -> bool {
    use ColumnKind as C;
    match k {
        K::Any => true,
        K::Text => matches!(kind, C::Text | C::CiText),
        K::Int => matches!(kind, C::SmallInt | C::Int | C::BigInt),
        K::Float => matches!(kind, C::Float | C::Decimal),
        K::Time => matches!(kind, C::DateTime),
        K::Date => matches!(kind, C::Date),
        K::Bool => matches!(kind, C::Bool),
        K::Inet => matches!(kind, C::Inet),
        K::Json => matches!(kind, C::Json),
        K::Uuid => matches!(kind, C::Uuid),
        K::TextArray => matches!(kind, C::Array(inner) if matches!(**inner, C::Text | C::CiText)),
        K::IntArray => matches!(kind, C::Array(inner) if matches!(**inner, C::SmallInt | C::Int | C::BigInt)),
    }
}

pub fn table_rule(table: &str, column: &str) -> Option<G> {
    TABLE_RULES.iter().find(|(t, c, _)| *t == table && *c == column).map(|r| r.2)
}

fn name_rule(column: &str, kind: &ColumnKind) -> Option<G> {
    NAME_RULES.iter().find(|(p, k, _)| kind_matches(*k, kind) && glob(p, column)).map(|r| r.2)
}

fn null_rate(column: &str, is_fk: bool) -> f32 {
    NULL_RATES.iter().find(|(p, _)| glob(p, column)).map(|r| r.1).unwrap_or(if is_fk { 0.3 } else { 0.1 })
}

pub fn weight(value: &str) -> u32 {
    let lower = value.to_ascii_lowercase();
    VALUE_WEIGHTS.iter().find(|(v, _)| *v == lower).map(|r| r.1).unwrap_or(10)
}

fn choice(values: Vec<String>) -> Gen {
    let mut total = 0;
    let cum = values
        .iter()
        .map(|v| {
            total += weight(v);
            total
        })
        .collect();
    Gen::Choice(values, cum)
}

/// Builds the plan. `catalog`: the registered tables; `db`: the live database's facts.
pub fn build(catalog: &Catalog, db: &DbInfo, scale: Scale) -> Result<Plan, String> {
    let n = catalog.tables.len();
    let mode: Vec<Mode> = catalog
        .tables
        .iter()
        .map(|t| {
            if t.family == Family::Reference && db.counts.get(&t.name).copied().unwrap_or(0) > 0 {
                Mode::Reference
            } else {
                Mode::Generate
            }
        })
        .collect();

    // Load order: reference tables first (nothing of theirs is generated), then Kahn's algorithm
    // over the foreign keys; a cycle is broken at a nullable key, whose filling is deferred.
    let mut order: Vec<usize> = (0..n).filter(|&i| mode[i] == Mode::Reference).collect();
    let mut placed: HashSet<usize> = order.iter().copied().collect();
    let mut deferred: HashSet<(usize, String)> = HashSet::new();
    while placed.len() < n {
        let pending = |i: usize| {
            catalog.tables[i]
                .to_one
                .iter()
                .filter(|r| r.parent_table != i && !placed.contains(&r.parent_table))
                .filter(|r| !rule_nulls(&catalog.tables[i].name, &r.child_column))
                .collect::<Vec<_>>()
        };
        let ready = (0..n).find(|&i| !placed.contains(&i) && pending(i).is_empty());
        let next = match ready {
            Some(i) => i,
            None => {
                let i = (0..n)
                    .find(|&i| !placed.contains(&i) && pending(i).iter().all(|r| r.nullable))
                    .ok_or("the foreign keys form a cycle of mandatory references")?;
                for r in pending(i) {
                    deferred.insert((i, r.child_column.clone()));
                }
                i
            }
        };
        placed.insert(next);
        order.push(next);
    }
    let position: HashMap<usize, usize> = order.iter().enumerate().map(|(p, &i)| (i, p)).collect();

    let mut tables = Vec::with_capacity(n);
    for &index in &order {
        tables.push(table_plan(catalog, db, scale, index, mode[index], &position, &deferred)?);
    }

    // Cross-table facts: what is referenced, what children copy from parents, 1:1 caps.
    for p in 0..tables.len() {
        let parents: Vec<usize> = tables[p].fks.iter().map(|f| f.parent).collect();
        for parent in parents {
            tables[parent].referenced = true;
        }
        for f in 0..tables[p].fks.len() {
            if tables[p].fks[f].kind == FkKind::OneToOne {
                let parent = tables[p].fks[f].parent;
                tables[p].count = tables[p].count.min(tables[parent].count);
            }
        }
    }
    // A key deferred by a cycle points at its latest child through the child's mandatory key
    // back (a SAST project's last scan); without such a key it stays NULL.
    for p in 0..tables.len() {
        for f in 0..tables[p].fks.len() {
            let fk = &tables[p].fks[f];
            if fk.kind != FkKind::Deferred {
                continue;
            }
            let child = &tables[fk.parent];
            if let Some(back) = child.fks.iter().find(|g| g.parent == p && g.null_rate == 0.0) {
                let sql = format!(
                    "UPDATE {t} AS c SET {col} = s.id FROM (SELECT DISTINCT ON ({back}) {back} AS parent, id FROM {child} \
                     ORDER BY {back}, id DESC) AS s WHERE s.parent = c.id AND c.{col} IS NULL",
                    t = quote(&tables[p].name),
                    col = quote(&tables[p].cols[fk.col].name),
                    back = quote(&child.cols[back.col].name),
                    child = quote(&child.name),
                );
                tables[p].updates.push(sql);
            }
        }
    }
    for p in 0..tables.len() {
        resolve_from_parent(&mut tables, p)?;
        let mut targets = Vec::new();
        for col in &tables[p].cols {
            picks(&col.make, &mut targets);
        }
        for t in targets {
            tables[t].referenced = true;
        }
    }
    Ok(Plan { tables })
}

fn rule_nulls(table: &str, column: &str) -> bool {
    matches!(table_rule(table, column), Some(G::Null | G::Omit))
}

fn table_plan(
    catalog: &Catalog,
    db: &DbInfo,
    scale: Scale,
    index: usize,
    mode: Mode,
    position: &HashMap<usize, usize>,
    deferred: &HashSet<(usize, String)>,
) -> Result<TablePlan, String> {
    let table = catalog.table(index);
    let name = table.name.clone();
    let db_columns = db.columns.get(&name).ok_or_else(|| format!("table {name} is not in the database"))?;
    let checks = db.checks.get(&name).cloned().unwrap_or_default();
    let (class, mut count) = profile::rows(&name, scale);
    let offset = db.counts.get(&name).copied().unwrap_or(0);
    if mode == Mode::Reference {
        count = offset;
    }
    let person_by_row = table.family == Family::Identity && (table.has_column("email") || table.has_column("username"));

    // Columns, in the table's order, with their closed sets (values, array items).
    let mut cols = Vec::new();
    let mut closed: Vec<Closed> = Vec::new();
    for column in &table.columns {
        let db_col = db_columns
            .iter()
            .find(|c| c.name == column.def.name)
            .ok_or_else(|| format!("{name}.{} is registered but not in the database", column.def.name))?;
        let mut lo: Option<f64> = None;
        let mut hi: Option<f64> = None;
        let integer = matches!(column.kind(), ColumnKind::SmallInt | ColumnKind::Int | ColumnKind::BigInt);
        let step = if integer { 1.0 } else { 0.01 };
        let (mut json_array, mut one_of, mut subset, mut length, mut max_len) =
            (None, None, None, None, db_col.max_len);
        for c in &checks {
            match c {
                Conjunct::Min { column: col, value, strict } if *col == column.def.name => {
                    let v = if *strict { value + step } else { *value };
                    lo = Some(lo.map_or(v, |l: f64| l.max(v)));
                }
                Conjunct::Max { column: col, value, strict } if *col == column.def.name => {
                    let v = if *strict { value - step } else { *value };
                    hi = Some(hi.map_or(v, |h: f64| h.min(v)));
                }
                Conjunct::JsonType { column: col, shape } if *col == column.def.name => {
                    json_array = Some(shape == "array");
                }
                Conjunct::OneOf { column: col, values } if *col == column.def.name => one_of = Some(values.clone()),
                Conjunct::SubsetOf { column: col, values } if *col == column.def.name => subset = Some(values.clone()),
                Conjunct::Length { column: col, length: l } if *col == column.def.name => length = Some(*l),
                Conjunct::MaxLength { column: col, length: l } if *col == column.def.name => {
                    max_len = Some(max_len.map_or(*l, |m: usize| m.min(*l)));
                }
                _ => {}
            }
        }
        let limit = match column.kind() {
            ColumnKind::SmallInt => Some(32_767.0),
            ColumnKind::Int => Some(2_147_483_647.0),
            _ => db_col.numeric_limit,
        };
        let kind = column.kind().clone();
        let enum_values = match &kind {
            ColumnKind::Enum(meta) => Some(meta.values.clone()),
            _ => None,
        };
        let array_enum = match &kind {
            ColumnKind::Array(inner) => match &**inner {
                ColumnKind::Enum(meta) => Some(meta.values.clone()),
                _ => None,
            },
            _ => None,
        };
        let severity = column.def.name.contains("severity") && (enum_values.is_some() || integer);
        cols.push(ColPlan {
            name: column.def.name.clone(),
            kind,
            make: Gen::Null,
            null_rate: 0.0,
            omit: db_col.generated,
            unique: false,
            max_len,
            length,
            decimals: db_col.scale.unwrap_or(2),
            lo,
            hi,
            limit,
            at_least: Vec::new(),
            json_array,
            severity,
            ruled: false,
        });
        closed.push((one_of.or(enum_values), subset.or(array_enum)));
    }
    for c in &checks {
        if let Conjunct::AtLeast { column, other, strict } = c
            && let (Some(a), Some(b)) =
                (cols.iter().position(|x| x.name == *column), cols.iter().position(|x| x.name == *other))
        {
            cols[a].at_least.push((b, *strict));
        }
    }

    // Foreign keys.
    let mut fks = Vec::new();
    for rel in &table.to_one {
        let col = cols.iter().position(|c| c.name == rel.child_column).expect("a foreign key column");
        let rule = table_rule(&name, &rel.child_column);
        let self_ref = rel.parent_table == index;
        let kind = if matches!(rule, Some(G::Null | G::Omit)) {
            FkKind::Never
        } else if deferred.contains(&(index, rel.child_column.clone())) {
            FkKind::Deferred
        } else if self_ref {
            FkKind::SelfRef
        } else if rule == Some(G::Cycle) {
            FkKind::Cycle
        } else if db.uniques.get(&name).is_some_and(|keys| {
            keys.iter().any(|k| k.columns.len() == 1 && k.columns[0].as_deref() == Some(&rel.child_column))
        }) {
            FkKind::OneToOne
        } else {
            FkKind::Normal
        };
        // Every team-owned row gets a team.
        let team_col = matches!(&table.scope, Scope::Team(c) if *c == rel.child_column);
        let null_rate = if !rel.nullable {
            0.0
        } else {
            match rule {
                Some(G::Always) => 0.0,
                Some(G::NullRate(p)) => p,
                _ if team_col => 0.0,
                _ => null_rate(&rel.child_column, true),
            }
        };
        cols[col].make = Gen::Fk(fks.len());
        fks.push(FkPlan { col, parent: position[&rel.parent_table], kind, null_rate, only_if_null: None });
    }
    for f in 0..fks.len() {
        if let Some(G::WhenNull(other, G::Fk, G::Null)) = table_rule(&name, &cols[fks[f].col].name) {
            fks[f].only_if_null = fks.iter().position(|g| cols[g.col].name == other);
            // One of the two is always set.
            fks[f].null_rate = 0.0;
        }
    }
    let one_to_one = fks.iter().position(|f| f.kind == FkKind::OneToOne);

    // Values of the other columns. `Pick` may name a table loaded before this one.
    let here = position[&index];
    let pick =
        |name: &str| catalog.tables.iter().position(|t| t.name == name).map(|i| position[&i]).filter(|&p| p < here);
    for at in 0..cols.len() {
        if cols[at].omit || matches!(cols[at].make, Gen::Fk(_)) {
            continue;
        }
        let (values, subset) = closed[at].clone();
        let col = &cols[at];
        let def = &table.columns[at].def;
        let rule = table_rule(&name, &col.name);
        let default_rate = if def.nullable { null_rate(&col.name, false) } else { 0.0 };
        let (make, rate, omit) = match rule {
            Some(G::Omit) => (Gen::Null, 0.0, true),
            Some(G::Always) => (default_gen(table, col, values, subset, def.secret, person_by_row)?, 0.0, false),
            Some(G::NullRate(p)) => (
                default_gen(table, col, values, subset, def.secret, person_by_row)?,
                if def.nullable { p } else { 0.0 },
                false,
            ),
            Some(g) => {
                let make =
                    resolve(g, &pick, table, &cols, at, values.clone(), subset.clone(), def.secret, person_by_row)?;
                // A rule that yields NULL on purpose (When…Null) decides NULLs itself.
                (make, 0.0, false)
            }
            None if col.name == "id" => (Gen::Id, 0.0, false),
            None if def.secret && def.nullable => (Gen::Null, 0.0, false),
            None => (default_gen(table, col, values, subset, def.secret, person_by_row)?, default_rate, false),
        };
        cols[at].make = make;
        cols[at].null_rate = rate;
        cols[at].omit |= omit;
        cols[at].ruled = rule.is_some();
    }

    // Unique keys: one column made unique with a counter when it can be, else the tuple tracked.
    let mut tuple_keys = Vec::new();
    for key in db.uniques.get(&name).map(Vec::as_slice).unwrap_or(&[]) {
        let Some(key_cols) = key
            .columns
            .iter()
            .map(|c| c.as_ref().and_then(|c| cols.iter().position(|x| x.name == *c)))
            .collect::<Option<Vec<usize>>>()
        else {
            continue; // an expression: the database's own business (a trigger fills it)
        };
        if key_cols.iter().any(|&c| cols[c].omit) {
            continue;
        }
        if key_cols.len() == 1 && matches!(cols[key_cols[0]].make, Gen::Fk(_)) {
            continue; // one-to-one
        }
        if key_cols.iter().any(|&c| naturally_unique(&cols[c].make, person_by_row)) {
            continue;
        }
        if let Some(&c) = key_cols.iter().find(|&&c| countable(&cols[c])) {
            // Never NULL either: some keys treat NULLs as equal (NULLS NOT DISTINCT).
            cols[c].unique = true;
            cols[c].null_rate = 0.0;
            continue;
        }
        // Appending: the tracked tuples know nothing of the rows already there. A key of new
        // parents cannot meet an old row; one of plain values gets the row number in its text.
        if offset > 0
            && key_cols.iter().all(|&c| !matches!(cols[c].make, Gen::Fk(_)))
            && let Some(&c) = key_cols.iter().find(|&&c| {
                matches!(cols[c].kind, ColumnKind::Text | ColumnKind::CiText) && matches!(cols[c].make, Gen::Text(_))
            })
        {
            cols[c].unique = true;
        }
        tuple_keys.push((key_cols, key.nulls_equal));
    }

    let fk_order = fk_order(catalog, index, &fks, &cols, position);
    let order = column_order(&cols)?;
    Ok(TablePlan {
        name: name.clone(),
        mode,
        class,
        count,
        offset,
        cols,
        order,
        fks,
        fk_order,
        tuple_keys,
        one_to_one,
        keep: Vec::new(),
        person_by_row,
        is_teams: name == "teams",
        team_scoped: table.scope != Scope::Global,
        referenced: false,
        updates: Vec::new(),
    })
}

/// A column's closed set of values, and of array items.
type Closed = (Option<Vec<String>>, Option<Vec<String>>);

/// Generators whose values never repeat within a run.
fn naturally_unique(make: &Gen, person_by_row: bool) -> bool {
    match make {
        Gen::Id | Gen::Uuid | Gen::Bytes(_) => true,
        Gen::Hex(n) => *n >= 16,
        Gen::Text(X::Sha256 | X::Sha1 | X::Md5) => true,
        Gen::Text(X::Email | X::Username) => person_by_row,
        Gen::Template(pieces) => pieces.iter().any(|p| matches!(p, Piece::N | Piece::N1 | Piece::Uuid)),
        _ => false,
    }
}

/// A column a counter can make unique: free text no rule pins to a list.
fn countable(col: &ColPlan) -> bool {
    !col.ruled
        && matches!(col.kind, ColumnKind::Text | ColumnKind::CiText)
        && matches!(col.make, Gen::Text(_) | Gen::Const(_))
}

/// The generator of a column without a table rule: CHECKs, then name rules, then its kind.
fn default_gen(
    table: &Table,
    col: &ColPlan,
    values: Option<Vec<String>>,
    subset: Option<Vec<String>>,
    secret: bool,
    person_by_row: bool,
) -> Result<Gen, String> {
    if let Some(values) = values {
        return Ok(choice(values));
    }
    if let Some(values) = subset {
        return Ok(Gen::Subset(values));
    }
    if secret {
        return Ok(match col.kind {
            ColumnKind::Bytes => Gen::Bytes(32),
            _ => Gen::Hex(64),
        });
    }
    if let Some(g) = name_rule(&col.name, &col.kind) {
        return resolve(g, &|_| None, table, &[], usize::MAX, None, None, secret, person_by_row);
    }
    Ok(match &col.kind {
        ColumnKind::Uuid => Gen::Uuid,
        ColumnKind::Text | ColumnKind::CiText => Gen::Text(X::Key),
        ColumnKind::SmallInt | ColumnKind::Int | ColumnKind::BigInt => Gen::Skewed(0, 1_000),
        ColumnKind::Float | ColumnKind::Decimal => Gen::Float(0.0, 100.0),
        ColumnKind::Bool => Gen::Bool(0.12),
        ColumnKind::DateTime => Gen::Time(T::After),
        ColumnKind::Date => Gen::Time(T::Birth),
        ColumnKind::Time => Gen::Const("12:00:00".into()),
        ColumnKind::Json => Gen::Json(J::Object),
        ColumnKind::Inet => Gen::Inet(Net::Mixed),
        ColumnKind::Bytes => Gen::Bytes(16),
        ColumnKind::Enum(meta) => choice(meta.values.clone()),
        ColumnKind::Array(inner) => match &**inner {
            ColumnKind::Enum(meta) => Gen::Subset(meta.values.clone()),
            ColumnKind::Text | ColumnKind::CiText => Gen::Tags(crate::values::WORDS, 2),
            ColumnKind::Uuid if col.name.ends_with("team_ids") => Gen::TeamIds,
            _ => Gen::EmptyArray,
        },
    })
}

/// A rule's generator for column `at` (`cols` holds the table's columns, for references by name).
#[allow(clippy::too_many_arguments)]
fn resolve(
    g: G,
    pick: &dyn Fn(&str) -> Option<usize>,
    table: &Table,
    cols: &[ColPlan],
    at: usize,
    values: Option<Vec<String>>,
    subset: Option<Vec<String>>,
    secret: bool,
    person_by_row: bool,
) -> Result<Gen, String> {
    // Both sides of a condition generate the same column, with the same closed set.
    let branch = |g: G| resolve(g, pick, table, cols, at, values.clone(), subset.clone(), secret, person_by_row);
    let col_index = |name: &str| {
        cols.iter().position(|c| c.name == name).ok_or_else(|| format!("{}: no column {name}", table.name))
    };
    let here = || cols.get(at).cloned();
    Ok(match g {
        G::Omit | G::Null => Gen::Null,
        G::Const(v) => Gen::Const(v.into()),
        G::Enum => match values.clone() {
            Some(values) => choice(values),
            None => {
                return Err(format!(
                    "{}.{}: no closed set of values",
                    table.name,
                    here().map(|c| c.name).unwrap_or_default()
                ));
            }
        },
        G::EnumExcept(except) => {
            let values =
                values.clone().ok_or_else(|| format!("{}: EnumExcept on a column without values", table.name))?;
            choice(values.into_iter().filter(|v| !except.contains(&v.as_str())).collect())
        }
        G::OneOf(items) => {
            Gen::Choice(items.iter().map(|s| s.to_string()).collect(), (1..=items.len() as u32).collect())
        }
        G::Seq(items, rest) => Gen::Seq(
            items.iter().map(|s| s.to_string()).collect(),
            Box::new(resolve(*rest, pick, table, cols, at, values, subset, secret, person_by_row)?),
        ),
        G::Bool(p) => Gen::Bool(p),
        G::Int(a, b) => Gen::Int(a, b),
        G::Skewed(a, b) => Gen::Skewed(a, b),
        G::Float(a, b) => Gen::Float(a, b),
        G::Score => Gen::Score,
        G::Cwe => Gen::Cwe,
        G::Time(t) => Gen::Time(t),
        G::Text(x) => Gen::Text(x),
        G::Inet(net) => Gen::Inet(net),
        G::Json(j) => Gen::Json(j),
        G::Tags(pool, max) => Gen::Tags(pool, max),
        G::Template(text) => Gen::Template(template(text, &col_index)?),
        G::When(other, when, then, otherwise) => Gen::When {
            col: col_index(other)?,
            values: when.iter().map(|s| s.to_string()).collect(),
            then: Box::new(branch(*then)?),
            otherwise: Box::new(branch(*otherwise)?),
        },
        G::WhenNull(other, then, otherwise) => Gen::WhenNull {
            col: col_index(other)?,
            then: Box::new(branch(*then)?),
            otherwise: Box::new(branch(*otherwise)?),
        },
        G::Always | G::NullRate(_) | G::Fk => match here() {
            Some(col) => default_gen(table, &col, values, subset, secret, person_by_row)?,
            None => return Err(format!("{}: a column rule used inside another", table.name)),
        },
        // Resolved once every table is planned.
        G::FromParent(..) => Gen::Null,
        G::Pick(name) => {
            Gen::Pick(pick(name).ok_or_else(|| format!("{}: Pick({name}) needs {name} loaded before it", table.name))?)
        }
        G::Cycle => return Err(format!("{}: Cycle is for foreign keys", table.name)),
        G::Password => Gen::Password,
        G::Hex(n) => Gen::Hex(n),
        G::Uuid => Gen::Uuid,
    })
}

fn template(text: &str, col_index: &dyn Fn(&str) -> Result<usize, String>) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        if start > 0 {
            pieces.push(Piece::Lit(rest[..start].to_string()));
        }
        let end = rest[start..].find('}').ok_or_else(|| format!("unclosed {{ in template {text:?}"))? + start;
        let token = &rest[start + 1..end];
        pieces.push(match token {
            "n" => Piece::N,
            "n1" => Piece::N1,
            "n255" => Piece::N255,
            "uuid" => Piece::Uuid,
            "hex8" => Piece::Hex8,
            _ => match token.strip_prefix("slug:") {
                Some(col) => Piece::Slug(col_index(col)?),
                None => Piece::Col(col_index(token)?),
            },
        });
        rest = &rest[end + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Lit(rest.to_string()));
    }
    Ok(pieces)
}

/// Resolves `FromParent` once every table has its plan: the parent keeps the column.
fn resolve_from_parent(tables: &mut [TablePlan], p: usize) -> Result<(), String> {
    for at in 0..tables[p].cols.len() {
        let Some(G::FromParent(fk_col, parent_col)) = table_rule(&tables[p].name, &tables[p].cols[at].name) else {
            continue;
        };
        let fk = tables[p]
            .fks
            .iter()
            .position(|f| tables[p].cols[f.col].name == fk_col)
            .ok_or_else(|| format!("{}: {fk_col} is not a foreign key", tables[p].name))?;
        let parent = tables[p].fks[fk].parent;
        let pc =
            tables[parent].col(parent_col).ok_or_else(|| format!("{}: no column {parent_col}", tables[parent].name))?;
        let slot = match tables[parent].keep.iter().position(|&k| k == pc) {
            Some(slot) => slot,
            None => {
                tables[parent].keep.push(pc);
                tables[parent].keep.len() - 1
            }
        };
        tables[p].cols[at].make = Gen::FromParent { fk, slot };
        tables[p].cols[at].null_rate = 0.0;
    }
    Ok(())
}

fn picks(make: &Gen, out: &mut Vec<usize>) {
    match make {
        Gen::Pick(t) => out.push(*t),
        Gen::When { then, otherwise, .. } | Gen::WhenNull { then, otherwise, .. } => {
            picks(then, out);
            picks(otherwise, out);
        }
        Gen::Seq(_, rest) => picks(rest, out),
        _ => {}
    }
}

/// Foreign keys: mandatory ones first, deepest parent first (a scan before its project, so the
/// project is the scan's); then the team; then optional ones.
fn fk_order(
    catalog: &Catalog,
    index: usize,
    fks: &[FkPlan],
    cols: &[ColPlan],
    position: &HashMap<usize, usize>,
) -> Vec<usize> {
    let table = catalog.table(index);
    let depth_of = |plan_index: usize| {
        let cat = position.iter().find(|(_, p)| **p == plan_index).map(|(c, _)| *c).unwrap_or(0);
        depth(catalog, cat, &mut Vec::new())
    };
    let team_col = match &table.scope {
        Scope::Team(col) if table.name != "teams" => Some(col.as_str()),
        _ => None,
    };
    let mut keyed: Vec<(u8, i64, usize)> = fks
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let mandatory = f.null_rate == 0.0 && f.kind != FkKind::Never;
            let group = if f.only_if_null.is_some() {
                3
            } else if mandatory && Some(cols[f.col].name.as_str()) != team_col {
                0
            } else if Some(cols[f.col].name.as_str()) == team_col {
                1
            } else {
                2
            };
            (group, -(depth_of(f.parent) as i64), k)
        })
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(_, _, k)| k).collect()
}

fn depth(catalog: &Catalog, index: usize, seen: &mut Vec<usize>) -> usize {
    if seen.contains(&index) {
        return 0;
    }
    seen.push(index);
    let d = catalog
        .table(index)
        .to_one
        .iter()
        .filter(|r| r.parent_table != index && !r.nullable)
        .map(|r| 1 + depth(catalog, r.parent_table, seen))
        .max()
        .unwrap_or(0);
    seen.pop();
    d
}

/// Column generation order: what a column reads comes first; severities and closed sets early
/// (scores follow the severity).
fn column_order(cols: &[ColPlan]) -> Result<Vec<usize>, String> {
    let deps: Vec<Vec<usize>> = cols
        .iter()
        .map(|c| {
            let mut d: Vec<usize> = c.at_least.iter().map(|(o, _)| *o).collect();
            gen_deps(&c.make, &mut d);
            d
        })
        .collect();
    let rank = |c: &ColPlan| match c.make {
        _ if c.severity => 0,
        Gen::Choice(..) | Gen::Bool(_) | Gen::Seq(..) => 1,
        _ => 2,
    };
    let mut done = vec![false; cols.len()];
    let mut order = Vec::new();
    while order.len() < cols.len() {
        let next = (0..cols.len())
            .filter(|&i| !done[i] && deps[i].iter().all(|&d| done[d] || d == i))
            .min_by_key(|&i| (rank(&cols[i]), i))
            .ok_or("columns depend on each other in a circle")?;
        done[next] = true;
        order.push(next);
    }
    Ok(order)
}

fn gen_deps(make: &Gen, out: &mut Vec<usize>) {
    match make {
        Gen::Template(pieces) => {
            out.extend(pieces.iter().filter_map(|p| match p {
                Piece::Col(c) | Piece::Slug(c) => Some(*c),
                _ => None,
            }));
        }
        Gen::When { col, then, otherwise, .. } | Gen::WhenNull { col, then, otherwise } => {
            out.push(*col);
            gen_deps(then, out);
            gen_deps(otherwise, out);
        }
        Gen::Seq(_, rest) => gen_deps(rest, out),
        _ => {}
    }
}
