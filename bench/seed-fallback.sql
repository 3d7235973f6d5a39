-- Benchmark data for the tables the shapes read, for builds without `cybershield seed`
-- (bench/run.sh uses the seed command when the binary has it). Deterministic for a given
-- :seed. firewall_logs is filled by firewall-topup.sql afterwards.
--   psql -v seed=1 -f bench/seed-fallback.sql
\set ON_ERROR_STOP on
SELECT setseed((:seed % 1000) / 1000.0);
BEGIN;

INSERT INTO teams (name, slug)
SELECT 'Team ' || i, 'team-' || i FROM generate_series(1, 20) i;

INSERT INTO users (email, username, role, display_name)
SELECT 'analyst' || i || '@example.com', 'analyst' || i,
       (ARRAY['analyst', 'developer', 'security_manager', 'viewer'])[1 + i % 4], 'Analyst ' || i
FROM generate_series(1, 200) i;

-- Every user in one or two teams.
INSERT INTO team_members (team_id, user_id, role)
SELECT t.id, u.id, 'writer'
FROM (SELECT id, row_number() OVER (ORDER BY username) AS n FROM users WHERE username LIKE 'analyst%') u
JOIN (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM teams) t
  ON t.n = 1 + u.n % 20 OR (u.n % 3 = 0 AND t.n = 1 + (u.n * 7) % 20);

-- SAST: 1,000 rules (beside the migrations' own); 200 projects x 30 scans; 200,000 issues (platform severity: 5 % critical,
-- 15 % high, 40 % medium, 30 % low, 10 % info).
INSERT INTO sast_rules (repository, rule_key, name, type, language, default_severity)
SELECT (ARRAY['java', 'javasecurity', 'python', 'javascript'])[1 + i % 4], 'BENCH' || i,
       'Rule ' || i || ': ' || (ARRAY['SQL injection', 'path traversal', 'weak hash', 'XSS', 'hard-coded secret'])[1 + i % 5],
       (ARRAY['BUG', 'VULNERABILITY', 'CODE_SMELL', 'SECURITY_HOTSPOT'])[1 + i % 4],
       (ARRAY['java', 'java', 'py', 'js'])[1 + i % 4],
       (ARRAY['BLOCKER', 'CRITICAL', 'MAJOR', 'MINOR', 'INFO'])[1 + i % 5]
FROM generate_series(1, 1000) i;

INSERT INTO sast_projects (key, name, team_id, languages)
SELECT 'acme:service-' || i, 'Service ' || i, (SELECT id FROM teams ORDER BY slug OFFSET i % 20 LIMIT 1), '{java}'
FROM generate_series(1, 200) i;

INSERT INTO sast_scans (project_id, branch, status, analysis_date, submitted_at, revision, created_at)
SELECT p.id, 'main', 'SUCCESS', ts, ts, md5(p.id::text || s), ts
FROM sast_projects p, generate_series(1, 30) s,
     LATERAL (SELECT now() - make_interval(days => 30 - s, secs => random() * 3600) AS ts) t;

CREATE TEMP TABLE bench_rules AS
  SELECT id, row_number() OVER (ORDER BY rule_key) AS n FROM sast_rules WHERE rule_key LIKE 'BENCH%';
CREATE TEMP TABLE bench_scans AS
  SELECT id, project_id, row_number() OVER (ORDER BY project_id, analysis_date) AS n FROM sast_scans;
INSERT INTO sast_issues (key, project_id, rule_id, first_scan_id, last_scan_id, component_path, line, message,
                         type, severity, platform_severity, created_at)
SELECT 'AX' || lpad(i::text, 8, '0'), s.project_id, r.id, s.id, s.id, 'src/main/java/App' || (i % 97) || '.java',
       1 + i % 400, 'Make sure this value is sanitised before use (issue ' || i || ').',
       (ARRAY['BUG', 'VULNERABILITY', 'CODE_SMELL'])[1 + i % 3],
       (ARRAY['BLOCKER', 'CRITICAL', 'MAJOR', 'MINOR', 'INFO'])[1 + i % 5],
       CASE WHEN x < 0.05 THEN 'critical' WHEN x < 0.20 THEN 'high' WHEN x < 0.60 THEN 'medium'
            WHEN x < 0.90 THEN 'low' ELSE 'info' END,
       now() - make_interval(secs => i)
