-- appsec: tables are added by the domain issue.
SELECT 1;
