//! Compliance frameworks and their requirement trees (CISO Assistant `Framework` +
//! `RequirementNode`): NIST CSF 2.0, ISO/IEC 27001:2022 Annex A, CIS Controls v8 are seeded.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "compliance_frameworks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Stable key: `nist_csf_2_0`, `iso27001_2022`, `cis_controls_v8`, `pci_dss_4_0`…
    #[sea_orm(unique)]
    pub key: String,
    pub name: String,
    pub version: Option<String>,
    pub publisher: Option<String>,
    pub description: Option<String>,
    /// The requirement tree, flattened in document order:
    /// `[{ref_id, parent_ref, name, assessable, implementation_groups, mapped_checks}]`
    /// (ids and short titles only).
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub requirements: Json,
    /// Number of assessable requirements in `requirements`.
    #[sea_orm(default_value = 0)]
    pub requirement_count: i32,
    /// Lowest score a requirement assessment may carry.
    #[sea_orm(default_value = 0)]
    pub min_score: i32,
    /// Highest score a requirement assessment may carry.
    #[sea_orm(default_value = 100)]
    pub max_score: i32,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
