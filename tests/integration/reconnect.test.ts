// Losing the database and getting it back: while it is gone, readiness says so
// at once and reads fail with a clear error instead of hanging; once it is back,
// the same process serves again with no restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareSchema } from "@/lib/boot/database";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { freshDatabase } from "./helpers";
import { principalOf } from "./principals";
import { startRelay, type Relay } from "./tcp-cut";

let relay: Relay;

beforeAll(async () => {
  const url = await freshDatabase("twelvefold_reconnect");
  await prepareSchema(url);
  const prisma = createPrismaClient(url, 2);
  await seedDemo(prisma, { password: "reconnect-test-password" }).finally(() => prisma.$disconnect());
  relay = await startRelay(url);
  // The data layer reads its connection from the environment, as the app does.
  process.env.DATABASE_URL = relay.url;
});

afterAll(async () => {
  const { getPrisma } = await import("@/lib/db/prisma");
  await getPrisma().$disconnect();
  await relay.close();
});

describe("a lost database connection", () => {
  it("is reported while it lasts and recovered from without a restart", async () => {
    // Loaded once DATABASE_URL names the relay.
    const [{ checkReadiness }, { listServiceScores }, { getPrisma }] = await Promise.all([
      import("@/lib/health/readiness"),
      import("@/lib/data/services/list-service-summaries"),
      import("@/lib/db/prisma"),
    ]);
    const admin = await getPrisma().user.findUniqueOrThrow({ where: { email: "admin@demo.test" } });
    const principal = await principalOf(relay.url, admin.id);

    expect(await checkReadiness()).toEqual({ ready: true });
    const before = await listServiceScores(principal);
    expect(before.length).toBe(16);

    await relay.cut();
    const started = Date.now();
    expect(await checkReadiness(1_000)).toEqual({ ready: false, reason: "database unreachable" });
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(listServiceScores(principal)).rejects.toThrow();

    await relay.restore();
    // The pool drops the dead connections and opens new ones on the next use.
    let ready = await checkReadiness();
    for (let attempt = 0; !ready.ready && attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      ready = await checkReadiness();
    }
    expect(ready).toEqual({ ready: true });
    expect((await listServiceScores(principal)).map((s) => s.id)).toEqual(before.map((s) => s.id));
  });
});
