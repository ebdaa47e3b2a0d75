-- The application's own role, with only the grants the app needs (addendum
-- step 4: a least-privileged account per app). It cannot log in: deployments
-- create a login role that is a member of it (see README). Roles are
-- cluster-wide, so create it only once; creating it needs CREATEROLE.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'twelvefold_app') THEN
    CREATE ROLE twelvefold_app NOLOGIN;
  END IF;
END
$$;

-- Data access only: no DDL, no ownership, nothing outside this schema.
GRANT USAGE ON SCHEMA public TO twelvefold_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO twelvefold_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO twelvefold_app;
-- Tables that later migrations create (as this same owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO twelvefold_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO twelvefold_app;

-- The migration history belongs to the owner alone. (Prisma's shadow database,
-- used to compute migrations, has no history table.)
DO $$
BEGIN
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM twelvefold_app;
  END IF;
END
$$;

-- The audit trail is append-only for the app...
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events" FROM twelvefold_app;

-- ...and for every other role too, short of its owner dropping these triggers
-- (which the hash chain would then still expose).
CREATE FUNCTION audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
