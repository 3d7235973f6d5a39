SELECT json_agg(t) FROM (SELECT id, title FROM incidents ORDER BY id LIMIT 20) t;
