SELECT json_agg(i) FROM (
  SELECT i.id, i.number, i.title, i.severity, i.detected_at,
    (SELECT coalesce(json_agg(r), '[]') FROM (
      SELECT r.id, r.title, r.status, r."order" FROM incident_responses r
      WHERE r.incident_id = i.id ORDER BY r."order", r.id LIMIT 10) r) AS responses,
    (SELECT json_build_object('id', c.id, 'name', c.name) FROM incident_categories c WHERE c.id = i.category_id) AS category,
    (SELECT json_build_object('id', p.id, 'key', p.key, 'name', p.name) FROM incident_priorities p WHERE p.id = i.priority_id) AS priority,
    (SELECT json_build_object('id', u.id, 'username', u.username, 'display_name', u.display_name,
       'teams', (SELECT coalesce(json_agg(t), '[]') FROM (
         SELECT t.id, t.name, t.slug FROM team_members m JOIN teams t ON t.id = m.team_id
         WHERE m.user_id = u.id ORDER BY m.id LIMIT 10) t))
     FROM users u WHERE u.id = i.assignee_id) AS assignee
  FROM incidents i ORDER BY i.detected_at DESC, i.id DESC LIMIT 20) i;
