-- sast reference data (domain-model.md §17), idempotent on natural keys:
-- the built-in "Sonar way" quality gate, a small catalogue of well-known SonarQube security rules
-- with their CWE and OWASP Top 10 2021 mappings, and the bug / code-smell lookup taxonomies.

-- ---------------------------------------------------------------------------------------------
-- Built-in, default, read-only gate: SonarQube "Sonar way" (conditions on new code).
INSERT INTO sast_quality_gates (name, description, is_built_in, is_default, conditions)
VALUES (
    'Sonar way',
    'Built-in SonarQube quality gate: new code must be clean (A ratings, hotspots reviewed, coverage at least 80 %, duplication at most 3 %).',
    true,
    true,
    '[
      {"metric_key": "new_reliability_rating", "operator": "GT", "error_threshold": "1", "on_new_code": true},
      {"metric_key": "new_security_rating", "operator": "GT", "error_threshold": "1", "on_new_code": true},
      {"metric_key": "new_maintainability_rating", "operator": "GT", "error_threshold": "1", "on_new_code": true},
      {"metric_key": "new_coverage", "operator": "LT", "error_threshold": "80", "on_new_code": true},
      {"metric_key": "new_duplicated_lines_density", "operator": "GT", "error_threshold": "3", "on_new_code": true},
      {"metric_key": "new_security_hotspots_reviewed", "operator": "LT", "error_threshold": "100", "on_new_code": true}
    ]'
)
ON CONFLICT (name) DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- Rules: Java taint-analysis vulnerabilities (javasecurity), Java vulnerabilities and hotspots
-- (java). Titles, types, default severities, CWE ids and OWASP Top 10 2021 categories as in the
-- SonarSource rule specifications (RSPEC metadata); remediation is a constant cost per issue.
INSERT INTO sast_rules (repository, rule_key, name, language, type, default_severity, status,
                        scope, clean_code_attribute, impacts, remediation_function,
                        remediation_base_effort, security_standards, sq_category, system_tags)
