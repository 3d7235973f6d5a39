//! Destinations that receive RASP alerts and attacks (webhook, syslog, Kafka, e-mail, SIEM,
//! ticketing). Credentials are a vault path (`secret_ref`) or ciphertext
//! (`credentials_encrypted` + `key_id`), never clear text.

use sea_orm::entity::prelude::*;

/// Kind of destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "rasp_integration_type")]
pub enum RaspIntegrationType {
    #[sea_orm(string_value = "webhook")]
    Webhook,
    #[sea_orm(string_value = "syslog")]
    Syslog,
    #[sea_orm(string_value = "kafka")]
    Kafka,
    #[sea_orm(string_value = "email")]
    Email,
    #[sea_orm(string_value = "siem")]
    Siem,
    #[sea_orm(string_value = "ticketing")]
    Ticketing,
}

/// Delivery health.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "rasp_integration_status")]
pub enum RaspIntegrationStatus {
    #[sea_orm(string_value = "healthy")]
    Healthy,
    #[sea_orm(string_value = "failing")]
    Failing,
    #[sea_orm(string_value = "disabled")]
    Disabled,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "rasp_integrations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Unique inside the team.
    pub name: String,
    pub r#type: RaspIntegrationType,
    /// URL, `host:port`, broker list or address list, by type.
    pub endpoint: String,
    /// Non-secret, type-specific settings (Kafka topic, syslog facility and format,
    /// ticket project…).
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub config: Json,
    /// Vault path of the credentials (a reference, not a secret).
    pub secret_ref: Option<String>,
    /// Credentials (token, password, HMAC secret) encrypted with `key_id`. Never output.
    pub credentials_encrypted: Option<Vec<u8>>,
    /// The key that encrypts `credentials_encrypted`. References `encryption_keys`
    /// (data_security crate), declared in the registration; the FK constraint is in this
    /// crate's migration.
    pub key_id: Option<Uuid>,
    /// What is forwarded: `{attack_types: [...], min_severity: "high", apps: [...]}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub event_filter: Json,
    #[sea_orm(default_value = true)]
    pub enabled: bool,
    #[sea_orm(default_value = "healthy")]
    pub status: RaspIntegrationStatus,
    pub last_success_at: Option<DateTimeWithTimeZone>,
    pub last_error: Option<String>,
    pub team_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
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
        fk_name = "rasp_integrations_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "rasp_integrations_created_by_fkey"
    )]
    CreatedBy,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CreatedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
