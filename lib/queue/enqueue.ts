// Enqueues a job inside the caller's Prisma transaction, so that a record and
// the job that completes it are written together or not at all.
import PgBoss from "pg-boss";
import type { Prisma } from "../generated/prisma/client";
import { QUEUE_SCHEMA, QUEUES } from "./queues";

// Only used to build the insert; it never opens a connection of its own.
let sender: PgBoss | undefined;

function transactionDb(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({
      // node-postgres sends objects as JSON; Prisma wants plain values, and no undefined.
      rows: await tx.$queryRawUnsafe<unknown[]>(
        text,
        ...values.map((v) => (v === undefined ? null : v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v)),
      ),
    }),
  };
}

export async function enqueue(tx: Prisma.TransactionClient, queue: string, data: object, options: { singletonKey?: string } = {}): Promise<string> {
  if (!QUEUES.some((q) => q.name === queue)) throw new Error(`unknown queue ${queue}`);
  sender ??= new PgBoss({ db: { executeSql: () => Promise.reject(new Error("enqueue only inside a transaction")) }, schema: QUEUE_SCHEMA });
  const id = await sender.send(queue, data, { ...options, db: transactionDb(tx) });
  if (!id) throw new Error(`the queue ${queue} refused the job (is the schema prepared?)`);
  return id;
}

/** Many jobs of one queue at once, inside the caller's transaction (a fan-out's deliveries). */
export async function enqueueMany(tx: Prisma.TransactionClient, queue: string, data: object[]): Promise<void> {
  if (!QUEUES.some((q) => q.name === queue)) throw new Error(`unknown queue ${queue}`);
  if (data.length === 0) return;
  sender ??= new PgBoss({ db: { executeSql: () => Promise.reject(new Error("enqueue only inside a transaction")) }, schema: QUEUE_SCHEMA });
  await sender.insert(
    data.map((d) => ({ name: queue, data: d })),
    { db: transactionDb(tx) },
  );
}
