//! The GraphQL types shared by all tables: scalars, filter inputs per value kind, enums,
//! directions, page info.

use std::collections::BTreeMap;
use std::sync::Arc;

use async_graphql::Value as GqlValue;
use async_graphql::dynamic::{Enum, InputObject, InputValue, Object, Scalar, SchemaBuilder, TypeRef};

use crate::registry::{ColumnKind, EnumMeta};

/// The GraphQL output/input type name of a value kind (without list or non-null wrappers).
pub fn scalar_name(kind: &ColumnKind) -> String {
    match kind {
        ColumnKind::Uuid => "UUID".into(),
        ColumnKind::Text | ColumnKind::CiText | ColumnKind::Time | ColumnKind::Bytes => TypeRef::STRING.into(),
        ColumnKind::SmallInt | ColumnKind::Int => TypeRef::INT.into(),
        ColumnKind::BigInt => "BigInt".into(),
        ColumnKind::Float | ColumnKind::Decimal => TypeRef::FLOAT.into(),
        ColumnKind::Bool => TypeRef::BOOLEAN.into(),
        ColumnKind::DateTime => "DateTime".into(),
        ColumnKind::Date => "Date".into(),
        ColumnKind::Json => "JSON".into(),
        ColumnKind::Inet => "Inet".into(),
        ColumnKind::Enum(meta) => meta.name.clone(),
        ColumnKind::Array(inner) => scalar_name(inner),
    }
}

/// The type of a column's value: `[T!]` for arrays, nullable or not as the column.
pub fn value_type(kind: &ColumnKind, non_null: bool) -> TypeRef {
    match (kind, non_null) {
        (ColumnKind::Array(inner), true) => TypeRef::named_nn_list_nn(scalar_name(inner)),
        (ColumnKind::Array(inner), false) => TypeRef::named_nn_list(scalar_name(inner)),
        (k, true) => TypeRef::named_nn(scalar_name(k)),
        (k, false) => TypeRef::named(scalar_name(k)),
    }
}

/// The filter input type of a column kind; `None` when the kind is not filterable.
pub fn filter_name(kind: &ColumnKind) -> Option<String> {
    Some(match kind {
        ColumnKind::Bytes => return None,
        ColumnKind::CiText | ColumnKind::Time => "StringFilter".into(),
        ColumnKind::Decimal => "FloatFilter".into(),
        ColumnKind::SmallInt => "IntFilter".into(),
        ColumnKind::Array(inner) => format!("{}ListFilter", scalar_name(inner)),
        other => format!("{}Filter", scalar_name(other)),
    })
}

/// Collects the shared types as tables need them, registering each once.
#[derive(Default)]
pub struct SharedTypes {
    filters: BTreeMap<String, InputObject>,
    enums: BTreeMap<String, Arc<EnumMeta>>,
}

impl SharedTypes {
    /// Registers what a column of `kind` needs (its enum and its filter input).
    pub fn need(&mut self, kind: &ColumnKind) -> Result<(), String> {
        match kind {
            ColumnKind::Enum(meta) => self.need_enum(meta)?,
            ColumnKind::Array(inner) => {
                if let ColumnKind::Enum(meta) = inner.as_ref() {
                    self.need_enum(meta)?;
                }
            }
            _ => {}
        }
        let Some(name) = filter_name(kind) else { return Ok(()) };
        if self.filters.contains_key(&name) {
            return Ok(());
        }
        let filter = build_filter(&name, kind);
        self.filters.insert(name, filter);
        Ok(())
    }

    fn need_enum(&mut self, meta: &Arc<EnumMeta>) -> Result<(), String> {
        match self.enums.get(&meta.name) {
            Some(existing) if existing.values != meta.values => {
                Err(format!("enum {} is declared twice with different values", meta.name))
            }
            Some(_) => Ok(()),
            None => {
                self.enums.insert(meta.name.clone(), meta.clone());
                Ok(())
            }
        }
    }

