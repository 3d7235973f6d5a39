//! The normalised alert queue over the cloud finding tables: one alert per `dedupe_key`,
//! pointing back at its finding through `source_table` + `source_id`.

use sea_orm::entity::prelude::*;

use crate::SeverityLevel;

/// Cloud table the alert was raised from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "cloud_alert_source_table")]
pub enum CloudAlertSourceTable {
    #[sea_orm(string_value = "misconfigurations")]
    Misconfigurations,
    #[sea_orm(string_value = "cloud_threats")]
    CloudThreats,
    #[sea_orm(string_value = "cloud_dlp_incidents")]
    CloudDlpIncidents,
    #[sea_orm(string_value = "iam_risks")]
    IamRisks,
    #[sea_orm(string_value = "ddos_protection")]
    DdosProtection,
}

/// Queue state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "cloud_security_alert_status")]
pub enum CloudSecurityAlertStatus {
    #[sea_orm(string_value = "new")]
    New,
    #[sea_orm(string_value = "acknowledged")]
    Acknowledged,
    #[sea_orm(string_value = "in_progress")]
    InProgress,
    #[sea_orm(string_value = "resolved")]
    Resolved,
    #[sea_orm(string_value = "suppressed")]
    Suppressed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cloud_security_alerts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub source_table: CloudAlertSourceTable,
    /// Id of the row in `source_table` (polymorphic, no foreign key).
    pub source_id: Uuid,
    pub account_id: Option<Uuid>,
    pub title: String,
    pub severity: SeverityLevel,
    #[sea_orm(default_value = "new")]
    pub status: CloudSecurityAlertStatus,
    pub assignee_id: Option<Uuid>,
    /// Identity of the alert across re-detections; a repeat increments `occurrences`.
    #[sea_orm(unique)]
    pub dedupe_key: String,
    #[sea_orm(default_value = 1)]
    pub occurrences: i32,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub first_seen_at: DateTimeWithTimeZone,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub last_seen_at: DateTimeWithTimeZone,
    /// References `incidents` (incidents crate): declared with `.references`, constraint
    /// `cloud_security_alerts_incident_id_fkey` in this crate's migration.
    pub incident_id: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::cloud_accounts::Entity",
        from = "Column::AccountId",
        to = "super::cloud_accounts::Column::Id",
        on_delete = "SetNull",
        fk_name = "cloud_security_alerts_account_id_fkey"
    )]
    Account,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::AssigneeId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "cloud_security_alerts_assignee_id_fkey"
    )]
    Assignee,
}

impl Related<super::cloud_accounts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Account.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Assignee.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
