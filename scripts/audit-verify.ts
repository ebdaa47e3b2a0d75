// `npm run audit:verify [-- --checkpoint FILE]`: checks every event of the audit
// trail (content against its hash, each link, no gaps, each MAC under the audit
// key) and, given a checkpoint kept outside the database, that nothing up to its
// head was removed or changed. Lists every break; exits 1 if there is any.
import { readFile } from "node:fs/promises";
import { parseCheckpoint, type Checkpoint } from "../lib/audit/checkpoint";
import { knownAuditKeys } from "../lib/audit/key";
import { verifyAuditChain } from "../lib/audit/verify";
import { withPgClient } from "../lib/db/pg-client";
import { dbCommand, say } from "./db-command";

const at = process.argv.indexOf("--checkpoint");
const checkpointFile = at >= 0 ? process.argv[at + 1] : undefined;
if (at >= 0 && !checkpointFile) {
  console.error("Usage: npm run audit:verify [-- --checkpoint FILE]");
  process.exit(2);
}

await dbCommand(async (db) => {
  let checkpoint: Checkpoint | undefined;
  if (checkpointFile) {
    try {
      checkpoint = parseCheckpoint(await readFile(checkpointFile, "utf8"));
    } catch (error) {
      console.error(`twelvefold: ${checkpointFile}: ${(error as Error).message}`);
      process.exitCode = 2;
      return;
    }
  }
  const report = await withPgClient(db.migrationUrl, (client) => verifyAuditChain(client, { keys: knownAuditKeys(), checkpoint }));
  const legacy = report.unkeyed ? ` (the first ${report.unkeyed} written before the chain was keyed: hash-chained, no MAC)` : "";
  if (report.ok) {
    say(`audit trail intact: ${report.events} events${legacy}, every hash chains to the one before, no gaps, every MAC verifies`);
    if (report.head) say(`head: event ${report.head.id}, seq ${report.head.seq}, hash ${report.head.hash}`);
    if (checkpoint) say(`checkpoint of ${checkpoint.madeAt} (seq ${checkpoint.seq}) verified: nothing up to it was removed or changed`);
    return;
  }
  console.error(`twelvefold: audit trail BROKEN: ${report.breaks.length} break(s) in ${report.events} events${legacy}`);
  for (const b of report.breaks) console.error(`  event ${b.id} (seq ${b.seq}): ${b.kind}: ${b.detail}`);
  process.exitCode = 1;
});
