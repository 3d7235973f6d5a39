-- Reverse of the up migration.
DROP TABLE analytics_reports;
DROP TABLE analytics_dashboards;
DROP TABLE analytics_metrics;
