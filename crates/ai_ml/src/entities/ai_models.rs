//! Registered model versions (MLflow model registry): task, stage, status, artifact and the
//! decision threshold used by predictions.

use sea_orm::entity::prelude::*;

/// What the model is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "ai_model_task")]
pub enum AiModelTask {
    #[sea_orm(string_value = "alert_triage")]
    AlertTriage,
    #[sea_orm(string_value = "phishing_classification")]
    PhishingClassification,
    #[sea_orm(string_value = "malware_classification")]
    MalwareClassification,
    #[sea_orm(string_value = "anomaly_detection")]
    AnomalyDetection,
    #[sea_orm(string_value = "ueba")]
    Ueba,
    #[sea_orm(string_value = "finding_prioritisation")]
    FindingPrioritisation,
}

/// Deployment stage of a model version (MLflow stage).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "ai_model_stage")]
pub enum AiModelStage {
    #[sea_orm(string_value = "None")]
    None,
    #[sea_orm(string_value = "Staging")]
    Staging,
    #[sea_orm(string_value = "Production")]
    Production,
    #[sea_orm(string_value = "Archived")]
    Archived,
}

/// Registration state of a model version (MLflow `ModelVersionStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", enum_name = "ai_model_status")]
pub enum AiModelStatus {
    #[sea_orm(string_value = "PENDING_REGISTRATION")]
    PendingRegistration,
    #[sea_orm(string_value = "FAILED_REGISTRATION")]
    FailedRegistration,
    #[sea_orm(string_value = "READY")]
    Ready,
}

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ai_models")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Unique together with `version`.
    pub name: String,
    #[sea_orm(default_value = 1)]
    pub version: i32,
    pub task: AiModelTask,
    /// `scikit-learn`, `xgboost`, `pytorch`, `onnx`…
    pub framework: Option<String>,
    #[sea_orm(default_value = "None")]
    pub stage: AiModelStage,
    #[sea_orm(default_value = "PENDING_REGISTRATION")]
    pub status: AiModelStatus,
    pub artifact_uri: Option<String>,
    /// Expected features (JSON Schema or MLflow signature).
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub input_schema: Option<Json>,
    /// Evaluation results: precision, recall, f1, auc…
    #[sea_orm(column_type = "JsonBinary", default_expr = "Expr::cust(\"'{}'::jsonb\")")]
    pub metrics: Json,
    /// Score at or above which the positive label is predicted (0–1).
    pub decision_threshold: Option<f64>,
    /// The run that produced this version.
    pub training_job_id: Option<Uuid>,
    pub deployed_at: Option<DateTimeWithTimeZone>,
    pub description: Option<String>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::ai_training_jobs::Entity",
        from = "Column::TrainingJobId",
        to = "super::ai_training_jobs::Column::Id",
        on_delete = "SetNull",
        fk_name = "ai_models_training_job_id_fkey"
    )]
    TrainingJob,
}

impl Related<super::ai_training_jobs::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TrainingJob.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
