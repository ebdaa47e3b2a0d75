// Builds a Prisma Client over node-postgres (driver adapter: no native engine).
// TLS follows the URL: sslmode=require / verify-full in DATABASE_URL is honoured
// by node-postgres.
import { PrismaPg } from "@prisma/adapter-pg";
import { dropSecurityLog, flushSecurityLog } from "../audit/security-log";
import { PrismaClient } from "../generated/prisma/client";

export function createPrismaClient(url: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  // A burst of requests larger than the pool waits its turn for a connection
  // (up to 10 s) rather than failing after Prisma's default 2 s; a transaction
  // may then run up to 20 s on a loaded machine before it is rolled back.
  return withSecurityLog(new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } }));
}

/**
 * The client, with its interactive transactions telling the security log when
 * they end: audit events recorded in one are written to the log after it
 * commits, and forgotten if it rolls back (lib/audit/security-log.ts).
 */
function withSecurityLog(client: PrismaClient): PrismaClient {
  type Run = (tx: unknown) => Promise<unknown>;
  const transaction = client.$transaction.bind(client) as (arg: unknown, options?: unknown) => Promise<unknown>;
  const wrapped = async (arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") return transaction(arg, options);
    let inner: object | undefined;
    try {
      const result = await transaction((tx: object) => ((inner = tx), (arg as Run)(tx)), options);
      if (inner) flushSecurityLog(inner);
      return result;
    } catch (error) {
      if (inner) dropSecurityLog(inner);
      throw error;
    }
  };
  return new Proxy(client, {
    get(target, property) {
      if (property === "$transaction") return wrapped;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export type { PrismaClient };