VALUES
    ('javasecurity', 'S3649', 'Database queries should not be vulnerable to injection attacks',
     'java', 'VULNERABILITY', 'BLOCKER', 'READY', 'MAIN', 'COMPLETE',
     '[{"software_quality": "SECURITY", "severity": "HIGH"}]', 'CONSTANT_ISSUE', '30min',
     '{cwe:20,cwe:89,cwe:564,cwe:943,owaspTop10-2021:a3}', 'sql-injection', '{cwe,sql}'),
    ('javasecurity', 'S2076', 'OS commands should not be vulnerable to command injection attacks',
     'java', 'VULNERABILITY', 'BLOCKER', 'READY', 'MAIN', 'COMPLETE',
     '[{"software_quality": "SECURITY", "severity": "HIGH"}]', 'CONSTANT_ISSUE', '30min',
     '{cwe:20,cwe:77,cwe:78,owaspTop10-2021:a3}', 'command-injection', '{cwe}'),
    ('javasecurity', 'S5131',
     'Endpoints should not be vulnerable to reflected cross-site scripting (XSS) attacks',
     'java', 'VULNERABILITY', 'BLOCKER', 'READY', 'MAIN', 'COMPLETE',
     '[{"software_quality": "SECURITY", "severity": "HIGH"}]', 'CONSTANT_ISSUE', '30min',
     '{cwe:79,cwe:80,owaspTop10-2021:a3}', 'xss', '{cwe}'),
    ('javasecurity', 'S2083', 'I/O function calls should not be vulnerable to path injection attacks',
     'java', 'VULNERABILITY', 'BLOCKER', 'READY', 'MAIN', 'COMPLETE',
     '[{"software_quality": "SECURITY", "severity": "HIGH"}]', 'CONSTANT_ISSUE', '30min',
     '{cwe:20,cwe:22,owaspTop10-2021:a1,owaspTop10-2021:a3}', 'path-traversal-injection', '{cwe}'),
    ('javasecurity', 'S5144', 'Server-side requests should not be vulnerable to forging attacks',
     'java', 'VULNERABILITY', 'MAJOR', 'READY', 'MAIN', 'COMPLETE',
     '[{"software_quality": "SECURITY", "severity": "MEDIUM"}]', 'CONSTANT_ISSUE', '30min',
     '{cwe:20,cwe:918,owaspTop10-2021:a10}', 'ssrf', '{cwe}'),
    ('javasecurity', 'S2078', 'LDAP queries should not be vulnerable to injection attacks',
     'java', 'VULNERABILITY', 'BLOCKER', 'READY', 'MAIN', 'COMPLETE',
     '[{"software_quality": "SECURITY", "severity": "HIGH"}]', 'CONSTANT_ISSUE', '30min',
     '{cwe:20,cwe:90,owaspTop10-2021:a3}', 'ldap-injection', '{cwe}'),
    ('javasecurity', 'S5135', 'Deserialization should not be vulnerable to injection attacks',
     'java', 'VULNERABILITY', 'BLOCKER', 'READY', 'MAIN', 'COMPLETE',
     '[{"software_quality": "SECURITY", "severity": "HIGH"}]', 'CONSTANT_ISSUE', '30min',
     '{cwe:134,cwe:502,owaspTop10-2021:a8}', 'object-injection', '{cwe}'),
    ('java', 'S2755', 'XML parsers should not be vulnerable to XXE attacks',
     'java', 'VULNERABILITY', 'BLOCKER', 'READY', 'MAIN', NULL,
     '[{"software_quality": "SECURITY", "severity": "HIGH"}]', 'CONSTANT_ISSUE', '15min',
     '{cwe:611,cwe:827,owaspTop10-2021:a5}', 'xxe', '{cwe}'),
    ('java', 'S5547', 'Cipher algorithms should be robust',
     'java', 'VULNERABILITY', 'CRITICAL', 'READY', 'MAIN', NULL,
     '[{"software_quality": "SECURITY", "severity": "HIGH"}]', 'CONSTANT_ISSUE', '15min',
     '{cwe:326,cwe:327,owaspTop10-2021:a2}', 'weak-cryptography', '{cwe,privacy}'),
    ('java', 'S2068', 'Hard-coded passwords are security-sensitive',
     'java', 'SECURITY_HOTSPOT', 'BLOCKER', 'READY', 'MAIN', NULL,
     '[]', 'CONSTANT_ISSUE', '30min',
     '{cwe:259,cwe:798,owaspTop10-2021:a7}', 'auth', '{cwe,cert}'),
    ('java', 'S4502', 'Disabling CSRF protections is security-sensitive',
     'java', 'SECURITY_HOTSPOT', 'CRITICAL', 'READY', 'MAIN', NULL,
     '[]', 'CONSTANT_ISSUE', '5min',
     '{cwe:352,owaspTop10-2021:a1}', 'csrf', '{cwe,spring}'),
    ('java', 'S2245', 'Using pseudorandom number generators (PRNGs) is security-sensitive',
     'java', 'SECURITY_HOTSPOT', 'CRITICAL', 'READY', 'MAIN', NULL,
     '[]', 'CONSTANT_ISSUE', '10min',
     '{cwe:326,cwe:330,cwe:338,owaspTop10-2021:a2}', 'weak-cryptography', '{cwe}')
ON CONFLICT (repository, rule_key) DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- CWE mappings of those rules. The category and its probability are the rule's SonarQube
-- security category (SecurityStandards.SQCategory); cwe_top25_years lists the CWE Top 25
-- editions (2023, 2024) that rank the weakness.
INSERT INTO sast_cwe_mappings (rule_id, cwe_id, cwe_name, sq_category, vulnerability_probability,
                               cwe_top25_years)
