//! An authenticated scanning context: ZAP authentication, session management and login
//! verification of a DAST project. Credentials live in a vault, referenced by path.

use sea_orm::entity::prelude::*;

/// How the application keeps the session (ZAP session management methods).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_session_management")]
pub enum DastSessionManagement {
    #[sea_orm(string_value = "cookie")]
    Cookie,
    #[sea_orm(string_value = "http_auth")]
    HttpAuth,
    #[sea_orm(string_value = "header")]
    Header,
    #[sea_orm(string_value = "script")]
    Script,
}

/// Where ZAP looks for the logged-in / logged-out indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_session_verification")]
pub enum DastSessionVerification {
    #[sea_orm(string_value = "response")]
    Response,
    #[sea_orm(string_value = "request")]
    Request,
    #[sea_orm(string_value = "both")]
    Both,
    #[sea_orm(string_value = "poll_url")]
    PollUrl,
}

/// Whether the last login check succeeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_session_status")]
pub enum DastSessionStatus {
    #[sea_orm(string_value = "unverified")]
    Unverified,
    #[sea_orm(string_value = "active")]
    Active,
    #[sea_orm(string_value = "expired")]
    Expired,
    #[sea_orm(string_value = "failed")]
    Failed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dast_sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The DAST project (ZAP context).
    pub project_id: Uuid,
    /// Unique inside the DAST project.
    pub name: String,
    /// The user the scanner logs in as.
    pub username: Option<String>,
    /// Vault path of the password / token (never the secret).
    pub credentials_secret_ref: Option<String>,
    #[sea_orm(default_value = "cookie")]
    pub session_management: DastSessionManagement,
    /// Session token names (cookies or headers) ZAP tracks.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub token_names: Vec<String>,
    /// Regex that matches when logged in.
    pub logged_in_indicator: Option<String>,
    /// Regex that matches when logged out.
    pub logged_out_indicator: Option<String>,
    #[sea_orm(default_value = "response")]
    pub verification: DastSessionVerification,
    /// Required when `verification` is `poll_url`.
    pub poll_url: Option<String>,
    #[sea_orm(default_value = "unverified")]
    pub status: DastSessionStatus,
    pub last_verified_at: Option<DateTimeWithTimeZone>,
    pub expires_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::dast_projects::Entity",
        from = "Column::ProjectId",
        to = "super::dast_projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "dast_sessions_project_id_fkey"
    )]
    Project,
}

impl Related<super::dast_projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
