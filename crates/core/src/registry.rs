//! What a domain crate hands to the engine: its migrations and one [`TableDef`] per table.
//!
//! A `TableDef` is read from the SeaORM entity (columns, types, nullability, defaults,
//! `belongs_to` relations) plus the few facts an entity cannot carry (enum variants of text
//! columns, composite unique keys, secret columns, foreign keys into crates it cannot name).

use std::sync::Arc;

use sea_orm::sea_query::ColumnType;
use sea_orm::{ActiveEnum, ColumnTrait, EntityTrait, IdenStatic, Iterable, RelationTrait};

use crate::migration::MigrationTrait;

/// Hand-written GraphQL additions of a domain (operations that are domain logic, not CRUD).
pub type SchemaExtension = fn(crate::schema::SchemaParts) -> crate::schema::SchemaParts;

/// Everything a domain crate contributes. The gateway lists the domains in one place.
pub struct Domain {
    /// Short name, e.g. `iam`.
    pub name: &'static str,
    /// Its migrations, in order. Names are global: `mYYYYMMDD_HHMMSS_<domain>_<change>`.
    pub migrations: Vec<Box<dyn MigrationTrait>>,
    /// Its tables, each with the whole generic surface.
    pub tables: Vec<TableDef>,
    /// Hand-written resolvers, if any.
    pub extensions: Vec<SchemaExtension>,
}

impl Domain {
    pub fn new(name: &'static str) -> Self {
        Self { name, migrations: Vec::new(), tables: Vec::new(), extensions: Vec::new() }
    }

    pub fn migrations(mut self, migrations: Vec<Box<dyn MigrationTrait>>) -> Self {
        self.migrations = migrations;
        self
    }

    pub fn tables(mut self, tables: Vec<TableDef>) -> Self {
        self.tables = tables;
        self
    }

    pub fn extension(mut self, extension: SchemaExtension) -> Self {
        self.extensions.push(extension);
        self
    }
}

/// The value kinds the engine knows how to filter, order, aggregate and write.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnKind {
    Uuid,
    Text,
    /// `citext`: compared case-insensitively by PostgreSQL.
    CiText,
    SmallInt,
    Int,
    BigInt,
    Float,
    Decimal,
    Bool,
    DateTime,
    Date,
    Time,
    Json,
    Inet,
    Bytes,
    Enum(Arc<EnumMeta>),
    Array(Box<ColumnKind>),
}

impl ColumnKind {
    pub fn from_column_type(ty: &ColumnType) -> Self {
        match ty {
            ColumnType::Uuid => Self::Uuid,
            ColumnType::Char(_) | ColumnType::String(_) | ColumnType::Text => Self::Text,
            ColumnType::TinyInteger | ColumnType::SmallInteger | ColumnType::TinyUnsigned => Self::SmallInt,
            ColumnType::Integer | ColumnType::SmallUnsigned => Self::Int,
            ColumnType::BigInteger | ColumnType::Unsigned | ColumnType::BigUnsigned => Self::BigInt,
            ColumnType::Float | ColumnType::Double => Self::Float,
            ColumnType::Decimal(_) | ColumnType::Money(_) => Self::Decimal,
            ColumnType::Boolean => Self::Bool,
            ColumnType::TimestampWithTimeZone | ColumnType::DateTime | ColumnType::Timestamp => Self::DateTime,
            ColumnType::Date => Self::Date,
            ColumnType::Time => Self::Time,
            ColumnType::Json | ColumnType::JsonBinary => Self::Json,
            ColumnType::Inet | ColumnType::Cidr => Self::Inet,
            ColumnType::Binary(_) | ColumnType::VarBinary(_) | ColumnType::Blob => Self::Bytes,
            ColumnType::Array(inner) => Self::Array(Box::new(Self::from_column_type(inner))),
            ColumnType::Custom(name) if name.to_string().eq_ignore_ascii_case("citext") => Self::CiText,
            ColumnType::Custom(name) if name.to_string().eq_ignore_ascii_case("inet") => Self::Inet,
            _ => Self::Text,
        }
    }

