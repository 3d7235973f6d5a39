//! Just-in-time database access (Teleport access requests): who asks for which role on which
//! database, why and for how long; reviews, approval and expiry.

use sea_orm::entity::prelude::*;

use crate::enums::DbEngine;

/// Role requested on the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "database_access_role")]
pub enum DatabaseAccessRole {
    #[sea_orm(string_value = "read_only")]
    ReadOnly,
    #[sea_orm(string_value = "read_write")]
    ReadWrite,
    #[sea_orm(string_value = "admin")]
    Admin,
    /// Described by `scope`.
    #[sea_orm(string_value = "custom")]
    Custom,
}

/// Request state (Teleport `RequestState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "database_access_request_state")]
pub enum DatabaseAccessRequestState {
    #[sea_orm(string_value = "PENDING")]
    Pending,
    #[sea_orm(string_value = "APPROVED")]
    Approved,
    #[sea_orm(string_value = "DENIED")]
    Denied,
    #[sea_orm(string_value = "EXPIRED")]
    Expired,
    #[sea_orm(string_value = "REVOKED")]
    Revoked,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "database_access_requests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub requester_id: Uuid,
    pub db_engine: DbEngine,
    pub db_host: String,
    pub db_port: Option<i32>,
    pub db_name: Option<String>,
    /// The cloud resource behind the database, declared in the registration (`cloud_assets`
    /// lives in the cloud crate, whose migration adds the foreign key).
    pub asset_id: Option<Uuid>,
    pub requested_role: DatabaseAccessRole,
    /// Database account the access is granted through.
    pub db_user: Option<String>,
    /// Schemas and tables covered: `{schemas: [...], tables: [...]}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub scope: Json,
    pub reason: String,
    /// Change or incident ticket justifying the access.
    pub ticket_ref: Option<String>,
    pub requested_duration_min: i32,
    /// Ceiling set by the policy; approvals cannot exceed it.
    pub max_duration_min: Option<i32>,
    #[sea_orm(default_value = "PENDING")]
    pub state: DatabaseAccessRequestState,
    /// Approvals needed before the request becomes `APPROVED`.
    #[sea_orm(default_value = 1)]
    pub approvals_required: i16,
    /// `[{reviewer_id, proposed_state, reason, created_at}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub reviews: Json,
    /// When the request was approved or denied.
    pub resolved_at: Option<DateTimeWithTimeZone>,
    pub access_starts_at: Option<DateTimeWithTimeZone>,
    pub access_expires_at: Option<DateTimeWithTimeZone>,
    pub revoked_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::TeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "database_access_requests_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::RequesterId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "Cascade",
        fk_name = "database_access_requests_requester_id_fkey"
    )]
    Requester,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::RevokedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "database_access_requests_revoked_by_fkey"
    )]
    RevokedBy,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Requester.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
