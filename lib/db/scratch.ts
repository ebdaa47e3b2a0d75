// Throw-away Postgres for tooling and tests: the server named by an environment
// URL when one is given, otherwise an embedded cluster in a temporary folder that
// is removed afterwards. Databases made here get unique names, so parallel runs
// never meet.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";
import { withPgClient } from "./pg-client";

export interface ScratchServer {
  /** A URL with the right to create and drop databases. */
  adminUrl: string;
  kind: "external" | "embedded";
  createDatabase(prefix: string): Promise<string>;
  dropDatabase(url: string): Promise<void>;
  stop(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  await withPgClient(adminUrl, (client) => client.query(sql));
}

export async function startScratchServer(externalUrl?: string): Promise<ScratchServer> {
  let adminUrl: string;
  let stop = async () => {};
  if (externalUrl) {
    adminUrl = externalUrl;
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), "twelvefold-pg-"));
    await chmod(dir, 0o755);
    const cluster = await startEmbeddedPostgres(dir);
    adminUrl = cluster.adminUrl;
    stop = async () => {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  return {
    adminUrl,
    kind: externalUrl ? "external" : "embedded",
    async createDatabase(prefix) {
      const name = `${prefix}_${randomBytes(5).toString("hex")}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
      await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
      return withDatabase(adminUrl, name);
    },
    async dropDatabase(url) {
      const name = decodeURIComponent(new URL(url).pathname.slice(1)).replace(/"/g, "");
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
    stop,
  };
}
