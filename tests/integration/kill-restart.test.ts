// The production server killed (SIGKILL, no chance to clean up) while reviewers
// are autosaving, then started again: every save the server acknowledged is in
// the database, nothing is half-written (each change has its audit event and
// no event lacks its change), and saving works again at once.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { PrismaClient } from "@/lib/db/client";
import { freePort } from "@/lib/db/embedded";
import { signInOverHttp } from "../http-sign-in";
import { actionId, sendAutosave } from "../http-autosave";
import { withClient } from "./helpers";
import { seededDemo } from "./principals";

const root = path.resolve(import.meta.dirname, "..", "..");
const PASSWORD = "kill-restart-test-password";
const ITEMS = 12;
let url: string;
let prisma: PrismaClient;
let port: number;
let server: ChildProcess | null = null;
const authSecret = randomBytes(32).toString("base64");

function startServer(): ChildProcess {
  const child = spawn(process.execPath, [path.join(root, "scripts/web.mjs"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: authSecret, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  server = child;
  return child;
}

async function waitReady(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/api/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the server never became ready");
}

beforeAll(async () => {
  const demo = await seededDemo({ database: "twelvefold_kill", password: PASSWORD, people: { reviewer: "reviewer@demo.test" } });
  ({ url, prisma } = demo);
  const { startAssessment } = await import("@/lib/data/assessments/start-assessment");
  const service = await prisma.service.findFirstOrThrow({ where: { slug: "payout-scheduler" } });
  await startAssessment(demo.as.reviewer, { serviceId: service.id });
  port = await freePort();
  startServer();
  await waitReady();
}, 180_000);

afterAll(() => {
  server?.kill("SIGKILL");
});

describe("a server killed mid-save", () => {
  it("keeps every acknowledged save, half-writes nothing, and saves again once restarted", async () => {
    const base = `http://localhost:${port}`;
    const id = actionId(root, "saveResponseAction");
    const cookie = await signInOverHttp(base, "reviewer@demo.test", PASSWORD);
    const assessment = await prisma.assessment.findFirstOrThrow({ where: { status: "DRAFT", service: { slug: "payout-scheduler" } } });
    const rows = await prisma.response.findMany({ where: { assessmentId: assessment.id }, orderBy: { itemId: "asc" }, take: ITEMS });
    const start = new Map(rows.map((r) => [r.itemId, r.version]));
    // Per item: the last version the server acknowledged, and the text sent for each version.
    const acknowledged = new Map<string, number>();
    const sent = new Map<string, Map<number, string>>();

    const autosave = async (itemId: string) => {
      let version = start.get(itemId)!;
      const texts = new Map<number, string>();
      sent.set(itemId, texts);
      for (let n = 1; ; n++) {
        const justification = `Save ${n} of ${itemId}: checked and seen working.`;
        texts.set(version + 1, justification);
        let result;
        try {
          result = await sendAutosave(base, id, cookie, {
            assessmentId: assessment.id,
            itemId,
            baseVersion: version,
            values: { status: "met", justification, notes: "", evidenceLinks: [] },
          });
        } catch {
          return; // the server is gone
        }
        if (result.outcome !== "saved") throw new Error(`save ${n} of ${itemId} was not saved: ${JSON.stringify(result)}`);
        version = result.version;
        acknowledged.set(itemId, version);
      }
    };
    let failure: unknown = null;
    const savers = rows.map((r) => autosave(r.itemId).catch((error: unknown) => void (failure ??= error)));
    // Kill it once saves are landing on every item, with more in flight.
    const deadline = Date.now() + 60_000;
    while (!failure && Date.now() < deadline && [...start.keys()].some((item) => (acknowledged.get(item) ?? 0) < start.get(item)! + 2)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    server!.kill("SIGKILL");
    await Promise.all(savers);
    if (failure) throw failure;
    const total = [...acknowledged.entries()].reduce((sum, [item, v]) => sum + v - start.get(item)!, 0);
    expect(total).toBeGreaterThanOrEqual(ITEMS * 2);

    startServer();
    await waitReady();
    const after = await prisma.response.findMany({ where: { assessmentId: assessment.id, itemId: { in: [...start.keys()] } } });
    for (const row of after) {
      const acked = acknowledged.get(row.itemId)!;
      // Acknowledged, or one further: a save the database committed as the server died, before it could answer.
      expect([acked, acked + 1], row.itemId).toContain(row.version);
      expect(row.justification, row.itemId).toBe(sent.get(row.itemId)!.get(row.version));
      const events = await prisma.auditEvent.count({ where: { action: "response.saved", targetId: `${assessment.id}/${row.itemId}` } });
      expect(events, `${row.itemId}: one audit event per change`).toBe(row.version - start.get(row.itemId)!);
    }
    expect(await withClient(url, verifyAuditChain)).toMatchObject({ ok: true });

    // Sessions live in Postgres, so the reviewer is still signed in, and saving works again.
    const first = after.find((r) => r.itemId === rows[0]!.itemId)!;
    const again = await sendAutosave(base, id, cookie, {
      assessmentId: assessment.id,
      itemId: first.itemId,
      baseVersion: first.version,
      values: { status: "met", justification: "Saved after the restart.", notes: "", evidenceLinks: [] },
    });
    expect(again).toEqual({ outcome: "saved", version: first.version + 1 });
  }, 180_000);
});
