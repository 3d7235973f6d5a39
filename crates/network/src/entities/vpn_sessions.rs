//! VPN sessions, one row per RADIUS accounting session (`Acct-Session-Id`, RFC 2866): created on
//! Start, updated on Interim-Update and Stop.

use sea_orm::entity::prelude::*;

/// Tunnel protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "vpn_protocol")]
pub enum VpnProtocol {
    #[sea_orm(string_value = "ipsec_ikev2")]
    IpsecIkev2,
    #[sea_orm(string_value = "openvpn")]
    Openvpn,
    #[sea_orm(string_value = "wireguard")]
    Wireguard,
    #[sea_orm(string_value = "ssl_vpn")]
    SslVpn,
    #[sea_orm(string_value = "l2tp")]
    L2tp,
}

/// How the user authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "vpn_auth_method")]
pub enum VpnAuthMethod {
    #[sea_orm(string_value = "password")]
    Password,
    #[sea_orm(string_value = "certificate")]
    Certificate,
    #[sea_orm(string_value = "saml")]
    Saml,
    #[sea_orm(string_value = "radius")]
    Radius,
    #[sea_orm(string_value = "ldap")]
    Ldap,
}

/// Session state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "vpn_session_status")]
pub enum VpnSessionStatus {
    #[sea_orm(string_value = "active")]
    Active,
    #[sea_orm(string_value = "closed")]
    Closed,
    #[sea_orm(string_value = "failed")]
    Failed,
}

/// Why the session ended (RADIUS `Acct-Terminate-Cause`, RFC 2866 §5.10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "vpn_terminate_cause")]
pub enum VpnTerminateCause {
    #[sea_orm(string_value = "User-Request")]
    UserRequest,
    #[sea_orm(string_value = "Lost-Carrier")]
    LostCarrier,
    #[sea_orm(string_value = "Lost-Service")]
    LostService,
    #[sea_orm(string_value = "Idle-Timeout")]
    IdleTimeout,
    #[sea_orm(string_value = "Session-Timeout")]
    SessionTimeout,
    #[sea_orm(string_value = "Admin-Reset")]
    AdminReset,
    #[sea_orm(string_value = "Admin-Reboot")]
    AdminReboot,
    #[sea_orm(string_value = "Port-Error")]
    PortError,
    #[sea_orm(string_value = "NAS-Error")]
    NasError,
    #[sea_orm(string_value = "NAS-Request")]
    NasRequest,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "vpn_sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// RADIUS `Acct-Session-Id`; unique together with `gateway_id`.
    pub acct_session_id: String,
    /// The VPN gateway (NAS).
    pub gateway_id: Option<Uuid>,
    /// RADIUS `User-Name`.
    pub username: String,
    pub iam_user_id: Option<Uuid>,
    pub protocol: VpnProtocol,
    pub auth_method: Option<VpnAuthMethod>,
    #[sea_orm(default_value = false)]
    pub mfa_used: bool,
    /// `Calling-Station-Id`.
    #[sea_orm(column_type = "Inet", nullable)]
    pub client_public_ip: Option<IpNetwork>,
    /// `Framed-IP-Address`.
    #[sea_orm(column_type = "Inet", nullable)]
    pub assigned_ip: Option<IpNetwork>,
    pub client_os: Option<String>,
    pub client_version: Option<String>,
    /// ISO 3166-1 alpha-2 country code of `client_public_ip`.
    pub geo_country: Option<String>,
    pub started_at: DateTimeWithTimeZone,
    pub ended_at: Option<DateTimeWithTimeZone>,
    /// `Acct-Session-Time`.
    pub duration_s: Option<i32>,
    /// `Acct-Input-Octets`.
    #[sea_orm(default_value = 0)]
    pub bytes_in: i64,
    /// `Acct-Output-Octets`.
    #[sea_orm(default_value = 0)]
    pub bytes_out: i64,
    /// `Acct-Input-Packets`.
    #[sea_orm(default_value = 0)]
    pub packets_in: i64,
    /// `Acct-Output-Packets`.
    #[sea_orm(default_value = 0)]
    pub packets_out: i64,
    #[sea_orm(default_value = "active")]
    pub status: VpnSessionStatus,
    pub terminate_cause: Option<VpnTerminateCause>,
    pub last_interim_at: Option<DateTimeWithTimeZone>,
    /// Detected anomalies: `impossible_travel`, `concurrent_sessions`…
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub anomalies: Vec<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::network_devices::Entity",
        from = "Column::GatewayId",
        to = "super::network_devices::Column::Id",
        on_delete = "SetNull",
        fk_name = "vpn_sessions_gateway_id_fkey"
    )]
    Gateway,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::iam_users::Entity",
        from = "Column::IamUserId",
        to = "cybershield_iam::entities::iam_users::Column::Id",
        on_delete = "SetNull",
        fk_name = "vpn_sessions_iam_user_id_fkey"
    )]
    IamUser,
}

impl Related<super::network_devices::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Gateway.def()
    }
}

impl Related<cybershield_iam::entities::iam_users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IamUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
