//! Append-only audit trail: Keycloak login events and admin events, SonarQube `AUDITS`, with a
//! hash chain for tamper evidence (`entry_hash = sha256(prev_hash ‖ canonical row)`). Rows are
//! written by `cybershield_core::audit::record`; triggers refuse UPDATE, DELETE and TRUNCATE.

use sea_orm::entity::prelude::*;

/// Who performed the audited action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "iam_audit_actor_type")]
pub enum IamAuditActorType {
    #[sea_orm(string_value = "user")]
    User,
    #[sea_orm(string_value = "service")]
    Service,
    #[sea_orm(string_value = "system")]
    System,
}

/// Broad class of an audit event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "iam_audit_category")]
pub enum IamAuditCategory {
    #[sea_orm(string_value = "authentication")]
    Authentication,
    #[sea_orm(string_value = "administration")]
    Administration,
    #[sea_orm(string_value = "data_access")]
    DataAccess,
    #[sea_orm(string_value = "configuration")]
    Configuration,
    #[sea_orm(string_value = "security")]
    Security,
}

/// Operation of an admin event (Keycloak `OperationType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "iam_audit_operation_type")]
pub enum IamAuditOperationType {
    #[sea_orm(string_value = "CREATE")]
    Create,
    #[sea_orm(string_value = "UPDATE")]
    Update,
    #[sea_orm(string_value = "DELETE")]
    Delete,
    #[sea_orm(string_value = "ACTION")]
    Action,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "iam_audit_logs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Position in the hash chain, numbered by the database (an identity the append trigger keeps
    /// in chain order); never written by the application. Gaps are normal (rolled-back appends).
    #[sea_orm(unique, default_expr = "Expr::cust(\"nextval('iam_audit_logs_seq_seq')\")")]
    pub seq: i64,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub occurred_at: DateTimeWithTimeZone,
    pub actor_user_id: Option<Uuid>,
    pub actor_type: IamAuditActorType,
    pub session_id: Option<Uuid>,
    pub category: IamAuditCategory,
    /// Keycloak event name for login events (`LOGIN`, `LOGIN_ERROR`, `LOGOUT`, `UPDATE_PASSWORD`…)
    /// or a short verb for admin events.
    pub event_type: String,
    /// Admin events only.
    pub operation_type: Option<IamAuditOperationType>,
    /// Admin events: `USER`, `TEAM`, `ROLE`, `INTEGRATION`…
    pub resource_type: Option<String>,
    /// Admin events: path of the resource, e.g. `teams/<id>/members/<id>`.
    pub resource_path: Option<String>,
    /// Admin events: before/after diff, secrets stripped.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub representation: Option<Json>,
    #[sea_orm(default_value = true)]
    pub success: bool,
    pub error: Option<String>,
    #[sea_orm(column_type = "Inet", nullable)]
    pub ip: Option<IpNetwork>,
    pub user_agent: Option<String>,
    /// Correlates the entry with the request log.
    pub request_id: Option<Uuid>,
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub details: Json,
    /// `entry_hash` of the previous entry; null for the first one. Set by the append trigger.
    /// Never output.
    pub prev_hash: Option<Vec<u8>>,
    /// sha256(prev_hash ‖ canonical row), see `iam_audit_entry_hash` in the migrations. Set by the
    /// append trigger (an insert leaves it out); no default, so the generic API offers no create.
    /// Never output.
    pub entry_hash: Vec<u8>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

/// Navigation only: no foreign key constraints, so an entry keeps the ids of a deleted actor or
/// session (`ON DELETE SET NULL` would rewrite chained history).
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::users::Entity", from = "Column::ActorUserId", to = "super::users::Column::Id")]
    ActorUser,
    #[sea_orm(
        belongs_to = "super::iam_sessions::Entity",
        from = "Column::SessionId",
        to = "super::iam_sessions::Column::Id"
    )]
    Session,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ActorUser.def()
    }
}

impl Related<super::iam_sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Session.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
