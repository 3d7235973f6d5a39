-- Reverse of the up migration.
DROP TABLE compliance_assessments;
DROP TABLE compliance_frameworks;
