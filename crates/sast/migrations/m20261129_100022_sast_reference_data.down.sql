-- Reverse of the reference data: removes the seeded rows (their CWE / OWASP mappings go with the
-- rules, ON DELETE CASCADE). Fails while issues or hotspots still point at a seeded rule.
DELETE FROM sast_code_smell_categories
WHERE key IN ('conventional', 'formatted', 'identifiable', 'clear', 'complete', 'efficient',
              'logical', 'distinct', 'focused', 'modular', 'tested', 'lawful', 'respectful',
              'trustworthy', 'convention', 'brain-overload', 'unused', 'redundant', 'clumsy',
              'confusing', 'bad-practice', 'design', 'obsolete', 'performance');
DELETE FROM sast_bug_categories
WHERE key IN ('conventional', 'formatted', 'identifiable', 'clear', 'complete', 'efficient',
              'logical', 'distinct', 'focused', 'modular', 'tested', 'lawful', 'respectful',
              'trustworthy', 'suspicious', 'pitfall', 'error-handling', 'multi-threading',
              'unpredictable');
DELETE FROM sast_rules
WHERE (repository, rule_key) IN (
    ('javasecurity', 'S3649'), ('javasecurity', 'S2076'), ('javasecurity', 'S5131'),
    ('javasecurity', 'S2083'), ('javasecurity', 'S5144'), ('javasecurity', 'S2078'),
    ('javasecurity', 'S5135'), ('java', 'S2755'), ('java', 'S5547'), ('java', 'S2068'),
    ('java', 'S4502'), ('java', 'S2245'));
DELETE FROM sast_quality_gates WHERE name = 'Sonar way' AND is_built_in;