    /// The SQL type that bound parameters are cast to (`$1::<type>`).
    pub fn sql_type(&self) -> String {
        match self {
            Self::Uuid => "uuid".into(),
            Self::Text | Self::Enum(_) => "text".into(),
            Self::CiText => "citext".into(),
            Self::SmallInt => "smallint".into(),
            Self::Int => "integer".into(),
            Self::BigInt => "bigint".into(),
            Self::Float => "double precision".into(),
            Self::Decimal => "numeric".into(),
            Self::Bool => "boolean".into(),
            Self::DateTime => "timestamptz".into(),
            Self::Date => "date".into(),
            Self::Time => "time".into(),
            Self::Json => "jsonb".into(),
            Self::Inet => "inet".into(),
            Self::Bytes => "bytea".into(),
            Self::Array(inner) => format!("{}[]", inner.sql_type()),
        }
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Self::SmallInt | Self::Int | Self::BigInt | Self::Float | Self::Decimal)
    }

    /// Ordered kinds get `min`/`max` and range operators.
    pub fn is_ordered(&self) -> bool {
        self.is_numeric()
            || matches!(
                self,
                Self::Text | Self::CiText | Self::DateTime | Self::Date | Self::Time | Self::Uuid | Self::Enum(_)
            )
    }
}

/// A text column whose values are a closed set (stored as `text` + `CHECK`).
#[derive(Debug, PartialEq)]
pub struct EnumMeta {
    /// GraphQL type name, PascalCase (from the ActiveEnum's `enum_name`).
    pub name: String,
    /// Database values, in declaration order.
    pub values: Vec<String>,
}

impl EnumMeta {
    /// GraphQL name of a database value: `in_progress` → `IN_PROGRESS`, `HmacSHA1` → `HMAC_SHA1`.
    pub fn graphql_value(db_value: &str) -> String {
        crate::naming::screaming_snake(db_value)
    }
}

#[derive(Debug, Clone)]
pub struct ColumnDef {
    /// SQL name (snake_case).
    pub name: String,
    pub kind: ColumnKind,
    pub nullable: bool,
    /// The database fills it when an insert leaves it out.
    pub has_default: bool,
    /// Secret columns (hashes, ciphertext) are never read, filtered or written by the generic API.
    pub secret: bool,
    pub unique: bool,
}

/// A foreign key as the engine sees it: `from_table.from_column → to_table.to_column`.
#[derive(Debug, Clone)]
pub struct ForeignKeyDef {
    pub from_table: String,
    pub from_column: String,
    pub to_table: String,
    pub to_column: String,
}

/// One table's registration. Build it with [`TableDef::new`].
#[derive(Debug, Clone)]
pub struct TableDef {
    pub table: String,
    /// Singular PascalCase GraphQL type name.
    pub type_name: String,
    pub description: Option<String>,
    pub columns: Vec<ColumnDef>,
    pub foreign_keys: Vec<ForeignKeyDef>,
    /// Unique keys, each a list of columns (single-column ones come from the entity).
    pub unique_keys: Vec<Vec<String>>,
    /// What the table holds, for the role policy (`crate::auth::POLICY`).
    pub family: crate::auth::Family,
}

/// Column names that are secret whatever the entity says: a hash or a ciphertext is never output.
fn is_secret_name(name: &str) -> bool {
    name.ends_with("_hash") || name.ends_with("_encrypted")
}

