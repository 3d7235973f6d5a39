//! Model training runs (MLflow `Run`): parameters, dataset, metrics and artifacts.

use sea_orm::entity::prelude::*;

/// State of a training run (MLflow `RunStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "ai_training_job_status")]
pub enum AiTrainingJobStatus {
    #[sea_orm(string_value = "SCHEDULED")]
    Scheduled,
    #[sea_orm(string_value = "RUNNING")]
    Running,
    #[sea_orm(string_value = "FINISHED")]
    Finished,
    #[sea_orm(string_value = "FAILED")]
    Failed,
    #[sea_orm(string_value = "KILLED")]
    Killed,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ai_training_jobs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Name of the model being trained (`ai_models.name` of the version it produces).
    pub model_name: String,
    #[sea_orm(default_value = "SCHEDULED")]
    pub status: AiTrainingJobStatus,
    /// Hyper-parameters.
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub params: Json,
    /// Evaluation results: precision, recall, f1, auc…
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub metrics: Json,
    /// Where the training data comes from (table snapshot, object-store path).
    pub dataset_ref: Option<String>,
    /// sha256 (hex) of the dataset, for reproducibility.
    pub dataset_sha256: Option<String>,
    pub rows_train: Option<i32>,
    pub rows_validation: Option<i32>,
    pub rows_test: Option<i32>,
    pub started_at: Option<DateTimeWithTimeZone>,
    pub ended_at: Option<DateTimeWithTimeZone>,
    pub artifact_uri: Option<String>,
    pub log_uri: Option<String>,
    /// Who started it; null for scheduled retraining.
    pub triggered_by: Option<Uuid>,
    pub error: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::TriggeredBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "ai_training_jobs_triggered_by_fkey"
    )]
    TriggeredBy,
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TriggeredBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
