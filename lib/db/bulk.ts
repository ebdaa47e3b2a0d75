import "server-only";
import pg from "pg";
import { requireDatabaseUrl } from "../env";

// A small pool of plain connections for bulk writes (COPY), which Prisma does not
// speak: one statement streams rows without holding them in memory twice.
const holder = globalThis as unknown as { twelvefoldBulkPool?: pg.Pool };

export function bulkPool(): pg.Pool {
  holder.twelvefoldBulkPool ??= new pg.Pool({ connectionString: requireDatabaseUrl(), max: 2, idleTimeoutMillis: 30_000 });
  return holder.twelvefoldBulkPool;
}
