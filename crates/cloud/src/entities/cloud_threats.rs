//! Threat detections in cloud accounts (GuardDuty-like findings).

use sea_orm::entity::prelude::*;

use crate::SeverityLevel;

/// Kind of activity behind the finding (GuardDuty `action.actionType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "cloud_threat_action_type")]
pub enum CloudThreatActionType {
    #[sea_orm(string_value = "network_connection")]
    NetworkConnection,
    #[sea_orm(string_value = "aws_api_call")]
    AwsApiCall,
    #[sea_orm(string_value = "dns_request")]
    DnsRequest,
    #[sea_orm(string_value = "port_probe")]
    PortProbe,
    #[sea_orm(string_value = "kubernetes_api_call")]
    KubernetesApiCall,
    #[sea_orm(string_value = "runtime")]
    Runtime,
}

/// Triage state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "cloud_threat_status")]
pub enum CloudThreatStatus {
    #[sea_orm(string_value = "new")]
    New,
    #[sea_orm(string_value = "investigating")]
    Investigating,
    #[sea_orm(string_value = "resolved")]
    Resolved,
    #[sea_orm(string_value = "false_positive")]
    FalsePositive,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cloud_threats")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub account_id: Uuid,
    pub asset_id: Option<Uuid>,
    /// `ThreatPurpose:ResourceType/ThreatFamily.Mechanism!Artifact`, e.g.
    /// `UnauthorizedAccess:EC2/SSHBruteForce`.
    pub finding_type: String,
    pub title: String,
    pub description: Option<String>,
    /// GuardDuty severity, 1.0–10.0.
    #[sea_orm(column_type = "Decimal(Some((3, 1)))", nullable)]
    pub severity_score: Option<Decimal>,
    pub severity: SeverityLevel,
    /// 0–100.
    pub confidence: Option<i16>,
    pub action_type: Option<CloudThreatActionType>,
    /// The remote actor: `{ip, asn, geo, user}`.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub actor: Option<Json>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub mitre_tactics: Vec<String>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub mitre_techniques: Vec<String>,
    /// How many times the activity was seen.
    #[sea_orm(default_value = 1)]
    pub count: i32,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub first_seen_at: DateTimeWithTimeZone,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub last_seen_at: DateTimeWithTimeZone,
    #[sea_orm(default_value = false)]
    pub archived: bool,
    #[sea_orm(default_value = "new")]
    pub status: CloudThreatStatus,
    /// References `incidents` (incidents crate): declared with `.references`, constraint
    /// `cloud_threats_incident_id_fkey` in this crate's migration.
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
        on_delete = "Cascade",
        fk_name = "cloud_threats_account_id_fkey"
    )]
    Account,
    #[sea_orm(
        belongs_to = "super::cloud_assets::Entity",
        from = "Column::AssetId",
        to = "super::cloud_assets::Column::Id",
        on_delete = "SetNull",
        fk_name = "cloud_threats_asset_id_fkey"
    )]
    Asset,
}

impl Related<super::cloud_accounts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Account.def()
    }
}

impl Related<super::cloud_assets::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Asset.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
