//! SaaS applications discovered by the CASB, with their sanction status and risk.

use sea_orm::entity::prelude::*;

/// Whether the organisation allows the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "saas_sanction_status")]
pub enum SaasSanctionStatus {
    #[sea_orm(string_value = "sanctioned")]
    Sanctioned,
    #[sea_orm(string_value = "unsanctioned")]
    Unsanctioned,
    #[sea_orm(string_value = "under_review")]
    UnderReview,
    #[sea_orm(string_value = "blocked")]
    Blocked,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "saas_applications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    /// Application domain, e.g. `dropbox.com`.
    #[sea_orm(unique)]
    pub domain: String,
    pub vendor: Option<String>,
    /// `crm`, `file_sharing`, `genai`…
    pub category: Option<String>,
    #[sea_orm(default_value = "under_review")]
    pub sanction_status: SaasSanctionStatus,
    /// 0–100.
    pub risk_score: Option<i16>,
    #[sea_orm(default_value = 0)]
    pub users_count: i32,
    #[sea_orm(default_value = 0)]
    pub bytes_uploaded: i64,
    #[sea_orm(default_value = false)]
    pub sso_enabled: bool,
    #[sea_orm(default_value = false)]
    pub mfa_enforced: bool,
    /// Vendor certifications: `SOC2`, `ISO27001`…
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub certifications: Vec<String>,
    /// OAuth scopes granted to the application.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub oauth_scopes: Vec<String>,
    pub data_residency: Option<String>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub first_seen_at: DateTimeWithTimeZone,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub last_seen_at: DateTimeWithTimeZone,
    pub owner_team_id: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::OwnerTeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "saas_applications_owner_team_id_fkey"
    )]
    OwnerTeam,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OwnerTeam.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