SELECT r.id, m.cwe_id, c.cwe_name, r.sq_category, p.probability, c.top25
FROM (VALUES
    ('javasecurity', 'S3649', 20), ('javasecurity', 'S3649', 89), ('javasecurity', 'S3649', 564),
    ('javasecurity', 'S3649', 943),
    ('javasecurity', 'S2076', 20), ('javasecurity', 'S2076', 77), ('javasecurity', 'S2076', 78),
    ('javasecurity', 'S5131', 79), ('javasecurity', 'S5131', 80),
    ('javasecurity', 'S2083', 20), ('javasecurity', 'S2083', 22),
    ('javasecurity', 'S5144', 20), ('javasecurity', 'S5144', 918),
    ('javasecurity', 'S2078', 20), ('javasecurity', 'S2078', 90),
    ('javasecurity', 'S5135', 134), ('javasecurity', 'S5135', 502),
    ('java', 'S2755', 611), ('java', 'S2755', 827),
    ('java', 'S5547', 326), ('java', 'S5547', 327),
    ('java', 'S2068', 259), ('java', 'S2068', 798),
    ('java', 'S4502', 352),
    ('java', 'S2245', 326), ('java', 'S2245', 330), ('java', 'S2245', 338)
) AS m (repository, rule_key, cwe_id)
JOIN sast_rules r ON r.repository = m.repository AND r.rule_key = m.rule_key
JOIN (VALUES
    (20, 'Improper Input Validation', '{2023,2024}'::integer[]),
    (22, 'Improper Limitation of a Pathname to a Restricted Directory (''Path Traversal'')', '{2023,2024}'),
    (77, 'Improper Neutralization of Special Elements used in a Command (''Command Injection'')', '{2023,2024}'),
    (78, 'Improper Neutralization of Special Elements used in an OS Command (''OS Command Injection'')', '{2023,2024}'),
    (79, 'Improper Neutralization of Input During Web Page Generation (''Cross-site Scripting'')', '{2023,2024}'),
    (80, 'Improper Neutralization of Script-Related HTML Tags in a Web Page (Basic XSS)', '{}'),
    (89, 'Improper Neutralization of Special Elements used in an SQL Command (''SQL Injection'')', '{2023,2024}'),
    (90, 'Improper Neutralization of Special Elements used in an LDAP Query (''LDAP Injection'')', '{}'),
    (134, 'Use of Externally-Controlled Format String', '{}'),
    (259, 'Use of Hard-coded Password', '{}'),
    (326, 'Inadequate Encryption Strength', '{}'),
    (327, 'Use of a Broken or Risky Cryptographic Algorithm', '{}'),
    (330, 'Use of Insufficiently Random Values', '{}'),
    (338, 'Use of Cryptographically Weak Pseudo-Random Number Generator (PRNG)', '{}'),
    (352, 'Cross-Site Request Forgery (CSRF)', '{2023,2024}'),
    (502, 'Deserialization of Untrusted Data', '{2023,2024}'),
    (564, 'SQL Injection: Hibernate', '{}'),
    (611, 'Improper Restriction of XML External Entity Reference', '{}'),
    (798, 'Use of Hard-coded Credentials', '{2023,2024}'),
    (827, 'Improper Control of Document Type Definition', '{}'),
    (918, 'Server-Side Request Forgery (SSRF)', '{2023,2024}'),
    (943, 'Improper Neutralization of Special Elements in Data Query Logic', '{}')
) AS c (cwe_id, cwe_name, top25) ON c.cwe_id = m.cwe_id
JOIN (VALUES
    ('sql-injection', 'HIGH'), ('command-injection', 'HIGH'), ('xss', 'HIGH'),
    ('path-traversal-injection', 'HIGH'), ('ssrf', 'MEDIUM'), ('ldap-injection', 'LOW'),
    ('object-injection', 'LOW'), ('xxe', 'MEDIUM'), ('weak-cryptography', 'MEDIUM'),
    ('auth', 'HIGH'), ('csrf', 'HIGH')
) AS p (sq_category, probability) ON p.sq_category = r.sq_category
ON CONFLICT (rule_id, cwe_id) DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- OWASP Top 10 2021 categories of those rules.
INSERT INTO sast_owasp_mappings (rule_id, standard, category, category_name)
SELECT r.id, 'owasp_top10_2021', m.category, n.category_name
FROM (VALUES
    ('javasecurity', 'S3649', 'a3'), ('javasecurity', 'S2076', 'a3'),
    ('javasecurity', 'S5131', 'a3'), ('javasecurity', 'S2083', 'a1'),
    ('javasecurity', 'S2083', 'a3'), ('javasecurity', 'S5144', 'a10'),
    ('javasecurity', 'S2078', 'a3'), ('javasecurity', 'S5135', 'a8'),
    ('java', 'S2755', 'a5'), ('java', 'S5547', 'a2'), ('java', 'S2068', 'a7'),
    ('java', 'S4502', 'a1'), ('java', 'S2245', 'a2')
) AS m (repository, rule_key, category)
JOIN sast_rules r ON r.repository = m.repository AND r.rule_key = m.rule_key
JOIN (VALUES
    ('a1', 'Broken Access Control'),
    ('a2', 'Cryptographic Failures'),
    ('a3', 'Injection'),
    ('a4', 'Insecure Design'),
    ('a5', 'Security Misconfiguration'),
    ('a6', 'Vulnerable and Outdated Components'),
    ('a7', 'Identification and Authentication Failures'),
    ('a8', 'Software and Data Integrity Failures'),
    ('a9', 'Security Logging and Monitoring Failures'),
    ('a10', 'Server-Side Request Forgery (SSRF)')
) AS n (category, category_name) ON n.category = m.category
ON CONFLICT (rule_id, standard, category) DO NOTHING;

