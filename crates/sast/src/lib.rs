#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod sast_activities;
    pub mod sast_bug_categories;
    pub mod sast_code_coverage;
    pub mod sast_code_smell_categories;
    pub mod sast_contributors;
    pub mod sast_cwe_mappings;
    pub mod sast_duplications;
    pub mod sast_issues;
    pub mod sast_maintainability_reports;
    pub mod sast_owasp_mappings;
    pub mod sast_project_configurations;
    pub mod sast_project_metrics;
    pub mod sast_project_permissions;
    pub mod sast_project_settings;
    pub mod sast_project_trends;
    pub mod sast_projects;
    pub mod sast_quality_gates;
    pub mod sast_reliability_reports;
    pub mod sast_rules;
    pub mod sast_scans;
    pub mod sast_security_hotspots;
    pub mod sast_security_reports;
}

use cybershield_core::auth::Family;
use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `sast` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("sast")
        .migrations(vec![
            sql_migration!("m20261129_000022_sast_create_tables"),
            sql_migration!("m20261129_100022_sast_reference_data"),
            sql_migration!("m20261130_000022_sast_scan_history_index"),
        ])
        .tables(vec![
            TableDef::new::<sast_quality_gates::Entity>()
                .family(Family::Reference)
                .description("Quality gate configurations"),
            TableDef::new::<sast_rules::Entity>()
                .family(Family::Reference)
                .description("Security rule definitions")
                .enumeration::<sast_rules::SastRuleType>(sast_rules::Column::Type)
                .enumeration::<sast_rules::SastSeverity>(sast_rules::Column::DefaultSeverity)
                .enumeration::<sast_rules::SastRuleStatus>(sast_rules::Column::Status)
                .enumeration::<sast_rules::SastRuleScope>(sast_rules::Column::Scope)
                .enumeration::<sast_rules::SastCleanCodeAttribute>(sast_rules::Column::CleanCodeAttribute)
                .enumeration::<sast_rules::SastRemediationFunction>(sast_rules::Column::RemediationFunction)
                .unique([sast_rules::Column::Repository, sast_rules::Column::RuleKey]),
            TableDef::new::<sast_projects::Entity>()
                .description("SAST project definitions")
                .enumeration::<sast_projects::SastProjectVisibility>(sast_projects::Column::Visibility)
                .enumeration::<sast_projects::SastProjectQualityGateStatus>(sast_projects::Column::QualityGateStatus)
                .enumeration::<sast_projects::SastProjectCreationMethod>(sast_projects::Column::CreationMethod),
            TableDef::new::<sast_scans::Entity>()
                .description("SAST scan executions")
                .enumeration::<sast_scans::SastBranchType>(sast_scans::Column::BranchType)
                .enumeration::<sast_scans::SastScanStatus>(sast_scans::Column::Status)
                .enumeration::<sast_scans::SastNewCodePeriodType>(sast_scans::Column::NewCodePeriodType)
                .enumeration::<sast_scans::SastQualityGateResult>(sast_scans::Column::QualityGateStatus),
            TableDef::new::<sast_contributors::Entity>()
                .description("Code contributor tracking")
                .unique([sast_contributors::Column::ProjectId, sast_contributors::Column::ScmLogin]),
            TableDef::new::<sast_issues::Entity>()
                .description("Security vulnerabilities found")
                .enumeration::<sast_issues::SastRuleType>(sast_issues::Column::Type)
                .enumeration::<sast_issues::SastSeverity>(sast_issues::Column::Severity)
                .enumeration::<sast_issues::SeverityLevel>(sast_issues::Column::PlatformSeverity)
                .enumeration::<sast_issues::SastCleanCodeAttribute>(sast_issues::Column::CleanCodeAttribute)
                .enumeration::<sast_issues::SastIssueStatus>(sast_issues::Column::Status)
                .enumeration::<sast_issues::SastIssueResolution>(sast_issues::Column::Resolution)
                .enumeration::<sast_issues::SastIssueDisplayStatus>(sast_issues::Column::IssueStatus),
            TableDef::new::<sast_security_hotspots::Entity>()
                .description("Security hotspot identification")
                .enumeration::<sast_security_hotspots::SastVulnerabilityProbability>(
                    sast_security_hotspots::Column::VulnerabilityProbability,
                )
                .enumeration::<sast_security_hotspots::SastHotspotStatus>(sast_security_hotspots::Column::Status)
                .enumeration::<sast_security_hotspots::SastHotspotResolution>(
                    sast_security_hotspots::Column::Resolution,
                ),
            TableDef::new::<sast_security_reports::Entity>()
                .description("Security assessment reports")
                .enumeration::<sast_security_reports::SastSecurityStandard>(sast_security_reports::Column::Standard)
                .enumeration::<sast_security_reports::SastRating>(sast_security_reports::Column::SecurityRating)
                .enumeration::<sast_security_reports::SastRating>(sast_security_reports::Column::SecurityReviewRating)
                .unique([sast_security_reports::Column::ScanId, sast_security_reports::Column::Standard]),
            TableDef::new::<sast_maintainability_reports::Entity>()
                .description("Code maintainability reports")
                .enumeration::<sast_maintainability_reports::SastRating>(
                    sast_maintainability_reports::Column::MaintainabilityRating,
                )
                .enumeration::<sast_maintainability_reports::SastRating>(
                    sast_maintainability_reports::Column::NewMaintainabilityRating,
                ),
            TableDef::new::<sast_reliability_reports::Entity>()
                .description("Code reliability reports")
                .enumeration::<sast_reliability_reports::SastRating>(
                    sast_reliability_reports::Column::ReliabilityRating,
                )
                .enumeration::<sast_reliability_reports::SastRating>(
                    sast_reliability_reports::Column::NewReliabilityRating,
                )
                .enumeration::<sast_reliability_reports::SastSeverity>(
                    sast_reliability_reports::Column::WorstOpenSeverity,
                ),
            TableDef::new::<sast_code_coverage::Entity>()
                .description("Test coverage metrics")
                .unique([sast_code_coverage::Column::ScanId, sast_code_coverage::Column::ComponentPath]),
            TableDef::new::<sast_duplications::Entity>()
                .description("Code duplication analysis")
                .unique([sast_duplications::Column::ScanId, sast_duplications::Column::ComponentPath]),
            TableDef::new::<sast_cwe_mappings::Entity>()
                .family(Family::Reference)
                .description("CWE vulnerability mappings")
                .enumeration::<sast_cwe_mappings::SastVulnerabilityProbability>(
                    sast_cwe_mappings::Column::VulnerabilityProbability,
                )
                .unique([sast_cwe_mappings::Column::RuleId, sast_cwe_mappings::Column::CweId]),
            TableDef::new::<sast_owasp_mappings::Entity>()
                .family(Family::Reference)
                .description("OWASP category mappings")
                .enumeration::<sast_owasp_mappings::SastOwaspStandard>(sast_owasp_mappings::Column::Standard)
                .unique([
                    sast_owasp_mappings::Column::RuleId,
                    sast_owasp_mappings::Column::Standard,
                    sast_owasp_mappings::Column::Category,
                ]),
            TableDef::new::<sast_bug_categories::Entity>()
                .family(Family::Reference)
                .description("Bug categorization")
                .enumeration::<sast_bug_categories::SastCleanCodeAttribute>(
                    sast_bug_categories::Column::CleanCodeAttribute,
                )
                .enumeration::<sast_bug_categories::SastAttributeCategory>(
                    sast_bug_categories::Column::AttributeCategory,
                )
                .enumeration::<sast_bug_categories::SastSoftwareQuality>(sast_bug_categories::Column::SoftwareQuality)
                .enumeration::<sast_bug_categories::SastImpactSeverity>(sast_bug_categories::Column::DefaultSeverity),
            TableDef::new::<sast_code_smell_categories::Entity>()
                .family(Family::Reference)
                .description("Code smell classification")
                .enumeration::<sast_code_smell_categories::SastCleanCodeAttribute>(
                    sast_code_smell_categories::Column::CleanCodeAttribute,
                )
                .enumeration::<sast_code_smell_categories::SastAttributeCategory>(
                    sast_code_smell_categories::Column::AttributeCategory,
                )
                .enumeration::<sast_code_smell_categories::SastSoftwareQuality>(
                    sast_code_smell_categories::Column::SoftwareQuality,
                )
                .enumeration::<sast_code_smell_categories::SastImpactSeverity>(
                    sast_code_smell_categories::Column::DefaultSeverity,
                ),
            TableDef::new::<sast_project_configurations::Entity>()
                .description("Project-specific configurations")
                .enumeration::<sast_project_configurations::SastNewCodePeriodType>(
                    sast_project_configurations::Column::NewCodePeriodType,
                )
                .enumeration::<sast_project_configurations::SastScmProvider>(
                    sast_project_configurations::Column::ScmProvider,
                ),
            TableDef::new::<sast_project_settings::Entity>()
                .description("Project settings")
                .unique([sast_project_settings::Column::ProjectId, sast_project_settings::Column::Key])
                .references(sast_project_settings::Column::EncryptionKeyId, "encryption_keys"),
            TableDef::new::<sast_project_metrics::Entity>().description("Project performance metrics").unique([
                sast_project_metrics::Column::ProjectId,
                sast_project_metrics::Column::ScanId,
                sast_project_metrics::Column::ComponentPath,
                sast_project_metrics::Column::MetricKey,
            ]),
            TableDef::new::<sast_project_permissions::Entity>()
                .description("Project access control")
                .enumeration::<sast_project_permissions::SastPermission>(sast_project_permissions::Column::Permission)
                .unique([
                    sast_project_permissions::Column::ProjectId,
                    sast_project_permissions::Column::UserId,
                    sast_project_permissions::Column::TeamId,
                    sast_project_permissions::Column::Permission,
                ]),
            TableDef::new::<sast_project_trends::Entity>()
                .description("Historical trend analysis")
                .enumeration::<sast_project_trends::SastRating>(sast_project_trends::Column::ReliabilityRating)
                .enumeration::<sast_project_trends::SastRating>(sast_project_trends::Column::SecurityRating)
                .enumeration::<sast_project_trends::SastRating>(sast_project_trends::Column::MaintainabilityRating)
                .enumeration::<sast_project_trends::SastQualityGateResult>(
                    sast_project_trends::Column::QualityGateStatus,
                ),
            TableDef::new::<sast_activities::Entity>()
                .description("User activities in SAST module")
                .enumeration::<sast_activities::SastActivityType>(sast_activities::Column::ActivityType),
        ])
}
