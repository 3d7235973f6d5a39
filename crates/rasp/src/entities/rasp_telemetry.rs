//! Agent time series: resource use, request rate, hook counters and health, one sample per
//! agent and report time. High volume, append-only; BRIN-indexed on `reported_at`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "rasp_telemetry")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agent_id: Uuid,
    /// Event time: when the agent took the sample.
    pub reported_at: DateTimeWithTimeZone,
    /// When the platform stored it.
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub ingested_at: DateTimeWithTimeZone,
    /// CPU of the protected process, percent of one core (may exceed 100).
    #[sea_orm(column_type = "Decimal(Some((6, 2)))", nullable)]
    pub cpu_pct: Option<Decimal>,
    pub memory_mb: Option<i32>,
    /// Requests handled since the agent started.
    #[sea_orm(default_value = 0)]
    pub requests_total: i64,
    #[sea_orm(column_type = "Decimal(Some((12, 2)))", nullable)]
    pub requests_per_s: Option<Decimal>,
    /// Calls per hook type, e.g. `{"sql": 1200, "readFile": 37}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub hook_calls: Json,
    /// Mean detection overhead per request, microseconds.
    pub avg_overhead_us: Option<i32>,
    /// Alarms the agent could not send.
    #[sea_orm(default_value = 0)]
    pub alarms_dropped: i32,
    #[sea_orm(default_value = 0)]
    pub plugin_errors: i32,
    /// OpenRASP policy alarms (insecure server configuration, e.g. a weak database password).
    #[sea_orm(default_value = 0)]
    pub policy_alarms: i32,
    /// The agent reported a crash in this period.
    #[sea_orm(default_value = false)]
    pub crash: bool,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::rasp_agents::Entity",
        from = "Column::AgentId",
        to = "super::rasp_agents::Column::Id",
        on_delete = "Cascade",
        fk_name = "rasp_telemetry_agent_id_fkey"
    )]
    Agent,
}

impl Related<super::rasp_agents::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Agent.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
