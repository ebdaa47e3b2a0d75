// Integration tests run against a real Postgres that `npm test` provides (the
// DATABASE_URL server or an embedded one). Each test file makes its own fresh
// databases and drops them afterwards.
import { afterAll } from "vitest";
import { startScratchServer, type ScratchServer } from "@/lib/db/scratch";

let server: Promise<ScratchServer> | undefined;
const created: string[] = [];

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_SERVER_URL;
  if (!url) throw new Error("TEST_DATABASE_SERVER_URL is not set: run integration tests through `npm test`");
  return url;
}

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
