//! Connections to third-party security tools (DefectDojo `Tool_Configuration`): SIEMs, ticketing,
//! chat, scanners, threat-intel platforms, SMTP relays, cloud and identity providers.

use sea_orm::entity::prelude::*;

/// Kind of tool an integration talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "integration_category")]
pub enum IntegrationCategory {
    #[sea_orm(string_value = "siem")]
    Siem,
    #[sea_orm(string_value = "ticketing")]
    Ticketing,
    #[sea_orm(string_value = "chat")]
    Chat,
    #[sea_orm(string_value = "scanner")]
    Scanner,
    #[sea_orm(string_value = "threat_intel")]
    ThreatIntel,
    #[sea_orm(string_value = "email")]
    Email,
    #[sea_orm(string_value = "cloud")]
    Cloud,
    #[sea_orm(string_value = "edr")]
    Edr,
    #[sea_orm(string_value = "identity")]
    Identity,
    #[sea_orm(string_value = "storage")]
    Storage,
}

/// Which way data flows between CyberShield and the tool (also used by `integration_logs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "integration_direction")]
pub enum IntegrationDirection {
    #[sea_orm(string_value = "inbound")]
    Inbound,
    #[sea_orm(string_value = "outbound")]
    Outbound,
    #[sea_orm(string_value = "bidirectional")]
    Bidirectional,
}

/// How CyberShield authenticates to the tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "integration_auth_type")]
pub enum IntegrationAuthType {
    #[sea_orm(string_value = "api_key")]
    ApiKey,
    #[sea_orm(string_value = "oauth2")]
    Oauth2,
    #[sea_orm(string_value = "basic")]
    Basic,
    #[sea_orm(string_value = "hmac")]
    Hmac,
    #[sea_orm(string_value = "ssh")]
    Ssh,
    #[sea_orm(string_value = "certificate")]
    Certificate,
}

/// Health of an integration, from its recent syncs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "integration_status")]
pub enum IntegrationStatus {
    #[sea_orm(string_value = "healthy")]
    Healthy,
    #[sea_orm(string_value = "degraded")]
    Degraded,
    #[sea_orm(string_value = "failing")]
    Failing,
    #[sea_orm(string_value = "disabled")]
    Disabled,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "external_integrations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub name: String,
    pub category: IntegrationCategory,
    /// `splunk`, `elastic`, `sentinel`, `jira`, `servicenow`, `slack`, `teams`, `sonarqube`,
    /// `zap`, `prowler`, `trivy`, `misp`, `opencti`, `virustotal`, `smtp`, `wazuh`, `okta`…
    pub vendor: String,
    #[sea_orm(default_value = "outbound")]
    pub direction: IntegrationDirection,
    pub base_url: Option<String>,
    pub auth_type: Option<IntegrationAuthType>,
    /// Vault path of the credentials when they live in an external secret store.
    pub secret_ref: Option<String>,
    /// Credentials encrypted with `key_id`, when stored in the database. Never output.
    pub credentials_encrypted: Option<Vec<u8>>,
    /// The key that encrypts `credentials_encrypted`. References `encryption_keys`, which lives
    /// in the data_security crate: that crate's migration adds the foreign key
    /// (`external_integrations_key_id_fkey`), so no relation is declared here.
    pub key_id: Option<Uuid>,
    /// Tool-specific settings (project keys, index names, channels…); no secrets.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub config: Json,
    #[sea_orm(default_value = true)]
    pub enabled: bool,
    #[sea_orm(default_value = "healthy")]
    pub status: IntegrationStatus,
    /// Seconds between scheduled syncs; null when the integration is push-only.
    pub sync_interval_s: Option<i32>,
    pub last_sync_at: Option<DateTimeWithTimeZone>,
    pub last_success_at: Option<DateTimeWithTimeZone>,
    pub last_error: Option<String>,
    /// Owning team (row scoping).
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
        fk_name = "external_integrations_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "external_integrations_created_by_fkey"
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
