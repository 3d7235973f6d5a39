-- `project_id = ANY (ARRAY(…))` rather than EXISTS: the fastest form found by hand (EXISTS plans
-- the aggregate as a hash join over a sequential scan, 3x slower here).
SELECT json_build_object(
  'list', (SELECT json_agg(x) FROM (
    SELECT i.id, i.title, i.severity FROM project_issues i
    WHERE i.active AND i.project_id = ANY (ARRAY(SELECT p.id FROM projects p WHERE p.business_criticality IN ('very_high', 'high')))
    ORDER BY i.id LIMIT 20) x),
  'groups', (SELECT json_agg(g) FROM (
    SELECT i.severity, count(*) FROM project_issues i
    WHERE i.active AND i.project_id = ANY (ARRAY(SELECT p.id FROM projects p WHERE p.business_criticality IN ('very_high', 'high')))
    GROUP BY i.severity) g));