-- ---------------------------------------------------------------------------------------------
-- Lookup taxonomies: one row per clean-code attribute (keyed by the attribute in lower case) and
-- one per common SonarQube rule tag (keyed by the tag). Bugs are reliability, code smells are
-- maintainability; default_severity is the usual impact severity.
INSERT INTO sast_bug_categories (key, name, description, clean_code_attribute, attribute_category,
                                 software_quality, default_severity, rule_tags)
VALUES
    ('conventional', 'Conventional', 'Code that departs from the conventions of its language or project.', 'CONVENTIONAL', 'CONSISTENT', 'RELIABILITY', NULL, '{}'),
    ('formatted', 'Formatted', 'Code whose layout misleads the reader about what it does.', 'FORMATTED', 'CONSISTENT', 'RELIABILITY', NULL, '{}'),
    ('identifiable', 'Identifiable', 'Names that do not follow a regular, recognisable structure.', 'IDENTIFIABLE', 'CONSISTENT', 'RELIABILITY', NULL, '{}'),
    ('clear', 'Clear', 'Code that does not plainly say what it does.', 'CLEAR', 'INTENTIONAL', 'RELIABILITY', NULL, '{}'),
    ('complete', 'Complete', 'Constructs used partially or without handling all their cases.', 'COMPLETE', 'INTENTIONAL', 'RELIABILITY', NULL, '{}'),
    ('efficient', 'Efficient', 'Code that wastes time, memory or other resources.', 'EFFICIENT', 'INTENTIONAL', 'RELIABILITY', NULL, '{}'),
    ('logical', 'Logical', 'Instructions that are malformed or do not work together soundly.', 'LOGICAL', 'INTENTIONAL', 'RELIABILITY', NULL, '{}'),
    ('distinct', 'Distinct', 'Duplicated procedures or data.', 'DISTINCT', 'ADAPTABLE', 'RELIABILITY', NULL, '{}'),
    ('focused', 'Focused', 'Units with more than one narrow responsibility.', 'FOCUSED', 'ADAPTABLE', 'RELIABILITY', NULL, '{}'),
    ('modular', 'Modular', 'Code that mixes concerns that should be kept apart.', 'MODULAR', 'ADAPTABLE', 'RELIABILITY', NULL, '{}'),
    ('tested', 'Tested', 'Behaviour without automated checks that give confidence in it.', 'TESTED', 'ADAPTABLE', 'RELIABILITY', NULL, '{}'),
    ('lawful', 'Lawful', 'Code that breaks licensing or copyright rules.', 'LAWFUL', 'RESPONSIBLE', 'RELIABILITY', NULL, '{}'),
    ('respectful', 'Respectful', 'Discriminatory or offensive language in code.', 'RESPECTFUL', 'RESPONSIBLE', 'RELIABILITY', NULL, '{}'),
    ('trustworthy', 'Trustworthy', 'Code that reveals or hard-codes private information.', 'TRUSTWORTHY', 'RESPONSIBLE', 'RELIABILITY', NULL, '{}'),
    ('suspicious', 'Suspicious code', 'Code that is probably not what the author meant.', 'LOGICAL', 'INTENTIONAL', 'RELIABILITY', 'MEDIUM', '{suspicious}'),
    ('pitfall', 'Pitfalls', 'Language or API features that are easy to misuse.', 'LOGICAL', 'INTENTIONAL', 'RELIABILITY', 'MEDIUM', '{pitfall}'),
    ('error-handling', 'Error handling', 'Errors and exceptions that are ignored, swallowed or mishandled.', 'COMPLETE', 'INTENTIONAL', 'RELIABILITY', 'MEDIUM', '{error-handling}'),
    ('multi-threading', 'Concurrency', 'Races, deadlocks and misuse of synchronisation.', 'LOGICAL', 'INTENTIONAL', 'RELIABILITY', 'HIGH', '{multi-threading}'),
    ('unpredictable', 'Unpredictable behaviour', 'Code whose result depends on undefined or unspecified behaviour.', 'LOGICAL', 'INTENTIONAL', 'RELIABILITY', 'HIGH', '{unpredictable}')
ON CONFLICT (key) DO NOTHING;

INSERT INTO sast_code_smell_categories (key, name, description, clean_code_attribute,
                                        attribute_category, software_quality, default_severity,
                                        rule_tags)
