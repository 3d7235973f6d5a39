#![doc = include_str!("../README.md")]

pub mod severity;

pub mod entities {
    pub mod dast_payloads;
    pub mod dast_projects;
    pub mod dast_reports;
    pub mod dast_scans;
    pub mod dast_sessions;
    pub mod dast_vulnerabilities;
}

use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;
use severity::SeverityLevel;

/// The `dast` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("dast").migrations(vec![sql_migration!("m20261129_000023_dast_create_tables")]).tables(vec![
        TableDef::new::<dast_projects::Entity>()
            .description("DAST project definitions")
            .enumeration::<dast_projects::DastEnvironment>(dast_projects::Column::Environment)
            .enumeration::<dast_projects::DastAuthMethod>(dast_projects::Column::AuthMethod)
            .enumeration::<dast_projects::DastAttackStrength>(dast_projects::Column::DefaultAttackStrength)
            .enumeration::<dast_projects::DastAlertThreshold>(dast_projects::Column::DefaultAlertThreshold)
            .unique([dast_projects::Column::ProjectId, dast_projects::Column::Name]),
        TableDef::new::<dast_scans::Entity>()
            .description("DAST scan executions")
            .enumeration::<dast_scans::DastScanType>(dast_scans::Column::ScanType)
            .enumeration::<dast_scans::DastScanStatus>(dast_scans::Column::Status)
            .enumeration::<dast_scans::DastEngine>(dast_scans::Column::Engine),
        TableDef::new::<dast_vulnerabilities::Entity>()
            .description("Web application vulnerabilities")
            .enumeration::<SeverityLevel>(dast_vulnerabilities::Column::Severity)
            .enumeration::<dast_vulnerabilities::DastAlertSource>(dast_vulnerabilities::Column::Source)
            .enumeration::<dast_vulnerabilities::DastVulnerabilityStatus>(dast_vulnerabilities::Column::Status),
        TableDef::new::<dast_payloads::Entity>()
            .description("Attack payloads used")
            .enumeration::<dast_payloads::DastPayloadCategory>(dast_payloads::Column::Category)
            .enumeration::<dast_payloads::DastPayloadEncoding>(dast_payloads::Column::Encoding)
            .enumeration::<dast_payloads::DastPayloadInputVector>(dast_payloads::Column::InputVector)
            .enumeration::<dast_payloads::DastPayloadOutcome>(dast_payloads::Column::Outcome),
        TableDef::new::<dast_reports::Entity>()
            .description("DAST scan reports")
            .enumeration::<dast_reports::DastReportTemplate>(dast_reports::Column::Template)
            .enumeration::<dast_reports::DastReportFormat>(dast_reports::Column::Format),
        TableDef::new::<dast_sessions::Entity>()
            .description("DAST scanning sessions")
            .enumeration::<dast_sessions::DastSessionManagement>(dast_sessions::Column::SessionManagement)
            .enumeration::<dast_sessions::DastSessionVerification>(dast_sessions::Column::Verification)
            .enumeration::<dast_sessions::DastSessionStatus>(dast_sessions::Column::Status)
            .unique([dast_sessions::Column::ProjectId, dast_sessions::Column::Name]),
    ])
}
