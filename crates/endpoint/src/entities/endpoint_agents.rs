//! Wazuh-like endpoint agents. Liveness (logic #11): `never_connected` until the first
//! keepalive, `pending` during the handshake, `active` while keepalives arrive within the
//! window, `disconnected` once it is exceeded; each change also writes a `device_status` row.

use sea_orm::entity::prelude::*;

/// Connection state of an agent (Wazuh agent states).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "endpoint_agent_status")]
pub enum EndpointAgentStatus {
    #[sea_orm(string_value = "active")]
    Active,
    #[sea_orm(string_value = "disconnected")]
    Disconnected,
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "never_connected")]
    NeverConnected,
}

/// Whether the agent runs its group's current configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "endpoint_agent_config_sync")]
pub enum EndpointAgentConfigSync {
    #[sea_orm(string_value = "synced")]
    Synced,
    #[sea_orm(string_value = "not_synced")]
    NotSynced,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "endpoint_agents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub device_id: Uuid,
    /// The agent's id in its manager.
    #[sea_orm(unique)]
    pub agent_uid: String,
    pub name: String,
    pub version: Option<String>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub ip: Option<IpNetwork>,
    #[sea_orm(default_value = "never_connected")]
    pub status: EndpointAgentStatus,
    /// Configuration groups.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub groups: Vec<String>,
    /// Manager cluster node the agent reports to.
    pub manager_node: Option<String>,
    pub last_keepalive_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub registered_at: DateTimeWithTimeZone,
    #[sea_orm(default_value = "not_synced")]
    pub config_sync: EndpointAgentConfigSync,
    /// Enabled modules: `fim`, `sca`, `vulnerability_detector`, `active_response`,
    /// `device_control`.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub modules: Vec<String>,
    /// The host is network-isolated by the agent.
    #[sea_orm(default_value = false)]
    pub isolated: bool,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::devices::Entity",
        from = "Column::DeviceId",
        to = "super::devices::Column::Id",
        on_delete = "Cascade",
        fk_name = "endpoint_agents_device_id_fkey"
    )]
    Device,
}

impl Related<super::devices::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Device.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
