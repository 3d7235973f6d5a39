-- A project's latest scans by creation (dashboards' "last N scans", the benchmark's S2): one
-- index range scan per project instead of sorting all of a project's scans.
CREATE INDEX sast_scans_project_id_created_at_idx ON sast_scans (project_id, created_at, id);
