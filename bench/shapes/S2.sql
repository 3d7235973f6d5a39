SELECT json_agg(p) FROM (
  SELECT p.id, p.key, p.name,
    (SELECT coalesce(json_agg(s), '[]') FROM (
      SELECT s.id, s.analysis_date, s.status,
        (SELECT coalesce(json_agg(i), '[]') FROM (
          SELECT i.id, i.message, i.severity, i.platform_severity, i.line,
            (SELECT json_build_object('id', r.id, 'rule_key', r.rule_key, 'name', r.name)
             FROM sast_rules r WHERE r.id = i.rule_id) AS rule
          FROM sast_issues i
          WHERE i.last_scan_id = s.id AND i.platform_severity IN ('critical', 'high')
          ORDER BY i.id LIMIT 10) i) AS issues
      FROM sast_scans s WHERE s.project_id = p.id
      ORDER BY s.created_at DESC, s.id DESC LIMIT 5) s) AS scans
  FROM sast_projects p ORDER BY p.key LIMIT 10) p;
