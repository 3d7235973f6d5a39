#![doc = include_str!("../README.md")]

pub mod entities {
    pub mod workflow_executions;
    pub mod workflow_steps;
    pub mod workflows;
}

use cybershield_core::{Domain, TableDef, sql_migration};
use entities::*;

/// The `workflows` domain: its migrations and tables.
pub fn domain() -> Domain {
    Domain::new("workflows").migrations(vec![sql_migration!("m20261129_000014_workflows_create_tables")]).tables(vec![
        TableDef::new::<workflows::Entity>()
            .description("Security workflow definitions")
            .enumeration::<workflows::WorkflowTriggerType>(workflows::Column::TriggerType),
        TableDef::new::<workflow_executions::Entity>()
            .description("Workflow execution tracking")
            .enumeration::<workflow_executions::WorkflowExecutionStatus>(workflow_executions::Column::Status)
            .references(workflow_executions::Column::IncidentId, "incidents"),
        TableDef::new::<workflow_steps::Entity>()
            .description("Workflow step configurations")
            .unique([workflow_steps::Column::WorkflowId, workflow_steps::Column::Key])
            .references(workflow_steps::Column::IntegrationId, "external_integrations"),
    ])
}
