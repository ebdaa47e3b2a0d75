// `npm run db:migrate`: apply pending migrations and publish checklist versions.
import { prepareSchema } from "../lib/boot/database";
import { dbCommand, say } from "./db-command";

await dbCommand(async (db) => {
  const result = await prepareSchema(db.migrationUrl);
  say(result.applied.length ? `applied ${result.applied.join(", ")}` : `the schema is current (${result.alreadyApplied} migrations applied earlier)`);
  if (result.published.length) say(`published checklist version ${result.published.join(", ")}`);
});
