-- Reverse of the up migration (the incidents_number_seq sequence goes with incidents.number).
DROP TABLE incident_responses;
DROP TABLE incidents;
DROP TABLE incident_categories;
DROP TABLE response_playbooks;
DROP TABLE incident_statuses;
DROP TABLE incident_priorities;
