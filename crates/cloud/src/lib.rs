#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod cloud_accounts;
    pub mod cloud_assets;
    pub mod cloud_dlp_incidents;
    pub mod cloud_security_alerts;
    pub mod cloud_security_posture;
    pub mod cloud_threats;
    pub mod compliance_reports;
    pub mod ddos_protection;
    pub mod iam_risks;
    pub mod misconfigurations;
    pub mod saas_applications;
    pub mod user_activities;
}
mod severity;

pub use severity::SeverityLevel;

use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `cloud` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("cloud").migrations(vec![sql_migration!("m20261129_000020_cloud_create_tables")]).tables(vec![
        TableDef::new::<cloud_accounts::Entity>()
            .description("Cloud provider accounts")
            .enumeration::<cloud_accounts::CloudProvider>(cloud_accounts::Column::Provider)
            .enumeration::<cloud_accounts::CloudAccountAuthMethod>(cloud_accounts::Column::AuthMethod)
            .enumeration::<cloud_accounts::CloudAccountConnectionStatus>(cloud_accounts::Column::ConnectionStatus)
            .unique([cloud_accounts::Column::Provider, cloud_accounts::Column::AccountUid]),
        TableDef::new::<cloud_assets::Entity>()
            .description("Cloud infrastructure assets")
            .unique([cloud_assets::Column::AccountId, cloud_assets::Column::Uid]),
        TableDef::new::<misconfigurations::Entity>()
            .description("Cloud security misconfigurations")
            .enumeration::<misconfigurations::MisconfigurationSeverity>(misconfigurations::Column::Severity)
            .enumeration::<misconfigurations::MisconfigurationStatus>(misconfigurations::Column::Status)
            .enumeration::<misconfigurations::MisconfigurationDelta>(misconfigurations::Column::Delta)
            .enumeration::<misconfigurations::MisconfigurationWorkflowStatus>(
                misconfigurations::Column::WorkflowStatus,
            ),
        TableDef::new::<compliance_reports::Entity>()
            .description("Cloud compliance assessments")
            .references(compliance_reports::Column::FrameworkId, "compliance_frameworks"),
        TableDef::new::<saas_applications::Entity>()
            .description("SaaS application discovery")
            .enumeration::<saas_applications::SaasSanctionStatus>(saas_applications::Column::SanctionStatus),
        TableDef::new::<user_activities::Entity>()
            .description("Cloud user activity monitoring")
            .enumeration::<user_activities::UserActivityActorType>(user_activities::Column::ActorType),
        TableDef::new::<cloud_dlp_incidents::Entity>()
            .description("Cloud DLP violations")
            .enumeration::<SeverityLevel>(cloud_dlp_incidents::Column::Severity)
            .enumeration::<cloud_dlp_incidents::CloudDlpActionTaken>(cloud_dlp_incidents::Column::ActionTaken)
            .enumeration::<cloud_dlp_incidents::CloudDlpIncidentStatus>(cloud_dlp_incidents::Column::Status)
            .references(cloud_dlp_incidents::Column::DlpPolicyId, "dlp_policies"),
        TableDef::new::<cloud_threats::Entity>()
            .description("Cloud security threats")
            .enumeration::<SeverityLevel>(cloud_threats::Column::Severity)
            .enumeration::<cloud_threats::CloudThreatActionType>(cloud_threats::Column::ActionType)
            .enumeration::<cloud_threats::CloudThreatStatus>(cloud_threats::Column::Status)
            .references(cloud_threats::Column::IncidentId, "incidents"),
        TableDef::new::<iam_risks::Entity>()
            .description("Cloud IAM risk assessments")
            .enumeration::<iam_risks::IamRiskPrincipalType>(iam_risks::Column::PrincipalType)
            .enumeration::<iam_risks::IamRiskType>(iam_risks::Column::RiskType)
            .enumeration::<SeverityLevel>(iam_risks::Column::Severity)
            .enumeration::<iam_risks::IamRiskStatus>(iam_risks::Column::Status),
        TableDef::new::<ddos_protection::Entity>()
            .description("DDoS protection status")
            .enumeration::<ddos_protection::DdosProvider>(ddos_protection::Column::Provider)
            .enumeration::<ddos_protection::DdosProtectionStatus>(ddos_protection::Column::Status)
            .unique([ddos_protection::Column::AssetId, ddos_protection::Column::Provider]),
        TableDef::new::<cloud_security_posture::Entity>()
            .description("Cloud security posture assessments")
            .unique([cloud_security_posture::Column::AccountId, cloud_security_posture::Column::SnapshotDate]),
        TableDef::new::<cloud_security_alerts::Entity>()
            .description("Cloud security alerting")
            .enumeration::<cloud_security_alerts::CloudAlertSourceTable>(cloud_security_alerts::Column::SourceTable)
            .enumeration::<SeverityLevel>(cloud_security_alerts::Column::Severity)
            .enumeration::<cloud_security_alerts::CloudSecurityAlertStatus>(cloud_security_alerts::Column::Status)
            .references(cloud_security_alerts::Column::IncidentId, "incidents"),
    ])
}
