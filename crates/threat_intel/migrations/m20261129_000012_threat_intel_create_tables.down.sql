-- Reverse of the up migration.
DROP TABLE threat_intelligence;
