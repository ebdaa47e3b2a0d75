import "server-only";
import pg from "pg";
import { requireDatabaseUrl } from "../env";
import { createLogger } from "../log";

// A small pool of plain connections for bulk writes (COPY), which Prisma does not
// speak: one statement streams rows without holding them in memory twice.
const holder = globalThis as unknown as { twelvefoldBulkPool?: pg.Pool };

export function bulkPool(): pg.Pool {
  if (!holder.twelvefoldBulkPool) {
    const pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 2, idleTimeoutMillis: 30_000 });
    // An idle connection the server closes (a restart, a failover) is dropped and replaced, not a crash.
    pool.on("error", (error) =>
      createLogger("web").warn({ err: { message: error.message, code: (error as { code?: string }).code } }, "an idle bulk-write connection was closed"),
    );
    holder.twelvefoldBulkPool = pool;
  }
  return holder.twelvefoldBulkPool;
}
