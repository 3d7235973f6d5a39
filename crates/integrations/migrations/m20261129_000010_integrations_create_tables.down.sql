-- Reverse of the up migration.
DROP TABLE integration_logs;
DROP TABLE external_integrations;
