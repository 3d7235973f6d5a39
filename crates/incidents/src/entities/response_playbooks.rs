//! Response playbooks (TheHive case templates / IR runbooks): when they apply, the defaults they
//! set on an incident, and the tasks they create as `incident_responses`.

use sea_orm::entity::prelude::*;

pub use super::incidents::{IncidentPap, IncidentTlp};

/// Life cycle of a playbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "response_playbook_status")]
pub enum ResponsePlaybookStatus {
    #[sea_orm(string_value = "draft")]
    Draft,
    #[sea_orm(string_value = "active")]
    Active,
    #[sea_orm(string_value = "deprecated")]
    Deprecated,
}

/// Phase of the NIST SP 800-61 incident-handling life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "response_playbook_nist_phase")]
pub enum ResponsePlaybookNistPhase {
    #[sea_orm(string_value = "preparation")]
    Preparation,
    #[sea_orm(string_value = "detection_analysis")]
    DetectionAnalysis,
    #[sea_orm(string_value = "containment_eradication_recovery")]
    ContainmentEradicationRecovery,
    #[sea_orm(string_value = "post_incident")]
    PostIncident,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "response_playbooks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Unique together with `version`.
    pub name: String,
    pub description: Option<String>,
    #[sea_orm(default_value = 1)]
    pub version: i32,
    #[sea_orm(default_value = "draft")]
    pub status: ResponsePlaybookStatus,
    pub owner_team_id: Option<Uuid>,
    /// `incident_categories` this playbook applies to (empty: any).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::uuid[]\")")]
    pub category_ids: Vec<Uuid>,
    /// Lowest incident severity (1 Low … 4 Critical) it applies to.
    pub min_severity: Option<i16>,
    /// Extra conditions on the incident, e.g. `{"source": ["edr"], "tags": ["ransomware"]}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub trigger_conditions: Json,
    /// Prepended to the title of incidents created from the playbook.
    pub title_prefix: Option<String>,
    pub default_severity: Option<i16>,
    pub default_tlp: Option<IncidentTlp>,
    pub default_pap: Option<IncidentPap>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub tags: Vec<String>,
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub custom_fields: Json,
    /// `[{key, order, group, title, description, action_type, workflow_id,
    /// due_offset_minutes, mandatory}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub tasks: Json,
    /// NIST SP 800-61 phases the playbook covers.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub nist_phases: Vec<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::OwnerTeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "response_playbooks_owner_team_id_fkey"
    )]
    OwnerTeam,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "response_playbooks_created_by_fkey"
    )]
    CreatedBy,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OwnerTeam.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
