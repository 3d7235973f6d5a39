//! Data loss prevention policies: which channels they watch, which information types they
//! detect (Google DLP-style `info_types` with a minimum likelihood), what they do on a match.

use sea_orm::entity::prelude::*;

use crate::enums::SeverityLevel;

/// What a policy does on a match (`actions` holds a list of these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dlp_policy_action")]
pub enum DlpPolicyAction {
    #[sea_orm(string_value = "audit")]
    Audit,
    #[sea_orm(string_value = "alert")]
    Alert,
    #[sea_orm(string_value = "block")]
    Block,
    #[sea_orm(string_value = "quarantine")]
    Quarantine,
    #[sea_orm(string_value = "encrypt")]
    Encrypt,
    #[sea_orm(string_value = "redact")]
    Redact,
    #[sea_orm(string_value = "notify_user")]
    NotifyUser,
}

/// `monitor` only records matches; `enforce` applies the actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dlp_policy_mode")]
pub enum DlpPolicyMode {
    #[sea_orm(string_value = "monitor")]
    Monitor,
    #[sea_orm(string_value = "enforce")]
    Enforce,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dlp_policies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    #[sea_orm(unique)]
    pub name: String,
    pub description: Option<String>,
    /// Channels watched: `email`, `endpoint`, `cloud`, `web`, `database` (GraphQL `DlpChannel`).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub channels: Vec<String>,
    /// `[{type: CREDIT_CARD_NUMBER, min_likelihood: VERY_UNLIKELY|UNLIKELY|POSSIBLE|LIKELY|
    /// VERY_LIKELY, min_count}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub info_types: Json,
    /// Further conditions (file types, destinations, sizes, recipients outside the domain…).
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub conditions: Json,
    /// Actions on a match (GraphQL `DlpPolicyAction`).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub actions: Vec<String>,
    #[sea_orm(default_value = "medium")]
    pub severity: SeverityLevel,
    #[sea_orm(default_value = "monitor")]
    pub mode: DlpPolicyMode,
    /// Evaluation order: lower first.
    #[sea_orm(default_value = 100)]
    pub priority: i32,
    /// Users, groups, destinations or paths the policy does not apply to.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub exceptions: Json,
    /// Regulations the policy serves, e.g. `PCI-DSS`, `GDPR`, `HIPAA`.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub frameworks: Vec<String>,
    #[sea_orm(default_value = true)]
    pub enabled: bool,
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
        fk_name = "dlp_policies_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "dlp_policies_created_by_fkey"
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
