-- The audit chain, keyed and written through one door.
--
-- seq: each event's position, 1, 2, 3… with no gaps (ids skip when a
-- transaction rolls back; seq is assigned under the chain's lock, so it does
-- not), so a removed event shows as a jump. key_id and mac: an HMAC-SHA256 of
-- the event's hash under an audit key that the application process holds and
-- no database role does, so a role that can write rows cannot forge an event.
ALTER TABLE "audit_events" ADD COLUMN "key_id" TEXT,
ADD COLUMN "mac" TEXT,
ADD COLUMN "seq" BIGINT;

-- Events written before this migration are numbered in the order they chained.
ALTER TABLE "audit_events" DISABLE TRIGGER audit_events_no_update_or_delete;
UPDATE "audit_events" e SET seq = n.seq FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM "audit_events") n WHERE n.id = e.id;
ALTER TABLE "audit_events" ENABLE TRIGGER audit_events_no_update_or_delete;
ALTER TABLE "audit_events" ALTER COLUMN "seq" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_seq_key" ON "audit_events"("seq");

-- The only way the app writes an event: appends at the head of the chain, under
-- the chain's lock, and only as the next link (its seq and prev_hash must be the
-- head's successor), with a key id and a MAC. The app role cannot choose an id,
-- insert elsewhere in the chain, or write a row without a MAC; the MAC itself is
-- checked by `npm run audit:verify`, which holds the key.
CREATE FUNCTION audit_append(
  p_occurred_at timestamptz, p_category audit_category, p_action text, p_actor_id uuid, p_actor_label text,
  p_team_id uuid, p_target_type text, p_target_id text, p_ip_address text, p_user_agent text,
  p_before jsonb, p_after jsonb, p_seq bigint, p_prev_hash text, p_hash text, p_key_id text, p_mac text
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  head record;
  new_id bigint;
BEGIN
  -- The same lock lib/audit/record.ts takes before reading the head (0x74574175).
  PERFORM pg_advisory_xact_lock(1951875445);
  SELECT seq, hash INTO head FROM audit_events ORDER BY seq DESC LIMIT 1;
  IF p_seq IS DISTINCT FROM coalesce(head.seq, 0) + 1 OR p_prev_hash IS DISTINCT FROM head.hash THEN
    RAISE EXCEPTION 'audit_append: event % does not follow the head of the chain (%)', p_seq, coalesce(head.seq, 0)
      USING ERRCODE = 'serialization_failure';
  END IF;
  IF p_key_id IS NULL OR p_key_id !~ '^[0-9a-f]{16}$' OR p_mac IS NULL OR p_mac !~ '^[0-9a-f]{64}$' OR p_hash !~ '^[0-9a-f]{64}$' THEN
    RAISE EXCEPTION 'audit_append: an event needs its hash, key id and MAC' USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO audit_events (occurred_at, category, action, actor_id, actor_label, team_id, target_type, target_id,
                            ip_address, user_agent, before, after, seq, prev_hash, hash, key_id, mac)
  VALUES (p_occurred_at, p_category, p_action, p_actor_id, p_actor_label, p_team_id, p_target_type, p_target_id,
          p_ip_address, p_user_agent, p_before, p_after, p_seq, p_prev_hash, p_hash, p_key_id, p_mac)
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;

REVOKE ALL ON FUNCTION audit_append(timestamptz, audit_category, text, uuid, text, uuid, text, text, text, text, jsonb, jsonb, bigint, text, text, text, text) FROM PUBLIC;
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'twelvefold_app') THEN
    GRANT EXECUTE ON FUNCTION audit_append(timestamptz, audit_category, text, uuid, text, uuid, text, text, text, text, jsonb, jsonb, bigint, text, text, text, text) TO twelvefold_app;
  END IF;
END
$$;

-- The app reads the trail and appends through audit_append() only.
REVOKE INSERT ON "audit_events" FROM twelvefold_app;
