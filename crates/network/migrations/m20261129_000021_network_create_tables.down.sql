-- Reverse of the up migration.
DROP TABLE nac_logs;
DROP TABLE vpn_sessions;
DROP TABLE ids_alerts;
DROP TABLE firewall_logs;
DROP TABLE network_devices;
