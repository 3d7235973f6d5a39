-- network: network infrastructure, firewall logs (pfSense filterlog), IDS alerts (Suricata EVE),
-- VPN sessions (RADIUS accounting, RFC 2866) and NAC logs (RADIUS / PacketFence).
-- Columns: docs domain-model.md §6. Enums are text + CHECK; every foreign key is indexed.
-- Depends on iam (teams, iam_users), threat_intel (threat_intelligence), incidents (incidents)
-- and endpoint (devices).

-- ---------------------------------------------------------------------------------------------
CREATE TABLE network_devices (
    id                     uuid        NOT NULL DEFAULT gen_random_uuid(),
    hostname               text        NOT NULL,
    vendor                 text,
    model                  text,
    device_type            text        NOT NULL,
    management_ip          inet,
    serial                 text,
    firmware_version       text,
    site                   text,
    zone                   text,
    status                 text        NOT NULL DEFAULT 'unknown',
    last_seen_at           timestamptz,
    last_config_backup_at  timestamptz,
    log_format             text,
    owner_team_id          uuid,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT network_devices_pkey PRIMARY KEY (id),
    CONSTRAINT network_devices_owner_team_id_fkey FOREIGN KEY (owner_team_id)
        REFERENCES teams (id) ON DELETE SET NULL,
    CONSTRAINT network_devices_device_type_check
        CHECK (device_type IN ('firewall', 'router', 'switch', 'ids_sensor', 'vpn_gateway',
                               'wireless_controller', 'access_point', 'load_balancer',
                               'nac_server', 'proxy')),
    CONSTRAINT network_devices_status_check
        CHECK (status IN ('up', 'down', 'degraded', 'maintenance', 'unknown')),
    CONSTRAINT network_devices_log_format_check
        CHECK (log_format IN ('suricata_eve', 'pf_filterlog', 'cef', 'leef', 'syslog', 'radius'))
);
COMMENT ON TABLE network_devices IS 'Network infrastructure devices';
CREATE INDEX network_devices_owner_team_id_idx ON network_devices (owner_team_id);
CREATE INDEX network_devices_hostname_idx ON network_devices (hostname);
CREATE INDEX network_devices_management_ip_idx ON network_devices (management_ip);
CREATE INDEX network_devices_device_type_idx ON network_devices (device_type);
CREATE INDEX network_devices_status_idx ON network_devices (status);
CREATE INDEX network_devices_site_idx ON network_devices (site);
CREATE INDEX network_devices_created_at_idx ON network_devices (created_at);

-- ---------------------------------------------------------------------------------------------
-- High-volume, append-only (partitioning by month comes later). pfSense filterlog fields plus
-- the session counters of session firewalls. The reporting device is kept optional so that a
-- log survives its device.
CREATE TABLE firewall_logs (
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    event_time      timestamptz NOT NULL,
    ingested_at     timestamptz NOT NULL DEFAULT now(),
    device_id       uuid,
    rule_number     integer,
    sub_rule        integer,
    anchor          text,
    tracker         text,
    rule_name       text,
    interface       text,
    reason          text,
    action          text        NOT NULL,
    direction       text,
    ip_version      smallint,
    protocol        text,
    src_ip          inet,
    src_port        integer,
    dst_ip          inet,
    dst_port        integer,
    length          integer,
    tcp_flags       text,
    bytes_sent      bigint,
    bytes_received  bigint,
    nat_src_ip      inet,
    nat_dst_ip      inet,
    src_zone        text,
    dst_zone        text,
    user_name       text,
    application     text,
    src_geo         text,
    dst_geo         text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT firewall_logs_pkey PRIMARY KEY (id),
    CONSTRAINT firewall_logs_device_id_fkey FOREIGN KEY (device_id)
        REFERENCES network_devices (id) ON DELETE SET NULL,
    CONSTRAINT firewall_logs_action_check CHECK (action IN ('pass', 'block', 'reject')),
    CONSTRAINT firewall_logs_direction_check CHECK (direction IN ('in', 'out')),
    CONSTRAINT firewall_logs_ip_version_check CHECK (ip_version IN (4, 6)),
    CONSTRAINT firewall_logs_src_port_check CHECK (src_port BETWEEN 0 AND 65535),
    CONSTRAINT firewall_logs_dst_port_check CHECK (dst_port BETWEEN 0 AND 65535),
    CONSTRAINT firewall_logs_length_check CHECK (length >= 0),
    CONSTRAINT firewall_logs_bytes_sent_check CHECK (bytes_sent >= 0),
    CONSTRAINT firewall_logs_bytes_received_check CHECK (bytes_received >= 0)
);
COMMENT ON TABLE firewall_logs IS 'Firewall activity logs';
CREATE INDEX firewall_logs_event_time_idx ON firewall_logs USING brin (event_time);
-- A device's log stream; also the FK index.
CREATE INDEX firewall_logs_device_id_event_time_idx ON firewall_logs (device_id, event_time);
CREATE INDEX firewall_logs_src_ip_idx ON firewall_logs (src_ip);
CREATE INDEX firewall_logs_dst_ip_idx ON firewall_logs (dst_ip);
CREATE INDEX firewall_logs_action_event_time_idx ON firewall_logs (action, event_time);

