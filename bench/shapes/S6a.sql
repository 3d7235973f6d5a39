SELECT json_agg(f) FROM (
  SELECT id, event_time, action, src_ip, dst_ip, dst_port FROM firewall_logs ORDER BY id LIMIT 20) f;
