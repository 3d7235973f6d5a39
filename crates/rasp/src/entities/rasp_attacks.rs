//! Detected attacks: one row per OpenRASP attack alarm (`models/logs/attack_alarm.go`).
//! High volume, append-mostly; BRIN-indexed on `event_time`.

use sea_orm::entity::prelude::*;

use crate::enums::{RaspAttackType, SeverityLevel};

/// What the agent did with the request (OpenRASP `intercept_state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "rasp_intercept_state")]
pub enum RaspInterceptState {
    #[sea_orm(string_value = "block")]
    Block,
    #[sea_orm(string_value = "log")]
    Log,
    #[sea_orm(string_value = "ignore")]
    Ignore,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "rasp_attacks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// When the agent detected the attack.
    pub event_time: DateTimeWithTimeZone,
    pub agent_id: Uuid,
    /// The agent's request id.
    pub request_id: Option<String>,
    /// The detection algorithm that fired.
    pub rule_id: Option<Uuid>,
    /// The virtual patch that matched, if any.
    pub virtual_patch_id: Option<Uuid>,
    pub attack_type: RaspAttackType,
    pub intercept_state: RaspInterceptState,
    /// Detection plugin, e.g. `official`.
    pub plugin_name: Option<String>,
    /// Algorithm key, e.g. `sql_userinput`.
    pub plugin_algorithm: Option<String>,
    pub plugin_message: Option<String>,
    /// 0–100.
    pub plugin_confidence: Option<i16>,
    /// Source address of the attack (after X-Forwarded-For handling).
    #[sea_orm(column_type = "Inet", nullable)]
    pub attack_source: Option<IpNetwork>,
    /// Address of the client connection.
    #[sea_orm(column_type = "Inet", nullable)]
    pub client_ip: Option<IpNetwork>,
    /// Geolocation of the source: `{country, region, city, latitude, longitude}`.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub attack_location: Option<Json>,
    /// Target host.
    pub target: Option<String>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub server_ip: Option<IpNetwork>,
    pub url: Option<String>,
    pub path: Option<String>,
    pub request_method: Option<String>,
    /// Hook parameters: the SQL text, command, file path, URL… that triggered the detection.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub attack_params: Json,
    pub stack_trace: Option<String>,
    /// md5 hex of the stack trace (groups attacks on the same sink).
    pub stack_md5: Option<String>,
    pub user_agent: Option<String>,
    pub referer: Option<String>,
    /// Request headers (secrets such as cookies and authorization stripped).
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub headers: Json,
    pub severity: SeverityLevel,
    /// The runtime vulnerability the attack was aggregated into.
    pub vulnerability_id: Option<Uuid>,
    /// The alert that groups the attack.
    pub alert_id: Option<Uuid>,
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
        fk_name = "rasp_attacks_agent_id_fkey"
    )]
    Agent,
    #[sea_orm(
        belongs_to = "super::rasp_rules::Entity",
        from = "Column::RuleId",
        to = "super::rasp_rules::Column::Id",
        on_delete = "SetNull",
        fk_name = "rasp_attacks_rule_id_fkey"
    )]
    Rule,
    #[sea_orm(
        belongs_to = "super::rasp_virtual_patches::Entity",
        from = "Column::VirtualPatchId",
        to = "super::rasp_virtual_patches::Column::Id",
        on_delete = "SetNull",
        fk_name = "rasp_attacks_virtual_patch_id_fkey"
    )]
    VirtualPatch,
    #[sea_orm(
        belongs_to = "super::rasp_vulnerabilities::Entity",
        from = "Column::VulnerabilityId",
        to = "super::rasp_vulnerabilities::Column::Id",
        on_delete = "SetNull",
        fk_name = "rasp_attacks_vulnerability_id_fkey"
    )]
    Vulnerability,
    #[sea_orm(
        belongs_to = "super::rasp_alerts::Entity",
        from = "Column::AlertId",
        to = "super::rasp_alerts::Column::Id",
        on_delete = "SetNull",
        fk_name = "rasp_attacks_alert_id_fkey"
    )]
    Alert,
}

impl Related<super::rasp_agents::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Agent.def()
    }
}

impl Related<super::rasp_rules::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Rule.def()
    }
}

impl Related<super::rasp_virtual_patches::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::VirtualPatch.def()
    }
}

impl Related<super::rasp_vulnerabilities::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Vulnerability.def()
    }
}

impl Related<super::rasp_alerts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Alert.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
