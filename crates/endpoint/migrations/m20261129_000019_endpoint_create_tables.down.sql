-- Reverse of the up migration: first the constraints added to earlier domains' tables.
ALTER TABLE dlp_incidents DROP CONSTRAINT dlp_incidents_device_id_fkey;
ALTER TABLE encrypted_assets DROP CONSTRAINT encrypted_assets_device_id_fkey;
DROP TABLE endpoint_threats;
DROP TABLE endpoint_agents;
DROP TABLE policy_actions;
DROP TABLE device_events;
DROP TABLE device_policies;
DROP TABLE device_status;
DROP TABLE devices;
DROP TABLE event_types;
DROP TABLE device_types;
