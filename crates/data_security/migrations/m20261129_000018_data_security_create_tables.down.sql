-- Reverse of the up migration: first the constraints added to earlier domains' tables.
ALTER TABLE external_integrations DROP CONSTRAINT external_integrations_key_id_fkey;
ALTER TABLE mfa_devices DROP CONSTRAINT mfa_devices_key_id_fkey;
DROP TABLE security_reports;
DROP TABLE security_compliance;
DROP TABLE data_tokenization;
DROP TABLE data_masking;
DROP TABLE database_vulnerabilities;
DROP TABLE database_audit_logs;
DROP TABLE database_connections;
DROP TABLE database_access_requests;
DROP TABLE data_discovery;
DROP TABLE dlp_incidents;
DROP TABLE dlp_policies;
DROP TABLE database_encryption;
DROP TABLE encrypted_assets;
DROP TABLE encryption_keys;
