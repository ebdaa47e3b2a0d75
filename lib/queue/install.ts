// Installs (or upgrades) pg-boss's schema and our queues as the database owner,
// then grants the app role row access only: the web and worker processes never
// need DDL at run time.
import PgBoss from "pg-boss";
import { APP_ROLE } from "../db/app-role";
import { withPgClient } from "../db/pg-client";
import { QUEUE_SCHEMA, QUEUES } from "./queues";

export async function installQueues(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: QUEUE_SCHEMA, max: 2, migrate: true, supervise: false, schedule: false });
  boss.on("error", () => {});
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const queue of QUEUES) {
      if (existing.has(queue.name)) await boss.updateQueue(queue.name, queue);
      else await boss.createQueue(queue.name, queue);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  await withPgClient(ownerUrl, async (client) => {
    await client.query(`
      GRANT USAGE ON SCHEMA ${QUEUE_SCHEMA} TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} TO ${APP_ROLE};
      ALTER DEFAULT PRIVILEGES IN SCHEMA ${QUEUE_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE};
      REVOKE ALL ON ${QUEUE_SCHEMA}.version FROM ${APP_ROLE};
      GRANT SELECT, UPDATE ON ${QUEUE_SCHEMA}.version TO ${APP_ROLE};
    `);
  });
}
