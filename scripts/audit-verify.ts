// `npm run audit:verify`: recomputes the audit trail's hash chain and says
// whether every event is as it was written. Exits 1 when the chain is broken.
import { verifyAuditChain } from "../lib/audit/verify";
import { withPgClient } from "../lib/db/pg-client";
import { dbCommand, say } from "./db-command";

await dbCommand(async (db) => {
  const report = await withPgClient(db.migrationUrl, (client) => verifyAuditChain(client));
  if (report.ok) {
    say(`audit trail intact: ${report.events} events, every hash chains to the one before`);
  } else {
    console.error(`twelvefold: audit trail BROKEN at event ${report.brokenAt}: ${report.reason}`);
    process.exitCode = 1;
  }
});
