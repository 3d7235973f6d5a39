-- incidents reference data (domain-model.md §10, §15 logic #8, §17). Idempotent: ON CONFLICT on
-- the natural keys, so rows edited by an administrator are left alone.

-- ---------------------------------------------------------------------------------------------
-- Priorities: the ITIL impact × urgency matrix (the cell each priority stands for) and the
-- suggested targets: P1 acknowledge 15 min / resolve 4 h; P2 1 h / 8 h; P3 4 h / 24 h;
-- P4 8 h / 72 h. Unacknowledged incidents escalate after twice the response target.
INSERT INTO incident_priorities
    (key, level, name, impact, urgency, response_sla_minutes, resolution_sla_minutes,
     escalation_after_minutes, notify_channels, color)
VALUES
    ('P1', 1, 'Critical', 'high',   'high',    15,  240,  30, '{pager,chat,email}', '#D32F2F'),
    ('P2', 2, 'High',     'high',   'medium',  60,  480, 120, '{chat,email}',       '#F57C00'),
    ('P3', 3, 'Medium',   'medium', 'medium', 240, 1440, 480, '{email}',            '#FBC02D'),
    ('P4', 4, 'Low',      'low',    'low',    480, 4320, 960, '{email}',            '#388E3C')
ON CONFLICT (key) DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- Statuses: the DFIR-IRIS case states (Open, In progress, Containment, Eradication, Recovery,
-- Post-Incident, Reporting, Closed) plus an SLA-pausing "On hold". Closing requires a
-- resolution; a closed incident may be reopened (back to in_progress).
INSERT INTO incident_statuses
    (key, name, phase, is_terminal, pauses_sla, sort_order, allowed_next, requires_resolution)
VALUES
    ('new',           'New',           'new',           false, false, 1,
     '{in_progress,containment,on_hold,closed}', false),
    ('in_progress',   'In progress',   'triage',        false, false, 2,
     '{containment,eradication,recovery,post_incident,on_hold,closed}', false),
    ('containment',   'Containment',   'containment',   false, false, 3,
     '{in_progress,eradication,recovery,on_hold,closed}', false),
    ('eradication',   'Eradication',   'eradication',   false, false, 4,
     '{containment,recovery,on_hold,closed}', false),
    ('recovery',      'Recovery',      'recovery',      false, false, 5,
     '{eradication,post_incident,on_hold,closed}', false),
    ('post_incident', 'Post-Incident', 'post_incident', false, false, 6,
     '{reporting,closed}', false),
    ('reporting',     'Reporting',     'reporting',     false, false, 7,
     '{post_incident,closed}', false),
    ('on_hold',       'On hold',       'triage',        false, true,  8,
     '{new,in_progress,containment,eradication,recovery,post_incident,reporting,closed}', false),
    ('closed',        'Closed',        'closed',        true,  false, 9,
     '{in_progress}', true)
ON CONFLICT (key) DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- Categories: the RSIT (Reference Security Incident Taxonomy) category:type list, plus
-- malicious-code:ransomware (our addition, the example of logic #8: ransomware ≥ P1). Default
-- priorities are ours; notify_regulator marks the types that can be a personal-data breach.
INSERT INTO incident_categories
    (key, category, subcategory, name, default_priority_id, notify_regulator)
SELECT v.category || ':' || v.subcategory, v.category, v.subcategory, v.name, p.id, v.notify
FROM (VALUES
    ('abusive-content',              'spam',                                  'Spam',                                     'P4', false),
    ('abusive-content',              'harmful-speech',                        'Harmful speech',                           'P3', false),
    ('abusive-content',              'violence',                              'Violence',                                 'P3', false),
    ('malicious-code',               'infected-system',                       'Infected system',                          'P2', false),
    ('malicious-code',               'c2-server',                             'C2 server',                                'P2', false),
    ('malicious-code',               'malware-distribution',                  'Malware distribution',                     'P2', false),
    ('malicious-code',               'malware-configuration',                 'Malware configuration',                    'P3', false),
    ('malicious-code',               'ransomware',                            'Ransomware',                               'P1', true),
    ('information-gathering',        'scanner',                               'Scanning',                                 'P4', false),
    ('information-gathering',        'sniffing',                              'Sniffing',                                 'P3', false),
    ('information-gathering',        'social-engineering',                    'Social engineering',                       'P3', false),
    ('intrusion-attempts',           'ids-alert',                             'Exploitation of known vulnerabilities',    'P3', false),
    ('intrusion-attempts',           'brute-force',                           'Login attempts',                           'P3', false),
    ('intrusion-attempts',           'exploit',                               'New attack signature',                     'P3', false),
    ('intrusions',                   'privileged-account-compromise',         'Privileged account compromise',            'P1', false),
    ('intrusions',                   'unprivileged-account-compromise',       'Unprivileged account compromise',          'P2', false),
    ('intrusions',                   'application-compromise',                'Application compromise',                   'P2', false),
    ('intrusions',                   'system-compromise',                     'System compromise',                        'P1', false),
    ('intrusions',                   'burglary',                              'Burglary',                                 'P2', false),
    ('availability',                 'dos',                                   'Denial of service',                        'P2', false),
    ('availability',                 'ddos',                                  'Distributed denial of service',            'P2', false),
    ('availability',                 'misconfiguration',                      'Misconfiguration',                         'P3', false),
    ('availability',                 'sabotage',                              'Sabotage',                                 'P2', false),
    ('availability',                 'outage',                                'Outage',                                   'P3', false),
    ('information-content-security', 'unauthorised-information-access',       'Unauthorised access to information',       'P2', true),
    ('information-content-security', 'unauthorised-information-modification', 'Unauthorised modification of information', 'P2', true),
    ('information-content-security', 'data-loss',                             'Data loss',                                'P2', true),
    ('information-content-security', 'data-leak',                             'Leak of confidential information',         'P1', true),
    ('fraud',                        'unauthorized-use-of-resources',         'Unauthorised use of resources',            'P3', false),
    ('fraud',                        'copyright',                             'Copyright',                                'P4', false),
    ('fraud',                        'masquerade',                            'Masquerade',                               'P3', false),
    ('fraud',                        'phishing',                              'Phishing',                                 'P3', false),
    ('vulnerable',                   'weak-crypto',                           'Weak cryptography',                        'P4', false),
    ('vulnerable',                   'ddos-amplifier',                        'DDoS amplifier',                           'P4', false),
    ('vulnerable',                   'potentially-unwanted-accessible',       'Potentially unwanted accessible services', 'P4', false),
    ('vulnerable',                   'information-disclosure',                'Information disclosure',                   'P3', false),
    ('vulnerable',                   'vulnerable-system',                     'Vulnerable system',                        'P3', false),
    ('other',                        'other',                                 'Other',                                    'P4', false),
    ('other',                        'undetermined',                          'Undetermined',                             'P3', false),
    ('test',                         'test',                                  'Test',                                     'P4', false)
) AS v (category, subcategory, name, priority, notify)
LEFT JOIN incident_priorities p ON p.key = v.priority
ON CONFLICT (key) DO NOTHING;
