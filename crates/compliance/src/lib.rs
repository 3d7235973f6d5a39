#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod compliance_assessments;
    pub mod compliance_frameworks;
}

use cybershield_core::auth::Family;
use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `compliance` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("compliance")
        .migrations(vec![
            sql_migration!("m20261129_000011_compliance_create_tables"),
            sql_migration!("m20261129_100011_compliance_reference_data"),
        ])
        .tables(vec![
            TableDef::new::<compliance_frameworks::Entity>()
                .family(Family::Reference)
                .description("Compliance framework definitions"),
            TableDef::new::<compliance_assessments::Entity>()
                .description("Compliance assessment results")
                .enumeration::<compliance_assessments::ComplianceScopeType>(compliance_assessments::Column::ScopeType)
                .enumeration::<compliance_assessments::ComplianceAssessmentStatus>(
                    compliance_assessments::Column::Status,
                ),
        ])
}
