//! Daily posture snapshot per account (logic #7: PASS / (PASS + FAIL) over non-muted findings,
//! counts by severity, per-framework scores).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cloud_security_posture")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub account_id: Uuid,
    /// One snapshot per account and day.
    #[sea_orm(default_expr = "Expr::current_date()")]
    pub snapshot_date: Date,
    /// PASS / (PASS + FAIL) × 100 over non-muted findings.
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub posture_score_pct: Option<Decimal>,
    #[sea_orm(default_value = 0)]
    pub pass_count: i32,
    #[sea_orm(default_value = 0)]
    pub fail_count: i32,
    #[sea_orm(default_value = 0)]
    pub manual_count: i32,
    /// `{critical: n, high: n, medium: n, low: n, informational: n}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub fail_by_severity: Json,
    /// `{framework: pct}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub compliance_scores: Json,
    #[sea_orm(default_value = 0)]
    pub resources_total: i32,
    #[sea_orm(default_value = 0)]
    pub resources_failing: i32,
    /// Change of `posture_score_pct` against the snapshot 7 days earlier, in points.
    #[sea_orm(column_type = "Decimal(Some((5, 2)))", nullable)]
    pub score_delta_7d: Option<Decimal>,
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
        fk_name = "cloud_security_posture_account_id_fkey"
    )]
    Account,
}

impl Related<super::cloud_accounts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Account.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
