//! Assessments of a scope against a framework (CISO Assistant `ComplianceAssessment`), with the
//! per-requirement results kept in `results` and the roll-up of logic #7 in the `*_pct` columns.

use sea_orm::entity::prelude::*;

/// What an assessment covers; `scope_id` points at a row of the matching table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "compliance_scope_type")]
pub enum ComplianceScopeType {
    #[sea_orm(string_value = "organization")]
    Organization,
    #[sea_orm(string_value = "team")]
    Team,
    #[sea_orm(string_value = "project")]
    Project,
    #[sea_orm(string_value = "cloud_account")]
    CloudAccount,
}

/// Progress of an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "compliance_assessment_status")]
pub enum ComplianceAssessmentStatus {
    #[sea_orm(string_value = "planned")]
    Planned,
    #[sea_orm(string_value = "in_progress")]
    InProgress,
    #[sea_orm(string_value = "in_review")]
    InReview,
    #[sea_orm(string_value = "done")]
    Done,
    #[sea_orm(string_value = "deprecated")]
    Deprecated,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "compliance_assessments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub framework_id: Uuid,
    pub name: String,
    pub version: Option<String>,
    pub description: Option<String>,
    #[sea_orm(default_value = "organization")]
    pub scope_type: ComplianceScopeType,
    /// The team, project or cloud account assessed (null for the whole organization).
    pub scope_id: Option<Uuid>,
    #[sea_orm(default_value = "planned")]
    pub status: ComplianceAssessmentStatus,
    pub assessor_id: Option<Uuid>,
    pub reviewer_id: Option<Uuid>,
    /// Expected completion.
    pub eta: Option<Date>,
    pub due_date: Option<Date>,
    /// Per requirement, keyed by `ref_id`: `{status: to_do|in_progress|in_review|done,
    /// result: not_assessed|partially_compliant|non_compliant|compliant|not_applicable, score,
    /// observation, evidence, linked_findings}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub results: Json,
    /// assessed / assessable × 100.
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", default_value = 0)]
    pub progress_pct: Decimal,
    /// compliant / (assessed − not_applicable) × 100; null until something is assessed.
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub compliance_pct: Option<Decimal>,
    /// Requirement count per result value.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub result_counts: Json,
    pub started_at: Option<DateTimeWithTimeZone>,
    pub completed_at: Option<DateTimeWithTimeZone>,
    /// Owning team (row scoping).
    pub team_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::compliance_frameworks::Entity",
        from = "Column::FrameworkId",
        to = "super::compliance_frameworks::Column::Id",
        on_delete = "Cascade",
        fk_name = "compliance_assessments_framework_id_fkey"
    )]
    Framework,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::AssessorId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "compliance_assessments_assessor_id_fkey"
    )]
    Assessor,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::ReviewerId",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "compliance_assessments_reviewer_id_fkey"
    )]
    Reviewer,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::teams::Entity",
        from = "Column::TeamId",
        to = "cybershield_iam::entities::teams::Column::Id",
        on_delete = "SetNull",
        fk_name = "compliance_assessments_team_id_fkey"
    )]
    Team,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::CreatedBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "compliance_assessments_created_by_fkey"
    )]
    CreatedBy,
}

impl Related<super::compliance_frameworks::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Framework.def()
    }
}

impl Related<cybershield_iam::entities::teams::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Team.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