FROM generate_series(1, 200000) i
JOIN bench_scans s ON s.n = 1 + i % 6000
JOIN bench_rules r ON r.n = 1 + (i * 7) % 1000,
     LATERAL (SELECT random() + i * 0 AS x) rnd;

-- Incidents over the reference data the migrations seed (4 priorities, 40 categories,
-- 9 statuses): 20,000 incidents x 5 responses.
CREATE TEMP TABLE bench_users AS
  SELECT id, row_number() OVER (ORDER BY username) AS n FROM users WHERE username LIKE 'analyst%';
CREATE TEMP TABLE bench_teams AS SELECT id, row_number() OVER (ORDER BY slug) AS n FROM teams;
CREATE TEMP TABLE bench_categories AS SELECT id, row_number() OVER (ORDER BY key) AS n FROM incident_categories;
CREATE TEMP TABLE bench_statuses AS SELECT id, row_number() OVER (ORDER BY sort_order, key) AS n FROM incident_statuses;
CREATE TEMP TABLE bench_priorities AS SELECT id, row_number() OVER (ORDER BY level) AS n FROM incident_priorities;
INSERT INTO incidents (title, description, severity, priority_id, category_id, status_id, assignee_id, team_id,
                       source, detected_at, created_at)
SELECT 'Incident ' || i || ': suspicious activity on host-' || (i % 500), 'Details of incident ' || i,
       1 + i % 4, p.id, c.id, s.id, u.id, t.id,
       (ARRAY['manual', 'siem', 'ids', 'edr', 'cloud'])[1 + i % 5], now() - make_interval(mins => i), now() - make_interval(mins => i)
FROM generate_series(1, 20000) i
JOIN bench_categories c ON c.n = 1 + i % (SELECT count(*) FROM bench_categories)
JOIN bench_statuses s ON s.n = 1 + i % (SELECT count(*) FROM bench_statuses)
JOIN bench_priorities p ON p.n = 1 + i % (SELECT count(*) FROM bench_priorities)
JOIN bench_users u ON u.n = 1 + (i * 13) % 200
JOIN bench_teams t ON t.n = 1 + i % 20;

INSERT INTO incident_responses (incident_id, title, "group", status, "order", action_type)
SELECT i.id, (ARRAY['Identify scope', 'Contain host', 'Eradicate malware', 'Restore service', 'Lessons learned'])[k],
       (ARRAY['Identification', 'Containment', 'Eradication', 'Recovery', 'Lessons learned'])[k],
       (ARRAY['Completed', 'Completed', 'InProgress', 'Waiting', 'Waiting'])[k], k, 'manual'
FROM incidents i, generate_series(1, 5) k;

-- Projects (the hub): 500 projects, 200,000 findings.
INSERT INTO projects (name, team_id, business_criticality)
SELECT 'Product ' || i, t.id, (ARRAY['very_high', 'high', 'medium', 'low', 'very_low'])[1 + i % 5]
FROM generate_series(1, 500) i JOIN bench_teams t ON t.n = 1 + i % 20;
CREATE TEMP TABLE bench_projects AS SELECT id, row_number() OVER (ORDER BY name) AS n FROM projects;
INSERT INTO project_issues (project_id, title, severity, active, created_at)
SELECT p.id, 'Finding ' || i,
       CASE WHEN x < 0.05 THEN 'Critical' WHEN x < 0.20 THEN 'High' WHEN x < 0.60 THEN 'Medium'
            WHEN x < 0.90 THEN 'Low' ELSE 'Info' END,
       i % 4 <> 0, now() - make_interval(mins => i)
FROM generate_series(1, 200000) i
JOIN bench_projects p ON p.n = 1 + i % 500,
     LATERAL (SELECT random() + i * 0 AS x) rnd;

-- Network: 50 firewalls (their logs come from firewall-topup.sql).
INSERT INTO network_devices (hostname, device_type, status, owner_team_id, site)
SELECT 'fw-' || i, 'firewall', 'up', t.id, 'site-' || (i % 5)
FROM generate_series(1, 50) i JOIN bench_teams t ON t.n = 1 + i % 20;

COMMIT;
