//! Predictions made by a model about a row of another table (polymorphic `entity_type` +
//! `entity_id`), with the analyst feedback that feeds retraining. `created_at` is the event time.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ai_predictions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub model_id: Uuid,
    /// Table of the scored row: `email_analyses`, `ids_alerts`, `user_activities`…
    pub entity_type: String,
    pub entity_id: Uuid,
    pub predicted_label: String,
    pub score: f64,
    /// Decision threshold in force when the prediction was made.
    pub threshold: Option<f64>,
    /// Top features and their contributions.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub explanation: Option<Json>,
    pub latency_ms: Option<i32>,
    /// The label an analyst confirmed or corrected.
    pub feedback_label: Option<String>,
    pub feedback_by: Option<Uuid>,
    pub feedback_at: Option<DateTimeWithTimeZone>,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::ai_models::Entity",
        from = "Column::ModelId",
        to = "super::ai_models::Column::Id",
        on_delete = "Cascade",
        fk_name = "ai_predictions_model_id_fkey"
    )]
    AiModel,
    #[sea_orm(
        belongs_to = "cybershield_iam::entities::users::Entity",
        from = "Column::FeedbackBy",
        to = "cybershield_iam::entities::users::Column::Id",
        on_delete = "SetNull",
        fk_name = "ai_predictions_feedback_by_fkey"
    )]
    FeedbackBy,
}

impl Related<super::ai_models::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AiModel.def()
    }
}

impl Related<cybershield_iam::entities::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::FeedbackBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
