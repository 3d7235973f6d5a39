-- email_security: tables are added by the domain issue.
SELECT 1;
