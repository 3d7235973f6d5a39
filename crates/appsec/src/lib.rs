#![doc = include_str!("../README.md")]

pub mod severity;

pub mod entities {
    pub mod app_security_issues;
    pub mod app_security_scans;
}

use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;
use severity::SeverityLevel;

/// The `appsec` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("appsec").migrations(vec![sql_migration!("m20261129_000025_appsec_create_tables")]).tables(vec![
        TableDef::new::<app_security_scans::Entity>()
            .description("Application security scanning")
            .enumeration::<app_security_scans::AppSecurityScanKind>(app_security_scans::Column::ScanKind)
            .enumeration::<app_security_scans::AppSecurityScanStatus>(app_security_scans::Column::Status),
        TableDef::new::<app_security_issues::Entity>()
            .description("Application security findings")
            .enumeration::<SeverityLevel>(app_security_issues::Column::Severity)
            .enumeration::<app_security_issues::AppSecurityIssueStatus>(app_security_issues::Column::Status),
    ])
}