    /// Enum names that would silently replace another type of the same name.
    pub fn clashes<'a>(&self, type_names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        type_names.into_iter().filter(|name| self.enums.contains_key(*name)).map(str::to_string).collect()
    }

    pub fn register(self, mut builder: SchemaBuilder) -> SchemaBuilder {
        for filter in self.filters.into_values() {
            builder = builder.register(filter);
        }
        for meta in self.enums.into_values() {
            let mut graphql_enum = Enum::new(meta.name.clone());
            for value in &meta.values {
                graphql_enum = graphql_enum.item(
                    async_graphql::dynamic::EnumItem::new(EnumMeta::graphql_value(value))
                        .description(format!("`{value}`")),
                );
            }
            builder = builder.register(graphql_enum);
        }
        builder
    }
}

fn build_filter(name: &str, kind: &ColumnKind) -> InputObject {
    let scalar = scalar_name(kind);
    let mut filter =
        InputObject::new(name).description(format!("Conditions on a {scalar} value; all given conditions must hold."));
    let add = |f: InputObject, op: &str, ty: TypeRef, doc: &str| f.field(InputValue::new(op, ty).description(doc));
    filter = add(filter, "isNull", TypeRef::named(TypeRef::BOOLEAN), "true: the value is null; false: it is not");
    match kind {
        ColumnKind::Array(inner) => {
            let list = || TypeRef::named_nn_list(scalar_name(inner));
            filter = add(filter, "contains", list(), "holds every one of these");
            filter = add(filter, "containedBy", list(), "holds only values among these");
            filter = add(filter, "overlaps", list(), "holds at least one of these");
        }
        ColumnKind::Json => {
            filter = add(filter, "eq", TypeRef::named("JSON"), "equal");
            filter = add(filter, "contains", TypeRef::named("JSON"), "contains this JSON (`@>`)");
            filter = add(filter, "containedBy", TypeRef::named("JSON"), "is contained in this JSON (`<@`)");
            filter = add(filter, "hasKey", TypeRef::named(TypeRef::STRING), "has this top-level key");
            filter = add(
                filter,
                "path",
                TypeRef::named(TypeRef::STRING),
                "matches this SQL/JSON path predicate, e.g. `$.severity == \"high\"`",
            );
        }
        ColumnKind::Bool => {
            filter = add(filter, "eq", TypeRef::named(&scalar), "equal");
            filter = add(filter, "neq", TypeRef::named(&scalar), "not equal (null counts as different)");
        }
        _ => {
            filter = add(filter, "eq", TypeRef::named(&scalar), "equal");
            filter = add(filter, "neq", TypeRef::named(&scalar), "not equal (null counts as different)");
            filter = add(filter, "in", TypeRef::named_nn_list(&scalar), "one of");
            filter = add(filter, "nin", TypeRef::named_nn_list(&scalar), "none of");
            if kind.is_ordered() && !matches!(kind, ColumnKind::Enum(_)) {
                filter = add(filter, "gt", TypeRef::named(&scalar), "greater than");
                filter = add(filter, "gte", TypeRef::named(&scalar), "greater than or equal");
                filter = add(filter, "lt", TypeRef::named(&scalar), "less than");
                filter = add(filter, "lte", TypeRef::named(&scalar), "less than or equal");
            }
            if matches!(kind, ColumnKind::Text | ColumnKind::CiText | ColumnKind::Time) {
                filter = add(filter, "like", TypeRef::named(TypeRef::STRING), "SQL LIKE pattern (`%`, `_`)");
                filter = add(filter, "ilike", TypeRef::named(TypeRef::STRING), "case-insensitive LIKE");
                filter = add(filter, "startsWith", TypeRef::named(TypeRef::STRING), "starts with");
                filter = add(filter, "contains", TypeRef::named(TypeRef::STRING), "contains this substring");
            }
            if matches!(kind, ColumnKind::Inet) {
                filter = add(filter, "containedBy", TypeRef::named("Inet"), "address within this network (`<<=`)");
                filter = add(filter, "contains", TypeRef::named("Inet"), "network containing this address (`>>=`)");
            }
        }
    }
    filter
}

