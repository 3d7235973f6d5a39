-- Reverse of the up migration (the cross-domain FKs go with their tables).
DROP TABLE rasp_integrations;
DROP TABLE rasp_telemetry;
DROP TABLE rasp_attacks;
DROP TABLE rasp_alerts;
DROP TABLE rasp_virtual_patches;
DROP TABLE rasp_vulnerabilities;
DROP TABLE rasp_rules;
DROP TABLE rasp_agents;
