// Builds a Prisma Client over node-postgres (driver adapter: no native engine).
// TLS follows the URL: sslmode=require / verify-full in DATABASE_URL is honoured
// by node-postgres.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export function createPrismaClient(url: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
