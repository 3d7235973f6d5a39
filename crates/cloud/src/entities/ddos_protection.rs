//! DDoS protection of cloud resources (AWS Shield, Azure DDoS, Cloud Armor, Cloudflare) and the
//! attacks it saw.

use sea_orm::entity::prelude::*;

/// Protection service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "ddos_provider")]
pub enum DdosProvider {
    #[sea_orm(string_value = "aws_shield_standard")]
    AwsShieldStandard,
    #[sea_orm(string_value = "aws_shield_advanced")]
    AwsShieldAdvanced,
    #[sea_orm(string_value = "azure_ddos")]
    AzureDdos,
    #[sea_orm(string_value = "gcp_armor")]
    GcpArmor,
    #[sea_orm(string_value = "cloudflare")]
    Cloudflare,
    #[sea_orm(string_value = "other")]
    Other,
}

/// Protection state of the resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "ddos_protection_status")]
pub enum DdosProtectionStatus {
    #[sea_orm(string_value = "protected")]
    Protected,
    #[sea_orm(string_value = "unprotected")]
    Unprotected,
    #[sea_orm(string_value = "under_attack")]
    UnderAttack,
    #[sea_orm(string_value = "degraded")]
    Degraded,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ddos_protection")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The protected resource; null for account-wide protection. Unique with `provider`.
    pub asset_id: Option<Uuid>,
    pub account_id: Uuid,
    pub provider: DdosProvider,
    #[sea_orm(default_value = false)]
    pub protection_enabled: bool,
    /// Application-layer (L7) automatic mitigation.
    #[sea_orm(default_value = false)]
    pub l7_auto_mitigation: bool,
    /// Route 53 / provider health checks associated with the protection.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub health_check_ids: Vec<String>,
    #[sea_orm(default_value = "unprotected")]
    pub status: DdosProtectionStatus,
    /// `[{attack_id, vectors: [SYN_FLOOD|UDP_REFLECTION|HTTP_FLOOD…], peak_bps, peak_pps,
    /// peak_rps, start, end, mitigated}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub attacks: Json,
    pub last_attack_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::cloud_assets::Entity",
        from = "Column::AssetId",
        to = "super::cloud_assets::Column::Id",
        on_delete = "SetNull",
        fk_name = "ddos_protection_asset_id_fkey"
    )]
    Asset,
    #[sea_orm(
        belongs_to = "super::cloud_accounts::Entity",
        from = "Column::AccountId",
        to = "super::cloud_accounts::Column::Id",
        on_delete = "Cascade",
        fk_name = "ddos_protection_account_id_fkey"
    )]
    Account,
}

impl Related<super::cloud_assets::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Asset.def()
    }
}

impl Related<super::cloud_accounts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Account.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
