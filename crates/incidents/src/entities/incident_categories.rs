//! Incident classification: the RSIT (Reference Security Incident Taxonomy) `category:subcategory`
//! list, each with a default priority and playbook. Seeded, editable.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_categories")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `category:subcategory`, e.g. `malicious-code:infected-system`, `fraud:phishing`.
    #[sea_orm(unique)]
    pub key: String,
    /// RSIT category, e.g. `intrusions`.
    pub category: String,
    /// RSIT type within the category, e.g. `system-compromise`.
    pub subcategory: String,
    pub name: String,
    pub description: Option<String>,
    /// Priority given to new incidents of this category; also their minimum priority.
    pub default_priority_id: Option<Uuid>,
    pub default_playbook_id: Option<Uuid>,
    /// Incidents of this category may have to be reported to a regulator (GDPR, NIS2…).
    #[sea_orm(default_value = false)]
    pub notify_regulator: bool,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::incident_priorities::Entity",
        from = "Column::DefaultPriorityId",
        to = "super::incident_priorities::Column::Id",
        on_delete = "SetNull",
        fk_name = "incident_categories_default_priority_id_fkey"
    )]
    DefaultPriority,
    #[sea_orm(
        belongs_to = "super::response_playbooks::Entity",
        from = "Column::DefaultPlaybookId",
        to = "super::response_playbooks::Column::Id",
        on_delete = "SetNull",
        fk_name = "incident_categories_default_playbook_id_fkey"
    )]
    DefaultPlaybook,
}

impl Related<super::incident_priorities::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DefaultPriority.def()
    }
}

impl Related<super::response_playbooks::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DefaultPlaybook.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
