-- Reverse of the up migration.
DROP TABLE app_security_issues;
DROP TABLE app_security_scans;
