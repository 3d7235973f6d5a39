-- Reverse of the up migration.
DROP TABLE dast_reports;
DROP TABLE dast_payloads;
DROP TABLE dast_vulnerabilities;
DROP TABLE dast_scans;
DROP TABLE dast_sessions;
DROP TABLE dast_projects;
