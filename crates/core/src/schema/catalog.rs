//! The engine's view of all registered tables: names for every GraphQL type and field, and
//! the relations in both directions, computed once at start-up.

use std::collections::HashMap;
use std::sync::Arc;

use crate::naming::{camel, pascal};
use crate::registry::{ColumnDef, ColumnKind, TableDef};

use super::SchemaConfig;

/// A column with its GraphQL name.
#[derive(Debug, Clone)]
pub struct Column {
    pub def: ColumnDef,
    pub field: String,
}

impl Column {
    pub fn sql(&self) -> &str {
        &self.def.name
    }

    pub fn kind(&self) -> &ColumnKind {
        &self.def.kind
    }

    /// Written by create/update inputs (ids may be given on create; timestamps are the server's).
    pub fn writable(&self) -> bool {
        !self.def.secret && self.def.name != "created_at" && self.def.name != "updated_at"
    }
}

/// A foreign key seen from one side.
#[derive(Debug, Clone)]
pub struct Relation {
    /// GraphQL field name on the side that holds it.
    pub field: String,
    /// The table with the foreign key column.
    pub child_table: usize,
    pub child_column: String,
    /// The referenced table.
    pub parent_table: usize,
    pub parent_column: String,
    /// The foreign key column may be NULL.
    pub nullable: bool,
}

/// Every GraphQL name derived from one table.
#[derive(Debug, Clone)]
pub struct TableNames {
    pub type_name: String,
    /// `projectIssues`: the root list field.
    pub list_field: String,
    /// `projectIssue`: the by-id field.
    pub single_field: String,
    /// `ProjectIssues`: used in mutation names (`createProjectIssues`).
    pub plural: String,
}

impl TableNames {
    pub fn connection(&self) -> String {
        format!("{}Connection", self.type_name)
    }
    pub fn edge(&self) -> String {
        format!("{}Edge", self.type_name)
    }
    pub fn filter(&self) -> String {
        format!("{}Filter", self.type_name)
    }
    pub fn many_filter(&self) -> String {
        format!("{}ManyFilter", self.type_name)
    }
    pub fn order_by(&self) -> String {
        format!("{}OrderBy", self.type_name)
    }
    pub fn column_enum(&self) -> String {
        format!("{}Column", self.type_name)
    }
    pub fn create_input(&self) -> String {
        format!("{}CreateInput", self.type_name)
    }
    pub fn update_input(&self) -> String {
        format!("{}UpdateInput", self.type_name)
    }
    pub fn conflict_target(&self) -> String {
        format!("{}UniqueKey", self.type_name)
    }
    pub fn on_conflict(&self) -> String {
        format!("{}OnConflict", self.type_name)
    }
    pub fn mutation_result(&self) -> String {
        format!("{}MutationResult", self.plural)
    }
    pub fn aggregate_field(&self) -> String {
        format!("{}Aggregate", self.list_field)
    }
    pub fn aggregate_group(&self) -> String {
        format!("{}AggregateGroup", self.type_name)
    }
    pub fn aggregate_key(&self) -> String {
        format!("{}AggregateKey", self.type_name)
    }
    pub fn aggregate_numeric(&self) -> String {
        format!("{}NumericAggregate", self.type_name)
    }
    pub fn aggregate_ordered(&self) -> String {
        format!("{}MinMaxAggregate", self.type_name)
    }
    pub fn aggregate_distinct(&self) -> String {
        format!("{}CountDistinct", self.type_name)
    }
    pub fn group_by_enum(&self) -> String {
        format!("{}GroupBy", self.type_name)
    }
}

/// How a table's rows belong to teams, for scoping reads and writes to the viewer's teams.
#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    /// Not owned by a team (reference data, users, the audit trail): the role policy alone decides.
    Global,
    /// The row's own column holds its team (`team_id`; for `teams`, the `id`). NULL: organisation-wide.
    Team(String),
    /// The row belongs to whatever team its parent (through `column`) belongs to.
    Parent { column: String, parent: usize },
}