-- ---------------------------------------------------------------------------------------------
-- High-volume, append-only. Suricata EVE `event_type = alert`; `timestamp` is the event time.
CREATE TABLE ids_alerts (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    "timestamp"        timestamptz NOT NULL,
    ingested_at        timestamptz NOT NULL DEFAULT now(),
    sensor_id          uuid,
    flow_id            bigint,
    pcap_cnt           bigint,
    in_iface           text,
    community_id       text,
    tx_id              integer,
    src_ip             inet,
    src_port           integer,
    dest_ip            inet,
    dest_port          integer,
    proto              text,
    app_proto          text,
    direction          text,
    action             text,
    gid                integer     NOT NULL DEFAULT 1,
    signature_id       integer     NOT NULL,
    rev                integer,
    signature          text        NOT NULL,
    category           text,
    native_severity    smallint,
    severity           text        NOT NULL,
    metadata           jsonb,
    http               jsonb,
    tls                jsonb,
    dns                jsonb,
    flow               jsonb,
    payload_printable  text,
    status             text        NOT NULL DEFAULT 'new',
    -- References threat_intelligence (threat_intel crate) and incidents (incidents crate).
    threat_intel_id    uuid,
    incident_id        uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ids_alerts_pkey PRIMARY KEY (id),
    CONSTRAINT ids_alerts_sensor_id_fkey FOREIGN KEY (sensor_id)
        REFERENCES network_devices (id) ON DELETE SET NULL,
    CONSTRAINT ids_alerts_threat_intel_id_fkey FOREIGN KEY (threat_intel_id)
        REFERENCES threat_intelligence (id) ON DELETE SET NULL,
    CONSTRAINT ids_alerts_incident_id_fkey FOREIGN KEY (incident_id)
        REFERENCES incidents (id) ON DELETE SET NULL,
    CONSTRAINT ids_alerts_direction_check CHECK (direction IN ('to_server', 'to_client')),
    CONSTRAINT ids_alerts_action_check CHECK (action IN ('allowed', 'blocked')),
    CONSTRAINT ids_alerts_severity_check
        CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
    CONSTRAINT ids_alerts_status_check
        CHECK (status IN ('new', 'acknowledged', 'escalated', 'false_positive', 'closed')),
    CONSTRAINT ids_alerts_src_port_check CHECK (src_port BETWEEN 0 AND 65535),
    CONSTRAINT ids_alerts_dest_port_check CHECK (dest_port BETWEEN 0 AND 65535),
    -- Suricata alert severity: 1 is the highest.
    CONSTRAINT ids_alerts_native_severity_check CHECK (native_severity >= 1),
    CONSTRAINT ids_alerts_metadata_check CHECK (jsonb_typeof(metadata) = 'object'),
    CONSTRAINT ids_alerts_flow_check CHECK (jsonb_typeof(flow) = 'object')
);
COMMENT ON TABLE ids_alerts IS 'Intrusion detection alerts';
CREATE INDEX ids_alerts_timestamp_idx ON ids_alerts USING brin ("timestamp");
CREATE INDEX ids_alerts_sensor_id_timestamp_idx ON ids_alerts (sensor_id, "timestamp");
CREATE INDEX ids_alerts_src_ip_idx ON ids_alerts (src_ip);
CREATE INDEX ids_alerts_dest_ip_idx ON ids_alerts (dest_ip);
CREATE INDEX ids_alerts_signature_id_timestamp_idx ON ids_alerts (signature_id, "timestamp");
-- Triage queue.
CREATE INDEX ids_alerts_status_severity_idx ON ids_alerts (status, severity);
CREATE INDEX ids_alerts_threat_intel_id_idx ON ids_alerts (threat_intel_id);
CREATE INDEX ids_alerts_incident_id_idx ON ids_alerts (incident_id);
-- Flow correlation across sensors and tools.
CREATE INDEX ids_alerts_community_id_idx ON ids_alerts (community_id);
CREATE INDEX ids_alerts_flow_id_idx ON ids_alerts (flow_id);

