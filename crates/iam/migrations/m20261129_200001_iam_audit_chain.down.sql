-- Reverse of the up migration. The hashes stay as they are (the column existed before).
DROP TRIGGER iam_audit_logs_no_truncate ON iam_audit_logs;
DROP TRIGGER iam_audit_logs_no_delete ON iam_audit_logs;
DROP TRIGGER iam_audit_logs_no_update ON iam_audit_logs;
DROP TRIGGER iam_audit_logs_append ON iam_audit_logs;
DROP FUNCTION iam_audit_logs_refuse_change();
DROP FUNCTION iam_audit_logs_append();
DROP FUNCTION iam_audit_entry_hash(iam_audit_logs);
DROP INDEX iam_audit_logs_prev_hash_key;

-- Entries kept the ids of deleted users and sessions; the restored foreign keys need them gone.
UPDATE iam_audit_logs l SET actor_user_id = NULL
    WHERE actor_user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = l.actor_user_id);
UPDATE iam_audit_logs l SET session_id = NULL
    WHERE session_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM iam_sessions s WHERE s.id = l.session_id);
ALTER TABLE iam_audit_logs ADD CONSTRAINT iam_audit_logs_actor_user_id_fkey FOREIGN KEY (actor_user_id)
    REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE iam_audit_logs ADD CONSTRAINT iam_audit_logs_session_id_fkey FOREIGN KEY (session_id)
    REFERENCES iam_sessions (id) ON DELETE SET NULL;

-- Dropping the column drops its unique index and identity sequence.
ALTER TABLE iam_audit_logs DROP COLUMN seq;
