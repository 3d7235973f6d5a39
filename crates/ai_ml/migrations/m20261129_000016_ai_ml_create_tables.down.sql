-- Reverse of the up migration.
DROP TABLE ai_predictions;
DROP TABLE ai_models;
DROP TABLE ai_training_jobs;
