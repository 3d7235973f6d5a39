//! CWE weaknesses a rule detects, with the SonarQube security category and vulnerability
//! probability of the rule (`SecurityStandards.SQCategory`).

use sea_orm::entity::prelude::*;

pub use super::sast_security_hotspots::SastVulnerabilityProbability;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_cwe_mappings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub rule_id: Uuid,
    pub cwe_id: i32,
    /// MITRE name of the weakness.
    pub cwe_name: Option<String>,
    /// SonarQube security category, e.g. `sql-injection`.
    pub sq_category: Option<String>,
    pub vulnerability_probability: Option<SastVulnerabilityProbability>,
    /// CWE Top 25 editions that rank this weakness.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::integer[]\")")]
    pub cwe_top25_years: Vec<i32>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::sast_rules::Entity",
        from = "Column::RuleId",
        to = "super::sast_rules::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_cwe_mappings_rule_id_fkey"
    )]
    Rule,
}

impl Related<super::sast_rules::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Rule.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
