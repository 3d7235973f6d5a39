//! Network access control decisions and accounting (RADIUS as seen by the NAC, PacketFence node
//! states). High-volume and append-only; BRIN on `event_time`.

use sea_orm::entity::prelude::*;

/// How the endpoint authenticated to the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "nac_auth_method")]
pub enum NacAuthMethod {
    #[sea_orm(string_value = "dot1x_eap_tls")]
    Dot1xEapTls,
    #[sea_orm(string_value = "dot1x_peap")]
    Dot1xPeap,
    #[sea_orm(string_value = "mab")]
    Mab,
    #[sea_orm(string_value = "web_auth")]
    WebAuth,
    #[sea_orm(string_value = "guest")]
    Guest,
}

/// RADIUS reply code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "nac_result")]
pub enum NacResult {
    #[sea_orm(string_value = "Access-Accept")]
    AccessAccept,
    #[sea_orm(string_value = "Access-Reject")]
    AccessReject,
    #[sea_orm(string_value = "Access-Challenge")]
    AccessChallenge,
}

/// Posture assessment of the endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "nac_posture")]
pub enum NacPosture {
    #[sea_orm(string_value = "compliant")]
    Compliant,
    #[sea_orm(string_value = "non_compliant")]
    NonCompliant,
    #[sea_orm(string_value = "unknown")]
    Unknown,
}

/// PacketFence node registration status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "nac_node_status")]
pub enum NacNodeStatus {
    #[sea_orm(string_value = "reg")]
    Reg,
    #[sea_orm(string_value = "unreg")]
    Unreg,
    #[sea_orm(string_value = "pending")]
    Pending,
}

/// What the NAC did with the endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "nac_action")]
pub enum NacAction {
    #[sea_orm(string_value = "allow")]
    Allow,
    #[sea_orm(string_value = "quarantine")]
    Quarantine,
    #[sea_orm(string_value = "block")]
    Block,
    #[sea_orm(string_value = "guest")]
    Guest,
    #[sea_orm(string_value = "remediate")]
    Remediate,
}

/// RADIUS `Acct-Status-Type` of an accounting record (null for authentication records).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "nac_acct_status_type")]
pub enum NacAcctStatusType {
    #[sea_orm(string_value = "Start")]
    Start,
    #[sea_orm(string_value = "Stop")]
    Stop,
    #[sea_orm(string_value = "Interim-Update")]
    InterimUpdate,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "nac_logs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub event_time: DateTimeWithTimeZone,
    /// When the platform received it.
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub ingested_at: DateTimeWithTimeZone,
    /// Endpoint MAC-48, lower-case colon-separated hex (`Calling-Station-Id`).
    pub mac: Option<String>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub ip: Option<IpNetwork>,
    pub endpoint_hostname: Option<String>,
    pub username: Option<String>,
    /// The managed endpoint, when recognised. References `devices` (endpoint crate): declared
    /// with `.references`, constraint `nac_logs_device_id_fkey` in this crate's migration.
    pub device_id: Option<Uuid>,
    /// The network access server (switch, wireless controller…).
    pub nas_id: Option<Uuid>,
    pub nas_port: Option<String>,
    pub ssid: Option<String>,
    pub auth_method: Option<NacAuthMethod>,
    pub result: NacResult,
    pub reject_reason: Option<String>,
    /// 1–4094.
    pub assigned_vlan: Option<i32>,
    pub assigned_role: Option<String>,
    #[sea_orm(default_value = "unknown")]
    pub posture: NacPosture,
    pub node_status: Option<NacNodeStatus>,
    pub action: Option<NacAction>,
    pub acct_status_type: Option<NacAcctStatusType>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::network_devices::Entity",
        from = "Column::NasId",
        to = "super::network_devices::Column::Id",
        on_delete = "SetNull",
        fk_name = "nac_logs_nas_id_fkey"
    )]
    Nas,
}

impl Related<super::network_devices::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Nas.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
