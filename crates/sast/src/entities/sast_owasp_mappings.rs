//! OWASP categories a rule maps to: Top 10 2017 / 2021 (`a1`…`a10`), ASVS 4.0 requirements
//! (`5.3.4`, with their level), Mobile Top 10 2024.

use sea_orm::entity::prelude::*;

/// OWASP standard a rule is mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_owasp_standard")]
pub enum SastOwaspStandard {
    #[sea_orm(string_value = "owasp_top10_2017")]
    OwaspTop102017,
    #[sea_orm(string_value = "owasp_top10_2021")]
    OwaspTop102021,
    #[sea_orm(string_value = "owasp_asvs_4_0")]
    OwaspAsvs40,
    #[sea_orm(string_value = "owasp_mobile_top10_2024")]
    OwaspMobileTop102024,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_owasp_mappings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub rule_id: Uuid,
    pub standard: SastOwaspStandard,
    /// `a1`…`a10`, or an ASVS requirement such as `5.3.4`.
    pub category: String,
    pub category_name: Option<String>,
    /// ASVS level (1–3) of the requirement.
    pub asvs_level: Option<i16>,
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
        fk_name = "sast_owasp_mappings_rule_id_fkey"
    )]
    Rule,
}

impl Related<super::sast_rules::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Rule.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
