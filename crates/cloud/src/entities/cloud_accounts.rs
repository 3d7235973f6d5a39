//! Cloud provider accounts (AWS accounts, Azure subscriptions, GCP projects, Kubernetes
//! clusters, M365 tenants…) that the posture and threat scanners connect to.

use sea_orm::entity::prelude::*;

/// Cloud provider (Prowler provider names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "cloud_provider")]
pub enum CloudProvider {
    #[sea_orm(string_value = "aws")]
    Aws,
    #[sea_orm(string_value = "azure")]
    Azure,
    #[sea_orm(string_value = "gcp")]
    Gcp,
    #[sea_orm(string_value = "kubernetes")]
    Kubernetes,
    #[sea_orm(string_value = "m365")]
    M365,
    #[sea_orm(string_value = "github")]
    Github,
    #[sea_orm(string_value = "oraclecloud")]
    Oraclecloud,
    #[sea_orm(string_value = "alibabacloud")]
    Alibabacloud,
}

/// How the scanner authenticates to the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "cloud_account_auth_method")]
pub enum CloudAccountAuthMethod {
    #[sea_orm(string_value = "role")]
    Role,
    #[sea_orm(string_value = "static")]
    Static,
    #[sea_orm(string_value = "service_account")]
    ServiceAccount,
    #[sea_orm(string_value = "workload_identity")]
    WorkloadIdentity,
}

/// Result of the last connection check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "cloud_account_connection_status")]
pub enum CloudAccountConnectionStatus {
    #[sea_orm(string_value = "pending")]
    Pending,
    #[sea_orm(string_value = "connected")]
    Connected,
    #[sea_orm(string_value = "error")]
    Error,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cloud_accounts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub provider: CloudProvider,
    /// AWS account id / Azure subscription id / GCP project id…; unique with `provider`.
    pub account_uid: String,
    pub alias: Option<String>,
    pub organization_uid: Option<String>,
    /// Organizational unit path, e.g. `/root/prod/payments`.
    pub ou_path: Option<String>,
    pub auth_method: Option<CloudAccountAuthMethod>,
    /// Vault path of the credentials; the credentials are never stored here.
    pub credentials_secret_ref: Option<String>,
    /// Regions to scan (empty = all enabled regions).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub regions: Vec<String>,
    #[sea_orm(default_value = "pending")]
    pub connection_status: CloudAccountConnectionStatus,
    pub last_checked_at: Option<DateTimeWithTimeZone>,
    pub last_scan_at: Option<DateTimeWithTimeZone>,
    /// Cron expression of the scan schedule.
    pub scan_schedule: Option<String>,
    pub team_id: Option<Uuid>,
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
        fk_name = "cloud_accounts_team_id_fkey"
    )]
    Team,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
