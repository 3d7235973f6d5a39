SELECT json_agg(f) FROM (
  SELECT id, event_time, action, direction, protocol, src_ip, src_port, dst_ip, dst_port, length,
         bytes_sent, bytes_received, rule_name, interface, application
  FROM firewall_logs ORDER BY id DESC LIMIT 1000) f;
