-- Reverse of the up migration. The citext extension stays: other schemas may use it.
DROP TABLE mfa_backup_codes;
DROP TABLE mfa_devices;
DROP TABLE iam_audit_logs;
DROP TABLE iam_sessions;
DROP TABLE iam_users;
DROP TABLE team_members;
DROP TABLE teams;
DROP TABLE users;
