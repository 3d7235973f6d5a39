#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod ai_models;
    pub mod ai_predictions;
    pub mod ai_training_jobs;
}

use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `ai_ml` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("ai_ml").migrations(vec![sql_migration!("m20261129_000016_ai_ml_create_tables")]).tables(vec![
        TableDef::new::<ai_models::Entity>()
            .description("Machine learning model management")
            .enumeration::<ai_models::AiModelTask>(ai_models::Column::Task)
            .enumeration::<ai_models::AiModelStage>(ai_models::Column::Stage)
            .enumeration::<ai_models::AiModelStatus>(ai_models::Column::Status)
            .unique([ai_models::Column::Name, ai_models::Column::Version]),
        TableDef::new::<ai_predictions::Entity>().description("AI prediction results"),
        TableDef::new::<ai_training_jobs::Entity>()
            .description("Model training job tracking")
            .enumeration::<ai_training_jobs::AiTrainingJobStatus>(ai_training_jobs::Column::Status),
    ])
}
