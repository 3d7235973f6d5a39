-- Tamper evidence for iam_audit_logs: a chain order (`seq`), a hash chain filled by a trigger,
-- and append-only enforcement.
--
-- entry_hash = sha256(coalesce(prev_hash, '') || convert_to(canonical text of the row, 'UTF8')),
-- prev_hash  = entry_hash of the entry with the next lower seq (NULL for the first entry).
-- The canonical text is the row's fields in a fixed order, each written as `<length>:<text>`
-- (NULL as `~`), joined by `|`; the length prefix makes it unambiguous whatever the text holds.
-- Every value is rendered independently of session settings: timestamps in UTC, jsonb in its
-- canonical text form. `iam_audit_entry_hash` is shared by the trigger and by
-- `cybershield audit verify`, so both always agree on it.

ALTER TABLE iam_audit_logs ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME iam_audit_logs_seq_seq);
CREATE UNIQUE INDEX iam_audit_logs_seq_key ON iam_audit_logs (seq);
COMMENT ON COLUMN iam_audit_logs.seq IS 'Position in the hash chain (gaps are normal: rolled-back appends)';

-- An audit entry keeps the ids of its actor and session after they are deleted (as Keycloak's
-- event tables do): ON DELETE SET NULL would rewrite history, which the chain forbids.
ALTER TABLE iam_audit_logs DROP CONSTRAINT iam_audit_logs_actor_user_id_fkey;
ALTER TABLE iam_audit_logs DROP CONSTRAINT iam_audit_logs_session_id_fkey;

-- OR REPLACE: `migrate fresh` drops the tables, and the trigger functions would remain.
CREATE OR REPLACE FUNCTION iam_audit_entry_hash(entry iam_audit_logs) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT sha256(coalesce(entry.prev_hash, '\x'::bytea) || convert_to(string_agg(
               CASE WHEN field IS NULL THEN '~' ELSE length(field)::text || ':' || field END, '|' ORDER BY position),
           'UTF8'))
    FROM unnest(ARRAY[
        entry.seq::text,
        entry.id::text,
        to_char(entry.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        entry.actor_user_id::text,
        entry.actor_type,
        entry.session_id::text,
        entry.category,
        entry.event_type,
        entry.operation_type,
        entry.resource_type,
        entry.resource_path,
        entry.representation::text,
        entry.success::text,
        entry.error,
        entry.ip::text,
        entry.user_agent,
        entry.request_id::text,
        entry.details::text
    ]) WITH ORDINALITY AS fields (field, position)
$$;
COMMENT ON FUNCTION iam_audit_entry_hash(iam_audit_logs) IS
    'sha256(prev_hash || canonical text of the audit entry); used by the append trigger and by audit verify';

-- SECURITY DEFINER: the appender must see the whole chain even when row-level security hides
-- entries from the inserting role. A trigger function cannot be called directly.
CREATE OR REPLACE FUNCTION iam_audit_logs_append() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
AS $$
DECLARE
    last_seq bigint;
    last_hash bytea;
BEGIN
    -- Appends take turns (the ASCII of "CSAUDITC"); held until commit, so under READ COMMITTED
    -- the next appender's query below sees this entry.
    PERFORM pg_advisory_xact_lock(4851293058081838147);
    SELECT l.seq, l.entry_hash INTO last_seq, last_hash FROM iam_audit_logs l ORDER BY l.seq DESC LIMIT 1;
    -- The identity value was drawn before the lock: a transaction that drew earlier may have
    -- appended first. Keep seq order equal to chain order.
    NEW.seq := greatest(NEW.seq, last_seq + 1);
    NEW.prev_hash := last_hash;
    NEW.entry_hash := iam_audit_entry_hash(NEW);
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION iam_audit_logs_refuse_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'iam_audit_logs is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'audit entries are hash-chained; corrections are new entries';
END
$$;

-- The trigger function reads the table by name: pin its search path to the schema holding it.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION iam_audit_logs_append() SET search_path = pg_catalog, %I, pg_temp',
                   current_schema());
END
$$;

-- Entries written before this migration join the chain in seq order.
DO $$
DECLARE
    entry iam_audit_logs;
    previous bytea;
BEGIN
    FOR entry IN SELECT * FROM iam_audit_logs ORDER BY seq LOOP
        entry.prev_hash := previous;
        previous := iam_audit_entry_hash(entry);
        UPDATE iam_audit_logs SET prev_hash = entry.prev_hash, entry_hash = previous WHERE id = entry.id;
    END LOOP;
END
$$;

-- Each entry is the successor of at most one entry, and only one entry starts the chain: the
-- chain cannot fork even if an appender worked from a stale snapshot (REPEATABLE READ).
CREATE UNIQUE INDEX iam_audit_logs_prev_hash_key ON iam_audit_logs (coalesce(prev_hash, '\x'::bytea));

CREATE TRIGGER iam_audit_logs_append BEFORE INSERT ON iam_audit_logs
    FOR EACH ROW EXECUTE FUNCTION iam_audit_logs_append();
CREATE TRIGGER iam_audit_logs_no_update BEFORE UPDATE ON iam_audit_logs
    FOR EACH ROW EXECUTE FUNCTION iam_audit_logs_refuse_change();
CREATE TRIGGER iam_audit_logs_no_delete BEFORE DELETE ON iam_audit_logs
    FOR EACH ROW EXECUTE FUNCTION iam_audit_logs_refuse_change();
CREATE TRIGGER iam_audit_logs_no_truncate BEFORE TRUNCATE ON iam_audit_logs
    FOR EACH STATEMENT EXECUTE FUNCTION iam_audit_logs_refuse_change();
