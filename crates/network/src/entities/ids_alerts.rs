//! Intrusion detection alerts (Suricata EVE `event_type = alert`). High-volume and
//! append-only; BRIN on `timestamp` (the event time).

use sea_orm::entity::prelude::*;

use crate::SeverityLevel;

/// Flow direction of the alerting packet (EVE `direction`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "ids_alert_direction")]
pub enum IdsAlertDirection {
    #[sea_orm(string_value = "to_server")]
    ToServer,
    #[sea_orm(string_value = "to_client")]
    ToClient,
}

/// What the engine did (EVE `alert.action`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "ids_alert_action")]
pub enum IdsAlertAction {
    #[sea_orm(string_value = "allowed")]
    Allowed,
    #[sea_orm(string_value = "blocked")]
    Blocked,
}

/// Triage state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "ids_alert_status")]
pub enum IdsAlertStatus {
    #[sea_orm(string_value = "new")]
    New,
    #[sea_orm(string_value = "acknowledged")]
    Acknowledged,
    #[sea_orm(string_value = "escalated")]
    Escalated,
    #[sea_orm(string_value = "false_positive")]
    FalsePositive,
    #[sea_orm(string_value = "closed")]
    Closed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ids_alerts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Event time (EVE `timestamp`).
    pub timestamp: DateTimeWithTimeZone,
    /// When the platform received it.
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub ingested_at: DateTimeWithTimeZone,
    /// The reporting IDS sensor.
    pub sensor_id: Option<Uuid>,
    /// Suricata flow id (correlates events of one flow on a sensor).
    pub flow_id: Option<i64>,
    pub pcap_cnt: Option<i64>,
    pub in_iface: Option<String>,
    /// Community ID flow hash (correlates across tools).
    pub community_id: Option<String>,
    pub tx_id: Option<i32>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub src_ip: Option<IpNetwork>,
    pub src_port: Option<i32>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub dest_ip: Option<IpNetwork>,
    pub dest_port: Option<i32>,
    pub proto: Option<String>,
    pub app_proto: Option<String>,
    pub direction: Option<IdsAlertDirection>,
    pub action: Option<IdsAlertAction>,
    /// Generator id.
    #[sea_orm(default_value = 1)]
    pub gid: i32,
    pub signature_id: i32,
    pub rev: Option<i32>,
    pub signature: String,
    pub category: Option<String>,
    /// Suricata alert severity, 1 = highest.
    pub native_severity: Option<i16>,
    /// Normalised from `native_severity` (logic #6: 1 high, 2 medium, 3 low, 4 info).
    pub severity: SeverityLevel,
    /// Rule metadata, e.g. `mitre_technique_id`, `cve`, `signature_severity`.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
    /// `{hostname, url, http_user_agent, http_method, status}`.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub http: Option<Json>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub tls: Option<Json>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub dns: Option<Json>,
    /// `{pkts_toserver, pkts_toclient, bytes_toserver, bytes_toclient, start}`.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub flow: Option<Json>,
    pub payload_printable: Option<String>,
    #[sea_orm(default_value = "new")]
    pub status: IdsAlertStatus,
    /// The indicator this alert hit. References `threat_intelligence` (threat_intel crate):
    /// declared with `.references`, constraint in this crate's migration.
    pub threat_intel_id: Option<Uuid>,
    /// References `incidents` (incidents crate): declared with `.references`, constraint in
    /// this crate's migration.
    pub incident_id: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::network_devices::Entity",
        from = "Column::SensorId",
        to = "super::network_devices::Column::Id",
        on_delete = "SetNull",
        fk_name = "ids_alerts_sensor_id_fkey"
    )]
    Sensor,
}

impl Related<super::network_devices::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sensor.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
