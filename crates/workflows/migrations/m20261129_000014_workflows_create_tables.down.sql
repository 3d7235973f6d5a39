-- Reverse of the up migration: first the constraint added to the incidents domain's table.
ALTER TABLE incident_responses DROP CONSTRAINT incident_responses_workflow_execution_id_fkey;
DROP TABLE workflow_executions;
DROP TABLE workflow_steps;
DROP TABLE workflows;
