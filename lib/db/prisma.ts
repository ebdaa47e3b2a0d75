import "server-only";
import { getEnv, requireDatabaseUrl } from "../env";
import { createPrismaClient, type PrismaClient } from "./client";

// One client per process, kept on globalThis so dev-mode reloads reuse it.
const holder = globalThis as unknown as { twelvefoldPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  holder.twelvefoldPrisma ??= createPrismaClient(requireDatabaseUrl(), getEnv().DATABASE_POOL_SIZE);
  return holder.twelvefoldPrisma;
}
