//! Database connection log (append-only): who connected to which database, from where, how they
//! authenticated, the outcome and the session's duration.

use sea_orm::entity::prelude::*;

use crate::enums::DbEngine;

/// How the client authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "database_auth_method")]
pub enum DatabaseAuthMethod {
    #[sea_orm(string_value = "password")]
    Password,
    /// Cloud IAM database authentication.
    #[sea_orm(string_value = "iam")]
    Iam,
    #[sea_orm(string_value = "kerberos")]
    Kerberos,
    #[sea_orm(string_value = "certificate")]
    Certificate,
    #[sea_orm(string_value = "ldap")]
    Ldap,
}

/// Outcome of the connection attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "database_connection_result")]
pub enum DatabaseConnectionResult {
    #[sea_orm(string_value = "success")]
    Success,
    #[sea_orm(string_value = "auth_failed")]
    AuthFailed,
    /// Refused by policy (pg_hba, firewall, no approved access request…).
    #[sea_orm(string_value = "denied")]
    Denied,
    #[sea_orm(string_value = "error")]
    Error,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "database_connections")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub db_engine: DbEngine,
    pub db_host: String,
    pub db_port: Option<i32>,
    pub db_name: Option<String>,
    /// The cloud resource behind the database, declared in the registration (`cloud_assets`
    /// lives in the cloud crate, whose migration adds the foreign key).
    pub asset_id: Option<Uuid>,
    /// Database role the client connected as.
    pub db_user: String,
    /// The governed identity behind the connection, when resolved.
    pub iam_user_id: Option<Uuid>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub client_ip: Option<IpNetwork>,
    /// `application_name` or the driver's client identifier.
    pub client_application: Option<String>,
    pub auth_method: Option<DatabaseAuthMethod>,
    #[sea_orm(default_value = false)]
    pub tls_used: bool,
    /// Server process id of the session (joins pgAudit lines).
    pub backend_pid: Option<i32>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub connected_at: DateTimeWithTimeZone,
    pub disconnected_at: Option<DateTimeWithTimeZone>,
    /// Session length in seconds, once disconnected.
    pub duration_s: Option<i32>,
    pub result: DatabaseConnectionResult,
    pub failure_reason: Option<String>,
    /// The just-in-time access request the connection used.
    pub access_request_id: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::iam_users::Entity",
        from = "Column::IamUserId",
        to = "cybershield_iam::entities::iam_users::Column::Id",
        on_delete = "SetNull",
        fk_name = "database_connections_iam_user_id_fkey"
    )]
    IamUser,
    #[sea_orm(
        belongs_to = "super::database_access_requests::Entity",
        from = "Column::AccessRequestId",
        to = "super::database_access_requests::Column::Id",
        on_delete = "SetNull",
        fk_name = "database_connections_access_request_id_fkey"
    )]
    AccessRequest,
}

impl Related<cybershield_iam::entities::iam_users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IamUser.def()
    }
}

impl Related<super::database_access_requests::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AccessRequest.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
