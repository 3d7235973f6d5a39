//! Threats detected by endpoint agents (Wazuh alerts with rule level and groups, EDR verdicts).

use sea_orm::entity::prelude::*;

use crate::SeverityLevel;

/// Kind of threat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "endpoint_threat_type")]
pub enum EndpointThreatType {
    #[sea_orm(string_value = "malware")]
    Malware,
    #[sea_orm(string_value = "ransomware")]
    Ransomware,
    #[sea_orm(string_value = "pup")]
    Pup,
    #[sea_orm(string_value = "exploit")]
    Exploit,
    #[sea_orm(string_value = "suspicious_behavior")]
    SuspiciousBehavior,
    #[sea_orm(string_value = "credential_access")]
    CredentialAccess,
    #[sea_orm(string_value = "lateral_movement")]
    LateralMovement,
    #[sea_orm(string_value = "persistence")]
    Persistence,
    #[sea_orm(string_value = "rootkit")]
    Rootkit,
}

/// What the agent did about the threat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "endpoint_threat_action_taken")]
pub enum EndpointThreatActionTaken {
    #[sea_orm(string_value = "detected")]
    Detected,
    #[sea_orm(string_value = "blocked")]
    Blocked,
    #[sea_orm(string_value = "quarantined")]
    Quarantined,
    #[sea_orm(string_value = "killed")]
    Killed,
    #[sea_orm(string_value = "remediated")]
    Remediated,
    #[sea_orm(string_value = "none")]
    None,
}

/// Triage state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "endpoint_threat_status")]
pub enum EndpointThreatStatus {
    #[sea_orm(string_value = "new")]
    New,
    #[sea_orm(string_value = "investigating")]
    Investigating,
    #[sea_orm(string_value = "contained")]
    Contained,
    #[sea_orm(string_value = "resolved")]
    Resolved,
    #[sea_orm(string_value = "false_positive")]
    FalsePositive,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "endpoint_threats")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub detected_at: DateTimeWithTimeZone,
    pub agent_id: Option<Uuid>,
    pub device_id: Uuid,
    /// Detection rule id (Wazuh rule id).
    pub rule_id: Option<String>,
    /// Wazuh rule level, 0–15.
    pub rule_level: Option<i16>,
    pub rule_description: Option<String>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub rule_groups: Vec<String>,
    /// MITRE ATT&CK tactic ids (`TA0006`).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub mitre_tactics: Vec<String>,
    /// MITRE ATT&CK technique ids (`T1003.001`).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub mitre_techniques: Vec<String>,
    pub threat_type: EndpointThreatType,
    pub threat_name: Option<String>,
    pub file_path: Option<String>,
    /// sha256 of the file, lower-case hex (a public file identifier, not a secret).
    pub sha256: Option<String>,
    pub process_name: Option<String>,
    pub process_pid: Option<i32>,
    pub command_line: Option<String>,
    pub parent_process: Option<String>,
    pub user_name: Option<String>,
    pub severity: SeverityLevel,
    /// 0–100.
    pub confidence: Option<i16>,
    #[sea_orm(default_value = "detected")]
    pub action_taken: EndpointThreatActionTaken,
    #[sea_orm(default_value = "new")]
    pub status: EndpointThreatStatus,
    /// References `incidents` (incidents crate): declared in the registration with
    /// `.references`, constraint `endpoint_threats_incident_id_fkey` in this crate's migration.
    pub incident_id: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::endpoint_agents::Entity",
        from = "Column::AgentId",
        to = "super::endpoint_agents::Column::Id",
        on_delete = "SetNull",
        fk_name = "endpoint_threats_agent_id_fkey"
    )]
    Agent,
    #[sea_orm(
        belongs_to = "super::devices::Entity",
        from = "Column::DeviceId",
        to = "super::devices::Column::Id",
        on_delete = "Cascade",
        fk_name = "endpoint_threats_device_id_fkey"
    )]
    Device,
}

impl Related<super::endpoint_agents::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Agent.def()
    }
}

impl Related<super::devices::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Device.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
