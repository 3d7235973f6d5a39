-- Reverse of the up migration.
DROP TABLE email_rules;
DROP TABLE email_responses;
DROP TABLE email_attachments;
DROP TABLE email_analyses;
DROP TABLE phishing_results;
DROP TABLE phishing_campaigns;
DROP TABLE phishing_templates;
