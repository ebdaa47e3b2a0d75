// Login roles for the running app. Migrations (as the owner) create the
// NOLOGIN role `twelvefold_app` with only the grants the app needs; a login role
// that is a member of it inherits exactly those grants and nothing more.
import { withPgClient } from "./pg-client";

export const APP_ROLE = "twelvefold_app";
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Creates the login role (or resets its password) and returns the URL to connect as it. */
export async function ensureAppLogin(ownerUrl: string, name: string, password: string): Promise<string> {
  if (!ROLE_NAME.test(name)) throw new Error(`invalid role name ${name}`);
  await withPgClient(ownerUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [name]);
    const statement = rowCount
      ? "SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', $1::text, $2::text) AS sql"
      : `SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE ${APP_ROLE}', $1::text, $2::text) AS sql`;
    const { rows } = await client.query<{ sql: string }>(statement, [name, password]);
    await client.query(rows[0]!.sql);
  });
  const url = new URL(ownerUrl);
  url.username = name;
  url.password = password;
  return url.toString();
}

export async function dropAppLogin(ownerUrl: string, name: string): Promise<void> {
  if (!ROLE_NAME.test(name)) throw new Error(`invalid role name ${name}`);
  await withPgClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ sql: string }>("SELECT format('DROP ROLE IF EXISTS %I', $1::text) AS sql", [name]);
    await client.query(rows[0]!.sql);
  });
}