impl TableDef {
    /// Reads the entity: table name, columns, and the `belongs_to` relations as foreign keys.
    pub fn new<E: EntityTrait + Default>() -> Self {
        let entity = E::default();
        let table = entity.table_name().to_string();
        let mut unique_keys = Vec::new();
        let columns = E::Column::iter()
            .map(|col| {
                let def = col.def();
                let name = col.as_str().to_string();
                if def.is_unique() {
                    unique_keys.push(vec![name.clone()]);
                }
                ColumnDef {
                    kind: ColumnKind::from_column_type(def.get_column_type()),
                    nullable: def.is_null(),
                    has_default: def.get_column_default().is_some()
                        || name == "id"
                        || name == "created_at"
                        || name == "updated_at",
                    secret: is_secret_name(&name),
                    unique: def.is_unique(),
                    name,
                }
            })
            .collect();
        let foreign_keys = E::Relation::iter()
            .map(|rel| rel.def())
            // In sea-orm 2, `belongs_to` (the side holding the foreign key) has `is_owner == false`.
            .filter(|def| !def.is_owner)
            .filter_map(|def| {
                let from = identity_single(&def.from_col)?;
                let to = identity_single(&def.to_col)?;
                Some(ForeignKeyDef {
                    from_table: table_ref_name(&def.from_tbl),
                    from_column: from,
                    to_table: table_ref_name(&def.to_tbl),
                    to_column: to,
                })
            })
            .collect();
        let mut unique_keys_sorted = unique_keys;
        unique_keys_sorted.dedup();
        Self {
            type_name: crate::naming::pascal(&crate::naming::singular(&table)),
            table,
            description: None,
            columns,
            foreign_keys,
            unique_keys: unique_keys_sorted,
            family: crate::auth::Family::Data,
        }
    }

    /// The policy family of the table (default: working data).
    pub fn family(mut self, family: crate::auth::Family) -> Self {
        self.family = family;
        self
    }

    /// Declares a text column's closed set of values, from its SeaORM `ActiveEnum`.
    pub fn enumeration<A>(mut self, column: impl ColumnTrait) -> Self
    where
        A: ActiveEnum<Value = String>,
    {
        let meta = Arc::new(EnumMeta { name: crate::naming::pascal(&A::name().to_string()), values: A::values() });
        self.column_mut(column.as_str()).kind = match &self.column_mut(column.as_str()).kind {
            ColumnKind::Array(_) => ColumnKind::Array(Box::new(ColumnKind::Enum(meta))),
            _ => ColumnKind::Enum(meta),
        };
        self
    }

    /// A composite unique key (upserts can target it).
    pub fn unique<C: ColumnTrait>(mut self, columns: impl IntoIterator<Item = C>) -> Self {
        self.unique_keys.push(columns.into_iter().map(|c| c.as_str().to_string()).collect());
        self
    }

    /// Marks a column secret: never output, filtered or written by the generic API.
    pub fn secret(mut self, column: impl ColumnTrait) -> Self {
        self.column_mut(column.as_str()).secret = true;
        self
    }

    /// Marks a column public that the naming rule would take for a secret (`commit_hash`).
    pub fn public(mut self, column: impl ColumnTrait) -> Self {
        self.column_mut(column.as_str()).secret = false;
        self
    }

    /// A foreign key the entity cannot declare (its target lives in a crate this one may not
    /// depend on). The target crate may also add it to the source table with
    /// [`crate::schema::SchemaParts`]; see the engine docs.
    pub fn references(mut self, column: impl ColumnTrait, to_table: &str) -> Self {
        self.foreign_keys.push(ForeignKeyDef {
            from_table: self.table.clone(),
            from_column: column.as_str().to_string(),
            to_table: to_table.to_string(),
            to_column: "id".to_string(),
        });
        self
    }

    /// Overrides the singular GraphQL type name when the default singular is wrong.
    pub fn type_name(mut self, name: &str) -> Self {
        self.type_name = name.to_string();
        self
    }

    /// The GraphQL description of the type.
    pub fn description(mut self, text: &str) -> Self {
        self.description = Some(text.to_string());
        self
    }

    fn column_mut(&mut self, name: &str) -> &mut ColumnDef {
        let table = self.table.clone();
        self.columns
            .iter_mut()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("column {name} is not in table {table}"))
    }
}

fn table_ref_name(table: &sea_orm::sea_query::TableRef) -> String {
    use sea_orm::sea_query::TableRef;
    match table {
        TableRef::Table(name, _) => name.1.to_string(),
        other => format!("{other:?}"),
    }
}

fn identity_single(identity: &sea_orm::Identity) -> Option<String> {
    match identity {
        sea_orm::Identity::Unary(col) => Some(col.to_string()),
        _ => None,
    }
}
