-- Reverse of the up migration: the seeded frameworks (and, by cascade, assessments against them).
DELETE FROM compliance_frameworks
WHERE key IN ('nist_csf_2_0', 'iso27001_2022', 'cis_controls_v8');
