//! The hub (DefectDojo `Product`): every tool family hangs its data off a project.

use sea_orm::entity::prelude::*;

/// How critical the project is to the business (DefectDojo `business_criticality`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "project_business_criticality")]
pub enum ProjectBusinessCriticality {
    #[sea_orm(string_value = "very_high")]
    VeryHigh,
    #[sea_orm(string_value = "high")]
    High,
    #[sea_orm(string_value = "medium")]
    Medium,
    #[sea_orm(string_value = "low")]
    Low,
    #[sea_orm(string_value = "very_low")]
    VeryLow,
    #[sea_orm(string_value = "none")]
    None,
}

/// Kind of software the project ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "project_platform")]
pub enum ProjectPlatform {
    #[sea_orm(string_value = "web_service")]
    WebService,
    #[sea_orm(string_value = "desktop")]
    Desktop,
    #[sea_orm(string_value = "iot")]
    Iot,
    #[sea_orm(string_value = "mobile")]
    Mobile,
    #[sea_orm(string_value = "web")]
    Web,
}

/// Lifecycle stage of the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "project_lifecycle")]
pub enum ProjectLifecycle {
    #[sea_orm(string_value = "construction")]
    Construction,
    #[sea_orm(string_value = "production")]
    Production,
    #[sea_orm(string_value = "retirement")]
    Retirement,
}

/// Where the software comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "project_origin")]
pub enum ProjectOrigin {
    #[sea_orm(string_value = "third_party_library")]
    ThirdPartyLibrary,
    #[sea_orm(string_value = "purchased")]
    Purchased,
    #[sea_orm(string_value = "contractor")]
    Contractor,
    #[sea_orm(string_value = "internal")]
    Internal,
    #[sea_orm(string_value = "open_source")]
    OpenSource,
    #[sea_orm(string_value = "outsourced")]
    Outsourced,
}

/// Where duplicate findings are looked for: the whole project or only the same scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "project_dedupe_scope")]
pub enum ProjectDedupeScope {
    #[sea_orm(string_value = "project")]
    Project,
    #[sea_orm(string_value = "scan")]
    Scan,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "projects")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub name: String,
    pub description: Option<String>,
    pub business_unit: Option<String>,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub product_manager_id: Option<Uuid>,
    pub technical_contact_id: Option<Uuid>,
    pub business_criticality: Option<ProjectBusinessCriticality>,
    pub platform: Option<ProjectPlatform>,
    pub lifecycle: Option<ProjectLifecycle>,
    pub origin: Option<ProjectOrigin>,
    #[sea_orm(default_value = false)]
    pub internet_accessible: bool,
    #[sea_orm(default_value = false)]
    pub external_audience: bool,
    /// Approximate number of user records the application holds.
    pub user_records: Option<i32>,
    pub repository_url: Option<String>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub tags: Vec<String>,
    /// Remediation days per severity: `{"critical": 7, "high": 30, "medium": 90, "low": 120}`.
    #[sea_orm(
        column_type = "JsonBinary",
        default_expr = r##"Expr::cust(r#"'{"critical": 7, "high": 30, "medium": 90, "low": 120}'::jsonb"#)"##
    )]
    pub sla_days: Json,
    /// Whether the SLA of each severity is enforced: `{"critical": true, …}`.
    #[sea_orm(
        column_type = "JsonBinary",
        default_expr = r##"Expr::cust(r#"'{"critical": true, "high": true, "medium": true, "low": true}'::jsonb"#)"##
    )]
    pub sla_enforced: Json,
    /// A reactivated finding restarts its SLA from the reactivation date.
    #[sea_orm(default_value = false)]
    pub restart_sla_on_reactivation: bool,
    #[sea_orm(default_value = "project")]
    pub dedupe_scope: ProjectDedupeScope,
    pub archived_at: Option<DateTimeWithTimeZone>,
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
        fk_name = "projects_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::ProductManagerId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "projects_product_manager_id_fkey"
    )]
    ProductManager,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::TechnicalContactId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "projects_technical_contact_id_fkey"
    )]
    TechnicalContact,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
