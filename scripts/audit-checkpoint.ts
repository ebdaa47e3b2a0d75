// `npm run audit:checkpoint [-- FILE]`: writes a signed checkpoint of the audit
// chain's head (to FILE, or to standard output) for the operator to keep outside
// the database. Later, `npm run audit:verify -- --checkpoint FILE` proves that
// nothing up to that head was removed or changed since.
import { writeFile } from "node:fs/promises";
import { makeCheckpoint } from "../lib/audit/checkpoint";
import { currentAuditKey } from "../lib/audit/key";
import { chainHead } from "../lib/audit/verify";
import { withPgClient } from "../lib/db/pg-client";
import { dbCommand, say } from "./db-command";

const file = process.argv[2];

await dbCommand(async (db) => {
  const head = await withPgClient(db.migrationUrl, chainHead);
  if (!head) {
    console.error("twelvefold: the audit trail is empty: nothing to checkpoint yet");
    process.exitCode = 1;
    return;
  }
  const checkpoint = JSON.stringify(makeCheckpoint(currentAuditKey(), head, new Date()), null, 2);
  if (!file) {
    process.stdout.write(`${checkpoint}\n`);
    return;
  }
  await writeFile(file, `${checkpoint}\n`, { mode: 0o600 });
  say(`checkpoint of event ${head.id} (seq ${head.seq}) written to ${file}: keep it outside this database and server`);
});