#[derive(Debug)]
pub struct Table {
    pub index: usize,
    pub name: String,
    pub family: crate::auth::Family,
    pub scope: Scope,
    pub description: Option<String>,
    pub names: TableNames,
    pub columns: Vec<Column>,
    pub unique_keys: Vec<Vec<String>>,
    /// Foreign keys held by this table (to-one fields).
    pub to_one: Vec<Arc<Relation>>,
    /// Foreign keys of other tables pointing here (to-many fields).
    pub to_many: Vec<Arc<Relation>>,
}

impl Table {
    pub fn column(&self, sql: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.def.name == sql)
    }

    pub fn column_by_field(&self, field: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.field == field)
    }

    /// Columns a client may see (and filter, order, group by).
    pub fn visible_columns(&self) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(|c| !c.def.secret)
    }

    pub fn has_column(&self, sql: &str) -> bool {
        self.column(sql).is_some()
    }

    /// Rows whose required columns include a secret (a session's token hash, an audit entry's
    /// chain hash) are written only by domain logic, so the generic API offers no create.
    pub fn creatable(&self) -> bool {
        !self.columns.iter().any(|c| c.def.secret && !c.def.nullable && !c.def.has_default)
    }
}

/// All tables, indexed by position; relations refer to tables by index.
#[derive(Debug)]
pub struct Catalog {
    pub tables: Vec<Table>,
    by_name: HashMap<String, usize>,
    /// Constraint name → words for a client.
    constraint_messages: HashMap<String, String>,
    pub config: SchemaConfig,
}

impl Catalog {
    pub fn table(&self, index: usize) -> &Table {
        &self.tables[index]
    }

    pub fn table_by_name(&self, name: &str) -> Option<&Table> {
        self.by_name.get(name).map(|&i| &self.tables[i])
    }

    pub fn describe_constraint(&self, name: &str) -> Option<String> {
        self.constraint_messages.get(name).cloned()
    }

    pub fn build(defs: Vec<TableDef>, config: SchemaConfig) -> Result<Self, String> {
        let mut by_name = HashMap::new();
        for (i, def) in defs.iter().enumerate() {
            if by_name.insert(def.table.clone(), i).is_some() {
                return Err(format!("table {} is registered twice", def.table));
            }
        }
        let mut tables: Vec<Table> = defs
            .iter()
            .enumerate()
            .map(|(index, def)| {
                let type_name = def.type_name.clone();
                let single_field = {
                    let mut s = camel(&type_name);
                    // `camel` lowercases only the first letter of a PascalCase name.
                    if s.is_empty() {
                        s = camel(&def.table);
                    }
                    s
                };
                let mut list_field = camel(&def.table);
                let mut plural = pascal(&def.table);
                if list_field == single_field {
                    list_field.push_str("List");
                    plural.push_str("List");
                }
                Table {
                    index,
                    name: def.table.clone(),
                    family: def.family,
                    scope: Scope::Global,
                    description: def.description.clone(),
                    names: TableNames { type_name, list_field, single_field, plural },
                    columns: def.columns.iter().map(|c| Column { field: camel(&c.name), def: c.clone() }).collect(),
                    unique_keys: def.unique_keys.clone(),
                    to_one: Vec::new(),
                    to_many: Vec::new(),
                }
            })
            .collect();

        let mut constraint_messages = HashMap::new();
        let mut relations = Vec::new();
        for def in &defs {
            for fk in &def.foreign_keys {
                let child = by_name[&fk.from_table];
                let Some(&parent) = by_name.get(&fk.to_table) else {
                    return Err(format!(
                        "{}.{} references {}, which no registered domain declares",
                        fk.from_table, fk.from_column, fk.to_table
                    ));
                };
                if !tables[child].has_column(&fk.from_column) {
                    return Err(format!("{}.{} is not a column", fk.from_table, fk.from_column));
                }
                let field_base = fk
                    .from_column
                    .strip_suffix("_id")
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("{}_{}", fk.from_column, crate::naming::singular(&fk.to_table)));
                constraint_messages.insert(
                    format!("{}_{}_fkey", fk.from_table, fk.from_column),
                    format!(
                        "{} must reference an existing {} (or the row is still referenced by {})",
                        camel(&fk.from_column),
                        tables[parent].names.type_name,
                        tables[child].names.type_name
                    ),
                );
                relations.push((child, parent, fk.clone(), camel(&field_base)));
            }
        }
        for (child, parent, fk, to_one_field) in relations.iter().cloned() {
            // Plain name when this is the only key from child to parent, else qualified by the
            // key's role ("projectIssuesByAssignee"); self references are always qualified.
            let siblings = relations.iter().filter(|(c, p, _, _)| *c == child && *p == parent).count();
            let child_list = tables[child].names.list_field.clone();
            let to_many_field = if siblings == 1 && child != parent {
                child_list
            } else {
                format!("{}By{}", child_list, pascal(&to_one_field))
            };
            let to_one = Arc::new(Relation {
                field: to_one_field,
                child_table: child,
                child_column: fk.from_column.clone(),
                parent_table: parent,
                parent_column: fk.to_column.clone(),
                nullable: tables[child].column(&fk.from_column).is_some_and(|c| c.def.nullable),
            });
            let to_many = Arc::new(Relation { field: to_many_field, ..(*to_one).clone() });
            tables[child].to_one.push(to_one);
            tables[parent].to_many.push(to_many);
        }

