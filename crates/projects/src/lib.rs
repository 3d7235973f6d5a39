#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod project_issues;
    pub mod project_scans;
    pub mod projects;
}

use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `projects` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("projects").migrations(vec![sql_migration!("m20261129_000002_projects_create_tables")]).tables(vec![
        TableDef::new::<projects::Entity>()
            .description("General project definitions")
            .enumeration::<projects::ProjectBusinessCriticality>(projects::Column::BusinessCriticality)
            .enumeration::<projects::ProjectPlatform>(projects::Column::Platform)
            .enumeration::<projects::ProjectLifecycle>(projects::Column::Lifecycle)
            .enumeration::<projects::ProjectOrigin>(projects::Column::Origin)
            .enumeration::<projects::ProjectDedupeScope>(projects::Column::DedupeScope),
        TableDef::new::<project_scans::Entity>()
            .description("Project scan history")
            .public(project_scans::Column::CommitHash)
            .enumeration::<project_scans::ProjectEngagementType>(project_scans::Column::EngagementType)
            .enumeration::<project_scans::ProjectScanStatus>(project_scans::Column::Status)
            .enumeration::<project_scans::ProjectScanEnvironment>(project_scans::Column::Environment),
        TableDef::new::<project_issues::Entity>()
            .description("Project security issues")
            .enumeration::<project_issues::ProjectIssueSeverity>(project_issues::Column::Severity)
            .enumeration::<project_issues::ProjectIssueNumericalSeverity>(project_issues::Column::NumericalSeverity),
    ])
}
