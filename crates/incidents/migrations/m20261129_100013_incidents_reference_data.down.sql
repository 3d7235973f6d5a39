-- Reverse of the up migration: the seeded rows, by natural key (references to them from
-- incidents are set to null by the foreign keys).
DELETE FROM incident_categories
WHERE key IN (
    'abusive-content:spam', 'abusive-content:harmful-speech', 'abusive-content:violence',
    'malicious-code:infected-system', 'malicious-code:c2-server',
    'malicious-code:malware-distribution', 'malicious-code:malware-configuration',
    'malicious-code:ransomware',
    'information-gathering:scanner', 'information-gathering:sniffing',
    'information-gathering:social-engineering',
    'intrusion-attempts:ids-alert', 'intrusion-attempts:brute-force', 'intrusion-attempts:exploit',
    'intrusions:privileged-account-compromise', 'intrusions:unprivileged-account-compromise',
    'intrusions:application-compromise', 'intrusions:system-compromise', 'intrusions:burglary',
    'availability:dos', 'availability:ddos', 'availability:misconfiguration',
    'availability:sabotage', 'availability:outage',
    'information-content-security:unauthorised-information-access',
    'information-content-security:unauthorised-information-modification',
    'information-content-security:data-loss', 'information-content-security:data-leak',
    'fraud:unauthorized-use-of-resources', 'fraud:copyright', 'fraud:masquerade', 'fraud:phishing',
    'vulnerable:weak-crypto', 'vulnerable:ddos-amplifier',
    'vulnerable:potentially-unwanted-accessible', 'vulnerable:information-disclosure',
    'vulnerable:vulnerable-system',
    'other:other', 'other:undetermined',
    'test:test'
);
DELETE FROM incident_statuses
WHERE key IN ('new', 'in_progress', 'containment', 'eradication', 'recovery', 'post_incident',
              'reporting', 'on_hold', 'closed');
DELETE FROM incident_priorities WHERE key IN ('P1', 'P2', 'P3', 'P4');
