//! Notification units that group attacks (one open alert per `dedupe_key`), optionally
//! escalated to an incident.

use sea_orm::entity::prelude::*;

use crate::enums::{RaspAttackType, SeverityLevel};

/// Lifecycle of an alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "rasp_alert_status")]
pub enum RaspAlertStatus {
    #[sea_orm(string_value = "new")]
    New,
    #[sea_orm(string_value = "acknowledged")]
    Acknowledged,
    #[sea_orm(string_value = "resolved")]
    Resolved,
    #[sea_orm(string_value = "suppressed")]
    Suppressed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "rasp_alerts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The attacked application (a hub project).
    pub app_id: Uuid,
    pub title: String,
    pub severity: SeverityLevel,
    pub attack_type: RaspAttackType,
    /// Attacks grouped into the alert.
    #[sea_orm(default_value = 0)]
    pub attack_count: i32,
    pub first_event_at: DateTimeWithTimeZone,
    pub last_event_at: DateTimeWithTimeZone,
    #[sea_orm(default_value = "new")]
    pub status: RaspAlertStatus,
    /// Channels notified (integration names or types).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub channels: Vec<String>,
    pub notified_at: Option<DateTimeWithTimeZone>,
    pub resolved_at: Option<DateTimeWithTimeZone>,
    /// The incident the alert was escalated to. References `incidents` (incidents crate),
    /// declared in the registration; the FK constraint is in this crate's migration.
    pub incident_id: Option<Uuid>,
    /// Grouping key (e.g. app + attack type + sink); unique among open alerts.
    pub dedupe_key: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::projects::Entity",
        from = "Column::AppId",
        to = "cybershield_projects::entities::projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "rasp_alerts_app_id_fkey"
    )]
    App,
}

impl Related<cybershield_projects::entities::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::App.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
