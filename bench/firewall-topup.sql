-- Adds :n firewall_logs rows in one statement (S6b pages past row 1,000,000). Ids are
-- UUIDv7-shaped (time-ordered, as the application makes them), so id order is event order.
--   psql -v n=1050000 -f bench/firewall-topup.sql
\set ON_ERROR_STOP on
WITH devices AS (
  SELECT id, row_number() OVER (ORDER BY id) AS n FROM network_devices
), rows AS (
  SELECT i, now() - make_interval(secs => (:n - i) * 2.5) AS t,
         1 + i % greatest((SELECT count(*) FROM network_devices), 1) AS device_n
  FROM generate_series(1, :n) i
)
INSERT INTO firewall_logs (id, event_time, ingested_at, device_id, rule_number, tracker, rule_name, interface,
                           reason, action, direction, ip_version, protocol, src_ip, src_port, dst_ip, dst_port,
                           length, tcp_flags, bytes_sent, bytes_received, src_zone, dst_zone, application,
                           created_at, updated_at)
SELECT (lpad(to_hex((extract(epoch FROM r.t) * 1000)::bigint), 12, '0') || '7' || substr(md5(r.i::text), 1, 3)
        || '8' || substr(md5(r.i::text), 4, 15))::uuid,
       r.t, r.t + interval '2 seconds', d.id, 1 + r.i % 60, (1000000000 + r.i % 60)::text,
       'rule-' || (r.i % 60), (ARRAY['wan', 'lan', 'dmz', 'opt1'])[1 + r.i % 4], 'match',
       (ARRAY['pass', 'pass', 'pass', 'block', 'reject'])[1 + r.i % 5], (ARRAY['in', 'out'])[1 + r.i % 2], 4,
       (ARRAY['tcp', 'udp', 'icmp'])[1 + r.i % 3],
       ('10.' || (r.i % 250) || '.' || (r.i / 250 % 250) || '.' || (1 + r.i % 200))::inet, 1024 + r.i % 60000,
       ('192.168.' || (r.i % 200) || '.' || (1 + r.i % 250))::inet, (ARRAY[443, 80, 22, 53, 3389])[1 + r.i % 5],
       40 + r.i % 1460, (ARRAY['S', 'SA', 'A', 'FA', 'R'])[1 + r.i % 5], r.i % 100000, r.i % 250000,
       (ARRAY['untrust', 'trust', 'dmz'])[1 + r.i % 3], (ARRAY['trust', 'untrust', 'dmz'])[1 + r.i % 3],
       (ARRAY['ssl', 'web-browsing', 'dns', 'ssh', 'ms-rdp'])[1 + r.i % 5], r.t, r.t
FROM rows r
LEFT JOIN devices d ON d.n = r.device_n;
