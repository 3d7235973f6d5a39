-- Reverse of the up migration.
DROP TABLE project_issues;
DROP TABLE project_scans;
DROP TABLE projects;
