// Integration tests run against a real Postgres that the project's global
// set-up provides (global-setup.ts). Each test file makes its own fresh
// databases and drops them afterwards.
import { afterAll, inject } from "vitest";
import { startScratchServer, type ScratchServer } from "@/lib/db/scratch";

let server: Promise<ScratchServer> | undefined;
const created: string[] = [];

export const serverUrl = (): string => inject("databaseServerUrl");

export async function freshDatabase(prefix = "twelvefold_it"): Promise<string> {
  server ??= startScratchServer(serverUrl());
  const url = await (await server).createDatabase(prefix);
  created.push(url);
  return url;
}

export { withPgClient as withClient } from "@/lib/db/pg-client";

afterAll(async () => {
  if (!server) return;
  const s = await server;
  for (const url of created.splice(0)) await s.dropDatabase(url);
});
