//! Database audit trail shaped like pgAudit log lines (`AUDIT_TYPE, STATEMENT_ID,
//! SUBSTATEMENT_ID, CLASS, COMMAND, OBJECT_TYPE, OBJECT_NAME, STATEMENT, PARAMETER`).
//! High-volume and append-only.

use sea_orm::entity::prelude::*;

use crate::enums::DbEngine;

/// pgAudit `AUDIT_TYPE`: session logging or object logging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "database_audit_type")]
pub enum DatabaseAuditType {
    #[sea_orm(string_value = "SESSION")]
    Session,
    #[sea_orm(string_value = "OBJECT")]
    Object,
}

/// pgAudit statement class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "database_audit_class")]
pub enum DatabaseAuditClass {
    #[sea_orm(string_value = "READ")]
    Read,
    #[sea_orm(string_value = "WRITE")]
    Write,
    #[sea_orm(string_value = "FUNCTION")]
    Function,
    #[sea_orm(string_value = "ROLE")]
    Role,
    #[sea_orm(string_value = "DDL")]
    Ddl,
    #[sea_orm(string_value = "MISC")]
    Misc,
    #[sea_orm(string_value = "MISC_SET")]
    MiscSet,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "database_audit_logs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// When the statement ran (the log line's timestamp).
    pub event_time: DateTimeWithTimeZone,
    /// When CyberShield stored the line.
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub ingested_at: DateTimeWithTimeZone,
    pub db_engine: DbEngine,
    pub db_host: String,
    pub db_port: Option<i32>,
    pub db_name: Option<String>,
    /// The cloud resource behind the database, declared in the registration (`cloud_assets`
    /// lives in the cloud crate, whose migration adds the foreign key).
    pub asset_id: Option<Uuid>,
    /// The session the statement ran in, when it was logged.
    pub connection_id: Option<Uuid>,
    pub db_user: Option<String>,
    pub audit_type: DatabaseAuditType,
    /// pgAudit `STATEMENT_ID` (per session).
    pub statement_id: Option<i64>,
    /// pgAudit `SUBSTATEMENT_ID`.
    pub substatement_id: Option<i32>,
    pub class: DatabaseAuditClass,
    /// `SELECT`, `ALTER TABLE`, `GRANT`…
    pub command: Option<String>,
    /// `TABLE`, `INDEX`, `VIEW`, `FUNCTION`…
    pub object_type: Option<String>,
    /// Fully qualified, e.g. `public.customers`.
    pub object_name: Option<String>,
    /// Statement text, truncated, literals masked.
    pub statement: Option<String>,
    /// Bound parameters, masked (pgAudit `PARAMETER`).
    pub parameters: Option<String>,
    /// Rows read or written.
    pub rows: Option<i64>,
    #[sea_orm(default_value = true)]
    pub success: bool,
    /// SQLSTATE of a failed statement (5 characters).
    pub sqlstate: Option<String>,
    /// The object holds data classified by `data_discovery`.
    #[sea_orm(default_value = false)]
    pub touches_sensitive: bool,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::database_connections::Entity",
        from = "Column::ConnectionId",
        to = "super::database_connections::Column::Id",
        on_delete = "SetNull",
        fk_name = "database_audit_logs_connection_id_fkey"
    )]
    Connection,
}

impl Related<super::database_connections::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Connection.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
