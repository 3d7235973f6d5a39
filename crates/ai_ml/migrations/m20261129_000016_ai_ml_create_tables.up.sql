-- ai_ml: training jobs, registered model versions and their predictions (MLflow shapes).
-- Columns: docs domain-model.md §12. Enums are text + CHECK; every foreign key is indexed.
-- Depends on iam (users).

-- ---------------------------------------------------------------------------------------------
CREATE TABLE ai_training_jobs (
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    model_name       text        NOT NULL,
    status           text        NOT NULL DEFAULT 'SCHEDULED',
    params           jsonb       NOT NULL DEFAULT '{}',
    metrics          jsonb       NOT NULL DEFAULT '{}',
    dataset_ref      text,
    dataset_sha256   text,
    rows_train       integer,
    rows_validation  integer,
    rows_test        integer,
    started_at       timestamptz,
    ended_at         timestamptz,
    artifact_uri     text,
    log_uri          text,
    triggered_by     uuid,
    error            text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ai_training_jobs_pkey PRIMARY KEY (id),
    CONSTRAINT ai_training_jobs_triggered_by_fkey FOREIGN KEY (triggered_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ai_training_jobs_status_check
        CHECK (status IN ('SCHEDULED', 'RUNNING', 'FINISHED', 'FAILED', 'KILLED')),
    CONSTRAINT ai_training_jobs_params_check CHECK (jsonb_typeof(params) = 'object'),
    CONSTRAINT ai_training_jobs_metrics_check CHECK (jsonb_typeof(metrics) = 'object'),
    CONSTRAINT ai_training_jobs_dataset_sha256_check CHECK (dataset_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT ai_training_jobs_rows_train_check CHECK (rows_train >= 0),
    CONSTRAINT ai_training_jobs_rows_validation_check CHECK (rows_validation >= 0),
    CONSTRAINT ai_training_jobs_rows_test_check CHECK (rows_test >= 0),
    CONSTRAINT ai_training_jobs_ended_at_check CHECK (ended_at >= started_at)
);
COMMENT ON TABLE ai_training_jobs IS 'Model training job tracking';
CREATE INDEX ai_training_jobs_triggered_by_idx ON ai_training_jobs (triggered_by);
CREATE INDEX ai_training_jobs_model_name_idx ON ai_training_jobs (model_name);
CREATE INDEX ai_training_jobs_status_idx ON ai_training_jobs (status);
CREATE INDEX ai_training_jobs_created_at_idx ON ai_training_jobs (created_at);

-- ---------------------------------------------------------------------------------------------
CREATE TABLE ai_models (
    id                  uuid             NOT NULL DEFAULT gen_random_uuid(),
    name                text             NOT NULL,
    version             integer          NOT NULL DEFAULT 1,
    task                text             NOT NULL,
    framework           text,
    stage               text             NOT NULL DEFAULT 'None',
    status              text             NOT NULL DEFAULT 'PENDING_REGISTRATION',
    artifact_uri        text,
    input_schema        jsonb,
    metrics             jsonb            NOT NULL DEFAULT '{}',
    decision_threshold  double precision,
    training_job_id     uuid,
    deployed_at         timestamptz,
    description         text,
    created_at          timestamptz      NOT NULL DEFAULT now(),
    updated_at          timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT ai_models_pkey PRIMARY KEY (id),
    CONSTRAINT ai_models_name_version_key UNIQUE (name, version),
    CONSTRAINT ai_models_training_job_id_fkey FOREIGN KEY (training_job_id)
        REFERENCES ai_training_jobs (id) ON DELETE SET NULL,
    CONSTRAINT ai_models_task_check
        CHECK (task IN ('alert_triage', 'phishing_classification', 'malware_classification',
                        'anomaly_detection', 'ueba', 'finding_prioritisation')),
    CONSTRAINT ai_models_stage_check CHECK (stage IN ('None', 'Staging', 'Production', 'Archived')),
    CONSTRAINT ai_models_status_check
        CHECK (status IN ('PENDING_REGISTRATION', 'FAILED_REGISTRATION', 'READY')),
    CONSTRAINT ai_models_version_check CHECK (version >= 1),
    CONSTRAINT ai_models_decision_threshold_check CHECK (decision_threshold BETWEEN 0 AND 1),
    CONSTRAINT ai_models_metrics_check CHECK (jsonb_typeof(metrics) = 'object')
);
COMMENT ON TABLE ai_models IS 'Machine learning model management';
CREATE INDEX ai_models_training_job_id_idx ON ai_models (training_job_id);
-- "The production model for this task".
CREATE INDEX ai_models_task_stage_idx ON ai_models (task, stage);
CREATE INDEX ai_models_status_idx ON ai_models (status);
CREATE INDEX ai_models_created_at_idx ON ai_models (created_at);

-- ---------------------------------------------------------------------------------------------
-- Append-mostly, high volume (feedback columns are the only updates).
CREATE TABLE ai_predictions (
    id               uuid             NOT NULL DEFAULT gen_random_uuid(),
    model_id         uuid             NOT NULL,
    entity_type      text             NOT NULL,
    entity_id        uuid             NOT NULL,
    predicted_label  text             NOT NULL,
    score            double precision NOT NULL,
    threshold        double precision,
    explanation      jsonb,
    latency_ms       integer,
    feedback_label   text,
    feedback_by      uuid,
    feedback_at      timestamptz,
    created_at       timestamptz      NOT NULL DEFAULT now(),
    updated_at       timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT ai_predictions_pkey PRIMARY KEY (id),
    CONSTRAINT ai_predictions_model_id_fkey FOREIGN KEY (model_id)
        REFERENCES ai_models (id) ON DELETE CASCADE,
    CONSTRAINT ai_predictions_feedback_by_fkey FOREIGN KEY (feedback_by)
        REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ai_predictions_threshold_check CHECK (threshold BETWEEN 0 AND 1),
    CONSTRAINT ai_predictions_latency_ms_check CHECK (latency_ms >= 0)
);
COMMENT ON TABLE ai_predictions IS 'AI prediction results';
-- Predictions of a model over time; also the FK index.
CREATE INDEX ai_predictions_model_id_created_at_idx ON ai_predictions (model_id, created_at);
CREATE INDEX ai_predictions_feedback_by_idx ON ai_predictions (feedback_by);
-- "Predictions about this e-mail / alert".
CREATE INDEX ai_predictions_entity_type_entity_id_idx ON ai_predictions (entity_type, entity_id);
-- High volume, append-mostly: BRIN on the event time.
CREATE INDEX ai_predictions_created_at_idx ON ai_predictions USING brin (created_at);
-- Retraining picks up the predictions analysts labelled.
CREATE INDEX ai_predictions_feedback_at_idx ON ai_predictions (model_id, feedback_at)
    WHERE feedback_label IS NOT NULL;