        for table in &tables {
            let mut seen = HashMap::new();
            let fields = table
                .columns
                .iter()
                .map(|c| c.field.clone())
                .chain(table.to_one.iter().map(|r| r.field.clone()))
                .chain(table.to_many.iter().map(|r| r.field.clone()));
            for field in fields {
                if seen.insert(field.clone(), ()).is_some() {
                    return Err(format!("{} has two fields named {field}", table.names.type_name));
                }
            }
            for key in &table.unique_keys {
                constraint_messages.insert(
                    format!("{}_{}_key", table.name, key.join("_")),
                    format!(
                        "a {} with the same {} already exists",
                        table.names.type_name,
                        key.iter().map(|c| camel(c)).collect::<Vec<_>>().join(" and ")
                    ),
                );
            }
            constraint_messages.insert(
                format!("{}_pkey", table.name),
                format!("a {} with this id already exists", table.names.type_name),
            );
            for column in &table.columns {
                let message = match column.kind() {
                    ColumnKind::Enum(meta) => format!("{} must be one of {}", column.field, meta.values.join(", ")),
                    _ => format!("{} is outside its allowed values", column.field),
                };
                constraint_messages.insert(format!("{}_{}_check", table.name, column.def.name), message);
            }
        }
        let scopes: Vec<Scope> = (0..tables.len()).map(|i| scope_of(&tables, i, &mut Vec::new())).collect();
        for (table, scope) in tables.iter_mut().zip(scopes) {
            table.scope = scope;
        }
        Ok(Self { tables, by_name, constraint_messages, config })
    }
}

/// A table's team scope: its own team column, else the scope of a parent it must reference
/// (`project_id` first), else global.
fn scope_of(tables: &[Table], index: usize, visiting: &mut Vec<usize>) -> Scope {
    let table = &tables[index];
    if table.name == "teams" {
        return Scope::Team("id".into());
    }
    for column in ["team_id", "owner_team_id"] {
        if table.has_column(column) {
            return Scope::Team(column.into());
        }
    }
    if visiting.contains(&index) {
        return Scope::Global;
    }
    visiting.push(index);
    // Only a mandatory reference makes a parent the owner: an optional one (an assignee, the key
    // that encrypts a secret) says nothing about which team the row belongs to.
    let mut candidates: Vec<&Arc<Relation>> =
        table.to_one.iter().filter(|r| r.parent_table != index && !r.nullable).collect();
    candidates.sort_by_key(|r| r.child_column != "project_id");
    let found = candidates
        .into_iter()
        .find(|r| scope_of(tables, r.parent_table, visiting) != Scope::Global)
        .map(|r| Scope::Parent { column: r.child_column.clone(), parent: r.parent_table });
    visiting.pop();
    found.unwrap_or(Scope::Global)
}