-- ---------------------------------------------------------------------------------------------
-- One row per RADIUS accounting session (Acct-Session-Id), updated by Interim-Update and Stop.
CREATE TABLE vpn_sessions (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    acct_session_id   text        NOT NULL,
    gateway_id        uuid,
    username          text        NOT NULL,
    iam_user_id       uuid,
    protocol          text        NOT NULL,
    auth_method       text,
    mfa_used          boolean     NOT NULL DEFAULT false,
    client_public_ip  inet,
    assigned_ip       inet,
    client_os         text,
    client_version    text,
    geo_country       text,
    started_at        timestamptz NOT NULL,
    ended_at          timestamptz,
    duration_s        integer,
    bytes_in          bigint      NOT NULL DEFAULT 0,
    bytes_out         bigint      NOT NULL DEFAULT 0,
    packets_in        bigint      NOT NULL DEFAULT 0,
    packets_out       bigint      NOT NULL DEFAULT 0,
    status            text        NOT NULL DEFAULT 'active',
    terminate_cause   text,
    last_interim_at   timestamptz,
    anomalies         text[]      NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT vpn_sessions_pkey PRIMARY KEY (id),
    -- Acct-Session-Id is unique per NAS; also the index of vpn_sessions_gateway_id_fkey.
    CONSTRAINT vpn_sessions_gateway_id_acct_session_id_key UNIQUE (gateway_id, acct_session_id),
    CONSTRAINT vpn_sessions_gateway_id_fkey FOREIGN KEY (gateway_id)
        REFERENCES network_devices (id) ON DELETE SET NULL,
    CONSTRAINT vpn_sessions_iam_user_id_fkey FOREIGN KEY (iam_user_id)
        REFERENCES iam_users (id) ON DELETE SET NULL,
    CONSTRAINT vpn_sessions_protocol_check
        CHECK (protocol IN ('ipsec_ikev2', 'openvpn', 'wireguard', 'ssl_vpn', 'l2tp')),
    CONSTRAINT vpn_sessions_auth_method_check
        CHECK (auth_method IN ('password', 'certificate', 'saml', 'radius', 'ldap')),
    CONSTRAINT vpn_sessions_status_check CHECK (status IN ('active', 'closed', 'failed')),
    CONSTRAINT vpn_sessions_terminate_cause_check
        CHECK (terminate_cause IN ('User-Request', 'Lost-Carrier', 'Lost-Service', 'Idle-Timeout',
                                   'Session-Timeout', 'Admin-Reset', 'Admin-Reboot', 'Port-Error',
                                   'NAS-Error', 'NAS-Request')),
    CONSTRAINT vpn_sessions_geo_country_check CHECK (char_length(geo_country) = 2),
    CONSTRAINT vpn_sessions_ended_at_check CHECK (ended_at >= started_at),
    CONSTRAINT vpn_sessions_duration_s_check CHECK (duration_s >= 0),
    CONSTRAINT vpn_sessions_bytes_in_check CHECK (bytes_in >= 0),
    CONSTRAINT vpn_sessions_bytes_out_check CHECK (bytes_out >= 0),
    CONSTRAINT vpn_sessions_packets_in_check CHECK (packets_in >= 0),
    CONSTRAINT vpn_sessions_packets_out_check CHECK (packets_out >= 0)
);
COMMENT ON TABLE vpn_sessions IS 'VPN connection sessions';
CREATE INDEX vpn_sessions_iam_user_id_idx ON vpn_sessions (iam_user_id);
CREATE INDEX vpn_sessions_username_idx ON vpn_sessions (username);
CREATE INDEX vpn_sessions_started_at_idx ON vpn_sessions (started_at);
CREATE INDEX vpn_sessions_client_public_ip_idx ON vpn_sessions (client_public_ip);
CREATE INDEX vpn_sessions_status_idx ON vpn_sessions (status);
-- Open sessions per identity (concurrent-session check).
CREATE INDEX vpn_sessions_username_active_idx ON vpn_sessions (username) WHERE status = 'active';
CREATE INDEX vpn_sessions_anomalies_idx ON vpn_sessions USING gin (anomalies);

