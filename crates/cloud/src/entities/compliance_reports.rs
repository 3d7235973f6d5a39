//! Per-framework compliance roll-ups of a scan (Prowler `ComplianceOverview`, logic #7).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "compliance_reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub account_id: Uuid,
    pub scan_ref: Option<String>,
    /// Prowler compliance id, e.g. `cis_2.0_aws`.
    pub compliance_id: String,
    /// Framework name as the scanner reports it, e.g. `CIS`.
    pub framework_name: Option<String>,
    /// Framework version, e.g. `2.0`.
    pub version: Option<String>,
    pub region: Option<String>,
    /// The framework in the compliance catalogue. References `compliance_frameworks`
    /// (compliance crate): declared with `.references`, constraint
    /// `compliance_reports_framework_id_fkey` in this crate's migration.
    pub framework_id: Option<Uuid>,
    #[sea_orm(default_value = 0)]
    pub total_requirements: i32,
    #[sea_orm(default_value = 0)]
    pub requirements_passed: i32,
    #[sea_orm(default_value = 0)]
    pub requirements_failed: i32,
    #[sea_orm(default_value = 0)]
    pub requirements_manual: i32,
    /// `{req_id: {status: PASS|FAIL|MANUAL, passed_checks, failed_checks, total_checks,
    /// passed_findings, total_findings}}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub requirements: Json,
    /// passed / (passed + failed) × 100; MANUAL requirements excluded.
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub score_pct: Option<Decimal>,
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub generated_at: DateTimeWithTimeZone,
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
        fk_name = "compliance_reports_account_id_fkey"
    )]
    Account,
}

impl Related<super::cloud_accounts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Account.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
