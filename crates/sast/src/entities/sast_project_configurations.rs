//! Structured analysis scope of a project (`sonar.sources`, `sonar.exclusions`, coverage reports,
//! quality profiles, new-code period, SCM and CI).

use sea_orm::entity::prelude::*;

pub use super::sast_scans::SastNewCodePeriodType;

/// Source control system of a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "sast_scm_provider")]
pub enum SastScmProvider {
    #[sea_orm(string_value = "git")]
    Git,
    #[sea_orm(string_value = "svn")]
    Svn,
    #[sea_orm(string_value = "none")]
    None,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sast_project_configurations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub project_id: Uuid,
    /// `sonar.sources`.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub sources: Vec<String>,
    /// `sonar.tests`.
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub tests: Vec<String>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub inclusions: Vec<String>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub exclusions: Vec<String>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub test_exclusions: Vec<String>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub coverage_exclusions: Vec<String>,
    #[sea_orm(default_expr = "Expr::cust(\"'{}'::text[]\")")]
    pub cpd_exclusions: Vec<String>,
    /// Coverage report paths per language.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub coverage_report_paths: Json,
    /// `{language: profile_name}`.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub quality_profiles: Json,
    pub new_code_period_type: Option<SastNewCodePeriodType>,
    pub new_code_period_value: Option<String>,
    #[sea_orm(default_value = "git")]
    pub scm_provider: SastScmProvider,
    /// Analysis results are posted on pull requests.
    #[sea_orm(default_value = false)]
    pub pr_decoration: bool,
    /// e.g. `github_actions`, `gitlab_ci`, `jenkins`.
    pub ci_system: Option<String>,
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
        fk_name = "sast_project_configurations_project_id_fkey"
    )]
    Project,
}

impl Related<super::sast_projects::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Project.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