fn is_uuid(text: &str) -> bool {
    uuid::Uuid::parse_str(text).is_ok()
}

/// Custom scalars, each validated on input so bad values fail before any SQL runs.
pub fn register_scalars(builder: SchemaBuilder) -> SchemaBuilder {
    let string_check = |check: fn(&str) -> bool| move |v: &GqlValue| matches!(v, GqlValue::String(s) if check(s));
    builder
        .register(
            Scalar::new("UUID")
                .description("A UUID, e.g. `0190f1a2-7b3c-7d4e-8f00-112233445566`.")
                .validator(string_check(is_uuid)),
        )
        .register(
            Scalar::new("DateTime")
                .description("An RFC 3339 timestamp with time zone, e.g. `2026-11-29T20:23:53Z`.")
                .validator(string_check(|s| chrono::DateTime::parse_from_rfc3339(s).is_ok())),
        )
        .register(
            Scalar::new("Date")
                .description("A calendar date, `YYYY-MM-DD`.")
                .validator(string_check(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok())),
        )
        .register(Scalar::new("JSON").description("Any JSON value."))
        .register(Scalar::new("BigInt").description("A 64-bit integer.").validator(|v| match v {
            GqlValue::Number(n) => n.is_i64(),
            GqlValue::String(s) => s.parse::<i64>().is_ok(),
            _ => false,
        }))
        .register(
            Scalar::new("Inet")
                .description("An IPv4 or IPv6 address, optionally with a prefix length (`10.0.0.0/8`).")
                .validator(string_check(|s| {
                    let (addr, prefix) = s.split_once('/').unwrap_or((s, "0"));
                    addr.parse::<std::net::IpAddr>().is_ok() && prefix.parse::<u8>().is_ok_and(|p| p <= 128)
                })),
        )
        .register(
            Enum::new("OrderDirection")
                .description("Sort direction. ASC puts nulls last, DESC puts them first, as PostgreSQL does.")
                .item("ASC")
                .item("DESC")
                .item("ASC_NULLS_FIRST")
                .item("ASC_NULLS_LAST")
                .item("DESC_NULLS_FIRST")
                .item("DESC_NULLS_LAST"),
        )
        .register(
            Enum::new("TimeBucketUnit")
                .description("The width of a time bucket in aggregates.")
                .items(["MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR"]),
        )
        .register(Enum::new("AggregateOrder").description("How aggregate groups are ordered.").items([
            "KEY_ASC",
            "KEY_DESC",
            "COUNT_ASC",
            "COUNT_DESC",
        ]))
        .register(
            Object::new("PageInfo")
                .description("Where a page sits in its list.")
                .field(page_info_field("hasNextPage", TypeRef::named_nn(TypeRef::BOOLEAN)))
                .field(page_info_field("hasPreviousPage", TypeRef::named_nn(TypeRef::BOOLEAN)))
                .field(page_info_field("startCursor", TypeRef::named(TypeRef::STRING)))
                .field(page_info_field("endCursor", TypeRef::named(TypeRef::STRING))),
        )
}

/// `pageInfo` is computed with the page; its fields read the JSON object built then.
fn page_info_field(name: &'static str, ty: TypeRef) -> async_graphql::dynamic::Field {
    use async_graphql::dynamic::{Field, FieldFuture, FieldValue};
    Field::new(name, ty, move |ctx| {
        FieldFuture::new(async move {
            let value = match ctx.parent_value.as_value() {
                Some(GqlValue::Object(map)) => map.get(name).cloned().unwrap_or(GqlValue::Null),
                _ => GqlValue::Null,
            };
            Ok(Some(FieldValue::value(value)))
        })
    })
}
