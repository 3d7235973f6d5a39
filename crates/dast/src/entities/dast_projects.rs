//! A DAST target (a ZAP context): base URL, scope regexes, authentication and scan defaults.

use sea_orm::entity::prelude::*;

/// Environment the target runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_environment")]
pub enum DastEnvironment {
    #[sea_orm(string_value = "dev")]
    Dev,
    #[sea_orm(string_value = "test")]
    Test,
    #[sea_orm(string_value = "staging")]
    Staging,
    #[sea_orm(string_value = "production")]
    Production,
}

/// How the scanner logs in (ZAP authentication methods).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_auth_method")]
pub enum DastAuthMethod {
    #[sea_orm(string_value = "none")]
    None,
    #[sea_orm(string_value = "form")]
    Form,
    #[sea_orm(string_value = "json")]
    Json,
    #[sea_orm(string_value = "http_basic")]
    HttpBasic,
    #[sea_orm(string_value = "ntlm")]
    Ntlm,
    #[sea_orm(string_value = "script")]
    Script,
    #[sea_orm(string_value = "browser")]
    Browser,
    #[sea_orm(string_value = "client_certificate")]
    ClientCertificate,
}

/// ZAP `Plugin.AttackStrength`: how many requests an active scan rule may send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_attack_strength")]
pub enum DastAttackStrength {
    #[sea_orm(string_value = "LOW")]
    Low,
    #[sea_orm(string_value = "MEDIUM")]
    Medium,
    #[sea_orm(string_value = "HIGH")]
    High,
    #[sea_orm(string_value = "INSANE")]
    Insane,
}

/// ZAP `Plugin.AlertThreshold`: how sure a rule must be before it raises an alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "dast_alert_threshold")]
pub enum DastAlertThreshold {
    #[sea_orm(string_value = "OFF")]
    Off,
    #[sea_orm(string_value = "LOW")]
    Low,
    #[sea_orm(string_value = "MEDIUM")]
    Medium,
    #[sea_orm(string_value = "HIGH")]
    High,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dast_projects")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Unique inside the hub project.
    pub name: String,
    /// The hub project (DefectDojo product) the target belongs to.
    pub project_id: Uuid,
    pub base_url: String,
    #[sea_orm(default_value = "staging")]
    pub environment: DastEnvironment,
    /// ZAP context include regexes.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub include_patterns: Vec<String>,
    /// ZAP context exclude regexes.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub exclude_patterns: Vec<String>,
    /// ZAP context technologies (`Db.PostgreSQL`, `Language.Java`, `OS.Linux`…).
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub tech_stack: Vec<String>,
    #[sea_orm(default_value = "none")]
    pub auth_method: DastAuthMethod,
    pub login_url: Option<String>,
    /// Method parameters (login request body, field names, script name…); no secrets.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub auth_config: Json,
    /// Vault path of the login credentials (never the credentials).
    pub credentials_secret_ref: Option<String>,
    #[sea_orm(default_value = "MEDIUM")]
    pub default_attack_strength: DastAttackStrength,
    #[sea_orm(default_value = "MEDIUM")]
    pub default_alert_threshold: DastAlertThreshold,
    pub openapi_url: Option<String>,
    pub graphql_endpoint: Option<String>,
    /// Stop a scan after this many minutes; null = no limit.
    pub max_scan_duration_min: Option<i32>,
    /// Cron expression of scheduled scans.
    pub schedule_cron: Option<String>,
    pub team_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_projects::entities::projects::Entity",
        from = "Column::ProjectId",
        to = "cybershield_projects::entities::projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "dast_projects_project_id_fkey"
    )]
    Project,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::TeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "dast_projects_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "dast_projects_created_by_fkey"
    )]
    CreatedBy,
}

impl Related<cybershield_projects::entities::projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
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