-- ---------------------------------------------------------------------------------------------
-- High-volume, append-only. RADIUS authentication / accounting as seen by the NAC.
CREATE TABLE nac_logs (
    id                 uuid        NOT NULL DEFAULT gen_random_uuid(),
    event_time         timestamptz NOT NULL,
    ingested_at        timestamptz NOT NULL DEFAULT now(),
    -- MAC-48 as lower-case colon-separated hex (text: the API has no macaddr type).
    mac                text,
    ip                 inet,
    endpoint_hostname  text,
    username           text,
    -- References devices (endpoint crate, earlier in the migration order).
    device_id          uuid,
    nas_id             uuid,
    nas_port           text,
    ssid               text,
    auth_method        text,
    result             text        NOT NULL,
    reject_reason      text,
    assigned_vlan      integer,
    assigned_role      text,
    posture            text        NOT NULL DEFAULT 'unknown',
    node_status        text,
    action             text,
    acct_status_type   text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT nac_logs_pkey PRIMARY KEY (id),
    CONSTRAINT nac_logs_device_id_fkey FOREIGN KEY (device_id)
        REFERENCES devices (id) ON DELETE SET NULL,
    CONSTRAINT nac_logs_nas_id_fkey FOREIGN KEY (nas_id)
        REFERENCES network_devices (id) ON DELETE SET NULL,
    CONSTRAINT nac_logs_mac_check CHECK (mac ~ '^([0-9a-f]{2}:){5}[0-9a-f]{2}$'),
    CONSTRAINT nac_logs_auth_method_check
        CHECK (auth_method IN ('dot1x_eap_tls', 'dot1x_peap', 'mab', 'web_auth', 'guest')),
    CONSTRAINT nac_logs_result_check
        CHECK (result IN ('Access-Accept', 'Access-Reject', 'Access-Challenge')),
    CONSTRAINT nac_logs_assigned_vlan_check CHECK (assigned_vlan BETWEEN 1 AND 4094),
    CONSTRAINT nac_logs_posture_check CHECK (posture IN ('compliant', 'non_compliant', 'unknown')),
    CONSTRAINT nac_logs_node_status_check CHECK (node_status IN ('reg', 'unreg', 'pending')),
    CONSTRAINT nac_logs_action_check
        CHECK (action IN ('allow', 'quarantine', 'block', 'guest', 'remediate')),
    CONSTRAINT nac_logs_acct_status_type_check
        CHECK (acct_status_type IN ('Start', 'Stop', 'Interim-Update'))
);
COMMENT ON TABLE nac_logs IS 'Network access control logs';
CREATE INDEX nac_logs_event_time_idx ON nac_logs USING brin (event_time);
CREATE INDEX nac_logs_device_id_idx ON nac_logs (device_id);
CREATE INDEX nac_logs_nas_id_event_time_idx ON nac_logs (nas_id, event_time);
CREATE INDEX nac_logs_mac_idx ON nac_logs (mac);
CREATE INDEX nac_logs_username_idx ON nac_logs (username);
CREATE INDEX nac_logs_result_event_time_idx ON nac_logs (result, event_time);
