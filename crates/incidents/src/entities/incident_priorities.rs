//! Priority levels P1–P4: a cell of the ITIL impact × urgency matrix and the SLA targets that
//! drive `incidents.response_due_at` / `resolution_due_at` (logic #8). Seeded, editable.

use sea_orm::entity::prelude::*;

/// Priority key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "incident_priority_key")]
pub enum IncidentPriorityKey {
    #[sea_orm(string_value = "P1")]
    P1,
    #[sea_orm(string_value = "P2")]
    P2,
    #[sea_orm(string_value = "P3")]
    P3,
    #[sea_orm(string_value = "P4")]
    P4,
}

/// One axis of the ITIL priority matrix (impact or urgency).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "incident_matrix_level")]
pub enum IncidentMatrixLevel {
    #[sea_orm(string_value = "high")]
    High,
    #[sea_orm(string_value = "medium")]
    Medium,
    #[sea_orm(string_value = "low")]
    Low,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_priorities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub key: IncidentPriorityKey,
    /// 1 is the highest.
    #[sea_orm(unique)]
    pub level: i16,
    /// Critical, High, Medium, Low.
    pub name: String,
    /// Impact of the matrix cell this priority stands for.
    pub impact: IncidentMatrixLevel,
    /// Urgency of the matrix cell this priority stands for.
    pub urgency: IncidentMatrixLevel,
    /// Time to acknowledge, from `detected_at`.
    pub response_sla_minutes: i32,
    /// Time to resolve, from `detected_at`.
    pub resolution_sla_minutes: i32,
    /// Escalate when still unacknowledged after this long.
    pub escalation_after_minutes: Option<i32>,
    /// Channels notified on creation: `pager`, `chat`, `email`…
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub notify_channels: Vec<String>,
    /// Display colour, `#rrggbb`.
    pub color: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
