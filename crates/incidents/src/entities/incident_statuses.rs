//! Incident statuses (DFIR-IRIS case states) with their phase, the transitions they allow and
//! their effect on the SLA clock (logic #8). Seeded, editable.

use sea_orm::entity::prelude::*;

/// Phase of the incident-response life cycle a status belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "incident_status_phase")]
pub enum IncidentStatusPhase {
    #[sea_orm(string_value = "new")]
    New,
    #[sea_orm(string_value = "triage")]
    Triage,
    #[sea_orm(string_value = "containment")]
    Containment,
    #[sea_orm(string_value = "eradication")]
    Eradication,
    #[sea_orm(string_value = "recovery")]
    Recovery,
    #[sea_orm(string_value = "post_incident")]
    PostIncident,
    #[sea_orm(string_value = "reporting")]
    Reporting,
    #[sea_orm(string_value = "closed")]
    Closed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_statuses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub key: String,
    pub name: String,
    pub phase: IncidentStatusPhase,
    /// The incident is over (closed) in this status.
    #[sea_orm(default_value = false)]
    pub is_terminal: bool,
    /// Time spent in this status does not count against the SLA (e.g. waiting on a third party).
    #[sea_orm(default_value = false)]
    pub pauses_sla: bool,
    #[sea_orm(default_value = 0)]
    pub sort_order: i16,
    /// Keys of the statuses an incident may move to from this one.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub allowed_next: Vec<String>,
    /// Entering this status requires `resolution` and `impact_status`.
    #[sea_orm(default_value = false)]
    pub requires_resolution: bool,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
