//! One analysis of a branch or pull request: SonarQube `CE_ACTIVITY` (the background task) +
//! `SNAPSHOTS` (its result), with the quality-gate outcome.

use sea_orm::entity::prelude::*;

/// Whether an analysis is of a branch or of a pull request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_branch_type")]
pub enum SastBranchType {
    #[sea_orm(string_value = "branch")]
    Branch,
    #[sea_orm(string_value = "pull_request")]
    PullRequest,
}

/// Status of the analysis task (SonarQube CE task statuses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_scan_status")]
pub enum SastScanStatus {
    #[sea_orm(string_value = "PENDING")]
    Pending,
    #[sea_orm(string_value = "IN_PROGRESS")]
    InProgress,
    #[sea_orm(string_value = "SUCCESS")]
    Success,
    #[sea_orm(string_value = "FAILED")]
    Failed,
    #[sea_orm(string_value = "CANCELED")]
    Canceled,
}

/// How the new-code period is defined (SonarQube `NEW_CODE_PERIODS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_new_code_period_type")]
pub enum SastNewCodePeriodType {
    #[sea_orm(string_value = "PREVIOUS_VERSION")]
    PreviousVersion,
    #[sea_orm(string_value = "NUMBER_OF_DAYS")]
    NumberOfDays,
    #[sea_orm(string_value = "REFERENCE_BRANCH")]
    ReferenceBranch,
    #[sea_orm(string_value = "SPECIFIC_ANALYSIS")]
    SpecificAnalysis,
}

/// Outcome of a quality-gate evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_quality_gate_result")]
pub enum SastQualityGateResult {
    #[sea_orm(string_value = "OK")]
    Ok,
    #[sea_orm(string_value = "ERROR")]
    Error,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_scans")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    /// Analysed branch (the source branch of a pull request).
    pub branch: String,
    #[sea_orm(default_value = "branch")]
    pub branch_type: SastBranchType,
    pub pull_request_key: Option<String>,
    /// Pull requests: the branch they merge into.
    pub target_branch: Option<String>,
    /// Commit SHA.
    pub revision: Option<String>,
    /// Project version (`sonar.projectVersion`).
    pub version: Option<String>,
    /// CI build identifier (`sonar.buildString`).
    pub build_string: Option<String>,
    pub scanner_version: Option<String>,
    #[sea_orm(default_value = "PENDING")]
    pub status: SastScanStatus,
    /// When the analysis report was submitted.
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub submitted_at: DateTimeWithTimeZone,
    pub started_at: Option<DateTimeWithTimeZone>,
    pub executed_at: Option<DateTimeWithTimeZone>,
    pub execution_time_ms: Option<i64>,
    pub error_message: Option<String>,
    /// Error class of a failed task.
    pub error_type: Option<String>,
    /// Date of the analysed code (defaults to the scan time in SonarQube).
    pub analysis_date: Option<DateTimeWithTimeZone>,
    /// The current analysis of its branch.
    #[sea_orm(default_value = false)]
    pub is_last: bool,
    pub new_code_period_type: Option<SastNewCodePeriodType>,
    /// Days, a branch name or an analysis id, according to the type.
    pub new_code_period_value: Option<String>,
    /// Start of the new-code period this analysis used.
    pub new_code_since: Option<DateTimeWithTimeZone>,
    /// Null until the gate is evaluated.
    pub quality_gate_status: Option<SastQualityGateResult>,
    /// `[{metric_key, operator, threshold, actual, status}]`, one entry per condition.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub quality_gate_details: Option<Json>,
    /// Issue counts by type and severity.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub issue_counts: Json,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::sast_projects::Entity",
        from = "Column::ProjectId",
        to = "super::sast_projects::Column::Id",
        on_delete = "Cascade",
        fk_name = "sast_scans_project_id_fkey"
    )]
    Project,
}

impl Related<super::sast_projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
