#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod email_analyses;
    pub mod email_attachments;
    pub mod email_responses;
    pub mod email_rules;
    pub mod phishing_campaigns;
    pub mod phishing_results;
    pub mod phishing_templates;
}

use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `email_security` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("email_security")
        .migrations(vec![sql_migration!("m20261129_000017_email_security_create_tables")])
        .tables(vec![
            TableDef::new::<email_analyses::Entity>()
                .description("Email security analysis")
                .enumeration::<email_analyses::EmailAuthResult>(email_analyses::Column::Spf)
                .enumeration::<email_analyses::EmailAuthResult>(email_analyses::Column::Dkim)
                .enumeration::<email_analyses::EmailAuthResult>(email_analyses::Column::Dmarc)
                .enumeration::<email_analyses::EmailVerdict>(email_analyses::Column::Verdict)
                .enumeration::<email_analyses::EmailAnalysisSource>(email_analyses::Column::Source)
                .references(email_analyses::Column::IncidentId, "incidents"),
            TableDef::new::<email_attachments::Entity>()
                .description("Email attachment scanning")
                .enumeration::<email_attachments::EmailSandboxVerdict>(email_attachments::Column::SandboxVerdict)
                .references(email_attachments::Column::ThreatIntelId, "threat_intelligence"),
            TableDef::new::<email_responses::Entity>()
                .description("Email response tracking")
                .enumeration::<email_responses::EmailResponseType>(email_responses::Column::ResponseType)
                .enumeration::<email_responses::EmailResponseStatus>(email_responses::Column::Status)
                .references(email_responses::Column::WorkflowExecutionId, "workflow_executions"),
            TableDef::new::<phishing_templates::Entity>()
                .description("Phishing simulation templates")
                .enumeration::<phishing_templates::PhishingTemplateDifficulty>(phishing_templates::Column::Difficulty)
                .enumeration::<phishing_templates::PhishingLureType>(phishing_templates::Column::LureType),
            TableDef::new::<phishing_campaigns::Entity>()
                .description("Phishing awareness campaigns")
                .enumeration::<phishing_campaigns::PhishingCampaignStatus>(phishing_campaigns::Column::Status)
                .references(phishing_campaigns::Column::SendingProfileId, "external_integrations"),
            TableDef::new::<phishing_results::Entity>()
                .description("Campaign results tracking")
                .enumeration::<phishing_results::PhishingResultStatus>(phishing_results::Column::Status)
                .unique([phishing_results::Column::CampaignId, phishing_results::Column::Email]),
            TableDef::new::<email_rules::Entity>()
                .description("Email security rules")
                .enumeration::<email_rules::EmailRuleAction>(email_rules::Column::Action)
                .enumeration::<email_rules::EmailRuleScope>(email_rules::Column::Scope),
        ])
}