VALUES
    ('conventional', 'Conventional', 'Code that departs from the conventions of its language or project.', 'CONVENTIONAL', 'CONSISTENT', 'MAINTAINABILITY', NULL, '{}'),
    ('formatted', 'Formatted', 'Inconsistent layout, indentation or spacing.', 'FORMATTED', 'CONSISTENT', 'MAINTAINABILITY', NULL, '{}'),
    ('identifiable', 'Identifiable', 'Names that do not follow a regular, recognisable structure.', 'IDENTIFIABLE', 'CONSISTENT', 'MAINTAINABILITY', NULL, '{}'),
    ('clear', 'Clear', 'Code that does not plainly say what it does.', 'CLEAR', 'INTENTIONAL', 'MAINTAINABILITY', NULL, '{}'),
    ('complete', 'Complete', 'Constructs used partially or left unfinished.', 'COMPLETE', 'INTENTIONAL', 'MAINTAINABILITY', NULL, '{}'),
    ('efficient', 'Efficient', 'Code that wastes time, memory or other resources.', 'EFFICIENT', 'INTENTIONAL', 'MAINTAINABILITY', NULL, '{}'),
    ('logical', 'Logical', 'Instructions that are redundant or do not work together soundly.', 'LOGICAL', 'INTENTIONAL', 'MAINTAINABILITY', NULL, '{}'),
    ('distinct', 'Distinct', 'Duplicated procedures or data.', 'DISTINCT', 'ADAPTABLE', 'MAINTAINABILITY', NULL, '{}'),
    ('focused', 'Focused', 'Units with more than one narrow responsibility.', 'FOCUSED', 'ADAPTABLE', 'MAINTAINABILITY', NULL, '{}'),
    ('modular', 'Modular', 'Code that mixes concerns that should be kept apart.', 'MODULAR', 'ADAPTABLE', 'MAINTAINABILITY', NULL, '{}'),
    ('tested', 'Tested', 'Behaviour without automated checks that give confidence in it.', 'TESTED', 'ADAPTABLE', 'MAINTAINABILITY', NULL, '{}'),
    ('lawful', 'Lawful', 'Code that breaks licensing or copyright rules.', 'LAWFUL', 'RESPONSIBLE', 'MAINTAINABILITY', NULL, '{}'),
    ('respectful', 'Respectful', 'Discriminatory or offensive language in code.', 'RESPECTFUL', 'RESPONSIBLE', 'MAINTAINABILITY', NULL, '{}'),
    ('trustworthy', 'Trustworthy', 'Code that reveals or hard-codes private information.', 'TRUSTWORTHY', 'RESPONSIBLE', 'MAINTAINABILITY', NULL, '{}'),
    ('convention', 'Naming and conventions', 'Naming and coding conventions.', 'CONVENTIONAL', 'CONSISTENT', 'MAINTAINABILITY', 'LOW', '{convention}'),
    ('brain-overload', 'Complexity', 'Code too complex to hold in one''s head.', 'FOCUSED', 'ADAPTABLE', 'MAINTAINABILITY', 'HIGH', '{brain-overload}'),
    ('unused', 'Dead code', 'Unused variables, parameters, imports and private members.', 'CLEAR', 'INTENTIONAL', 'MAINTAINABILITY', 'LOW', '{unused}'),
    ('redundant', 'Redundant code', 'Code that can be removed without changing behaviour.', 'CLEAR', 'INTENTIONAL', 'MAINTAINABILITY', 'LOW', '{redundant}'),
    ('clumsy', 'Clumsy code', 'Roundabout ways of doing something simple.', 'CLEAR', 'INTENTIONAL', 'MAINTAINABILITY', 'LOW', '{clumsy}'),
    ('confusing', 'Confusing code', 'Code that misleads or slows down readers.', 'CLEAR', 'INTENTIONAL', 'MAINTAINABILITY', 'MEDIUM', '{confusing}'),
    ('bad-practice', 'Bad practice', 'Code that works but goes against accepted practice.', 'CONVENTIONAL', 'CONSISTENT', 'MAINTAINABILITY', 'MEDIUM', '{bad-practice}'),
    ('design', 'Design', 'Structural problems in classes and modules.', 'MODULAR', 'ADAPTABLE', 'MAINTAINABILITY', 'MEDIUM', '{design}'),
    ('obsolete', 'Obsolete', 'Deprecated or outdated language features and APIs.', 'CONVENTIONAL', 'CONSISTENT', 'MAINTAINABILITY', 'LOW', '{obsolete}'),
    ('performance', 'Performance', 'Needless work, allocation or I/O.', 'EFFICIENT', 'INTENTIONAL', 'MAINTAINABILITY', 'MEDIUM', '{performance}')
ON CONFLICT (key) DO NOTHING;
