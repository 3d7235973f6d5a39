//! Append-only activity of integrations: pulls, pushes, webhook deliveries, connection tests
//! (SonarQube `WEBHOOK_DELIVERIES` shape). `created_at` is the event time.

use sea_orm::entity::prelude::*;

pub use super::external_integrations::IntegrationDirection;

/// What the integration did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "integration_log_operation")]
pub enum IntegrationLogOperation {
    #[sea_orm(string_value = "pull")]
    Pull,
    #[sea_orm(string_value = "push")]
    Push,
    #[sea_orm(string_value = "webhook_delivery")]
    WebhookDelivery,
    #[sea_orm(string_value = "test")]
    Test,
    #[sea_orm(string_value = "sync")]
    Sync,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "integration_logs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub integration_id: Uuid,
    pub direction: IntegrationDirection,
    pub operation: IntegrationLogOperation,
    pub url: Option<String>,
    /// HTTP method, e.g. `POST`.
    pub method: Option<String>,
    /// Request or response body, secrets redacted and truncated.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub payload: Option<Json>,
    pub http_status: Option<i16>,
    pub success: bool,
    pub duration_ms: Option<i32>,
    #[sea_orm(default_value = 0)]
    pub records_processed: i32,
    pub error: Option<String>,
    pub error_stacktrace: Option<String>,
    /// Ties together the log lines of one sync or delivery.
    pub correlation_id: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::external_integrations::Entity",
        from = "Column::IntegrationId",
        to = "super::external_integrations::Column::Id",
        on_delete = "Cascade",
        fk_name = "integration_logs_integration_id_fkey"
    )]
    Integration,
}

impl Related<super::external_integrations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Integration.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
