//! Status of data-security controls against framework requirements (PCI-DSS 3.5.1, GDPR Art.32,
//! ISO 27001 A.8.24…), per scope, with evidence and review dates.

use sea_orm::entity::prelude::*;

/// What the status is about (`scope_id` points at a row of the matching table; null for the
/// organization).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "security_compliance_scope_type")]
pub enum SecurityComplianceScopeType {
    #[sea_orm(string_value = "organization")]
    Organization,
    #[sea_orm(string_value = "team")]
    Team,
    #[sea_orm(string_value = "project")]
    Project,
    #[sea_orm(string_value = "cloud_account")]
    CloudAccount,
    #[sea_orm(string_value = "cloud_asset")]
    CloudAsset,
    /// A `database_encryption` row (one per database).
    #[sea_orm(string_value = "database")]
    Database,
}

/// Assessment result (CISO Assistant `RequirementAssessment.Result`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "security_compliance_result")]
pub enum SecurityComplianceResult {
    #[sea_orm(string_value = "compliant")]
    Compliant,
    #[sea_orm(string_value = "partially_compliant")]
    PartiallyCompliant,
    #[sea_orm(string_value = "non_compliant")]
    NonCompliant,
    #[sea_orm(string_value = "not_applicable")]
    NotApplicable,
    #[sea_orm(string_value = "not_assessed")]
    NotAssessed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "security_compliance")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    /// The framework, declared in the registration (`compliance_frameworks` lives in the
    /// compliance crate).
    pub framework_id: Uuid,
    /// Requirement id in the framework, e.g. `PCI-DSS 3.5.1`, `GDPR Art.32`, `A.8.24`.
    pub requirement_ref: String,
    /// Name of the data-security control, e.g. `Encryption of cardholder data at rest`.
    pub control_name: Option<String>,
    #[sea_orm(default_value = "organization")]
    pub scope_type: SecurityComplianceScopeType,
    pub scope_id: Option<Uuid>,
    #[sea_orm(default_value = "not_assessed")]
    pub result: SecurityComplianceResult,
    /// `[{type: report|screenshot|query|link, uri, description, collected_at}]`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'[]'::jsonb\")")]
    pub evidence: Json,
    pub owner_id: Option<Uuid>,
    pub last_assessed_at: Option<DateTimeWithTimeZone>,
    pub next_review_at: Option<DateTimeWithTimeZone>,
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
        fk_name = "security_compliance_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::OwnerId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "security_compliance_owner_id_fkey"
    )]
    Owner,
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Owner.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
