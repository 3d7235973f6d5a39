#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod incident_categories;
    pub mod incident_priorities;
    pub mod incident_responses;
    pub mod incident_statuses;
    pub mod incidents;
    pub mod response_playbooks;
}

use cybershield_core::auth::Family;
use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `incidents` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("incidents")
        .migrations(vec![
            sql_migration!("m20261129_000013_incidents_create_tables"),
            sql_migration!("m20261129_100013_incidents_reference_data"),
        ])
        .tables(vec![
            TableDef::new::<incidents::Entity>()
                .description("Security incident records")
                .enumeration::<incidents::IncidentTlp>(incidents::Column::Tlp)
                .enumeration::<incidents::IncidentPap>(incidents::Column::Pap)
                .enumeration::<incidents::IncidentResolution>(incidents::Column::Resolution)
                .enumeration::<incidents::IncidentImpactStatus>(incidents::Column::ImpactStatus)
                .enumeration::<incidents::IncidentSource>(incidents::Column::Source)
                .unique([incidents::Column::Source, incidents::Column::SourceRef]),
            TableDef::new::<incident_responses::Entity>()
                .description("Incident response actions")
                .enumeration::<incident_responses::IncidentResponseStatus>(incident_responses::Column::Status)
                .enumeration::<incident_responses::IncidentResponseActionType>(incident_responses::Column::ActionType)
                .references(incident_responses::Column::WorkflowExecutionId, "workflow_executions"),
            TableDef::new::<response_playbooks::Entity>()
                .description("Response procedure playbooks")
                .enumeration::<response_playbooks::ResponsePlaybookStatus>(response_playbooks::Column::Status)
                .enumeration::<response_playbooks::IncidentTlp>(response_playbooks::Column::DefaultTlp)
                .enumeration::<response_playbooks::IncidentPap>(response_playbooks::Column::DefaultPap)
                .enumeration::<response_playbooks::ResponsePlaybookNistPhase>(response_playbooks::Column::NistPhases)
                .unique([response_playbooks::Column::Name, response_playbooks::Column::Version]),
            TableDef::new::<incident_categories::Entity>()
                .family(Family::Reference)
                .description("Incident categorization"),
            TableDef::new::<incident_priorities::Entity>()
                .family(Family::Reference)
                .description("Incident priority levels")
                .enumeration::<incident_priorities::IncidentPriorityKey>(incident_priorities::Column::Key)
                .enumeration::<incident_priorities::IncidentMatrixLevel>(incident_priorities::Column::Impact)
                .enumeration::<incident_priorities::IncidentMatrixLevel>(incident_priorities::Column::Urgency)
                .unique([incident_priorities::Column::Impact, incident_priorities::Column::Urgency]),
            TableDef::new::<incident_statuses::Entity>()
                .family(Family::Reference)
                .description("Incident status tracking")
                .enumeration::<incident_statuses::IncidentStatusPhase>(incident_statuses::Column::Phase),
        ])
}
