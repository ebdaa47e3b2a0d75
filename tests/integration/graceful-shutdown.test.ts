// SIGTERM to the production server with requests in flight: they all finish,
// whole, before it exits; it exits promptly; and it takes no new connection.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/client";
import { freePort } from "@/lib/db/embedded";
import { signInOverHttp } from "../http-sign-in";
import { seededDemo } from "./principals";

const root = path.resolve(import.meta.dirname, "..", "..");
const PASSWORD = "graceful-shutdown-test-password";
let url: string;
let prisma: PrismaClient;
let port: number;
let server: ChildProcess;

beforeAll(async () => {
  ({ url, prisma } = await seededDemo({ database: "twelvefold_shutdown", password: PASSWORD, people: {} }));
  port = await freePort();
  server = spawn(process.execPath, [path.join(root, "scripts/web.mjs"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "silent",
    },
    stdio: "ignore",
  });
  for (let i = 0; ; i++) {
    if (i > 300) throw new Error("the server never became ready");
    try {
      if ((await fetch(`http://localhost:${port}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 120_000);

afterAll(() => {
  if (server.exitCode === null) server.kill("SIGKILL");
});

describe("SIGTERM", () => {
  it("lets requests in flight finish whole, then exits and refuses new ones", async () => {
    const base = `http://localhost:${port}`;
    // Two people, each at the limit of two reports being laid out at once.
    const cookies = [await signInOverHttp(base, "auditor@demo.test", PASSWORD), await signInOverHttp(base, "admin@demo.test", PASSWORD)];
    const assessment = await prisma.assessment.findFirstOrThrow({ where: { status: "COMPLETED" }, orderBy: { approvedAt: "desc" } });
    // Rendering a report takes long enough for the signal to arrive while they run.
    const sent = new Date(Date.now() - 1_000);
    const inFlight = [...cookies, ...cookies].map((cookie) =>
      fetch(`${base}/assessments/${assessment.id}/report`, { method: "POST", headers: { cookie, Origin: base } }).then(async (r) => ({
        status: r.status,
        body: Buffer.from(await r.arrayBuffer()),
        at: Date.now(),
      })),
    );
    // The signal comes once the server holds all four: each records its export as running before it lays the report out.
    for (let i = 0; (await prisma.export.count({ where: { kind: "ASSESSMENT_PDF", createdAt: { gte: sent } } })) < 4; i++) {
      if (i > 600) throw new Error("the server never took the four requests");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    const signalled = Date.now();
    server.kill("SIGTERM");
    const responses = await Promise.all(inFlight);
    // Really in flight: at least one was still being answered when the signal came.
    expect(Math.max(...responses.map((r) => r.at))).toBeGreaterThan(signalled);
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.body.subarray(0, 5).toString()).toBe("%PDF-");
      expect(response.body.subarray(-6).toString()).toContain("%%EOF");
    }
    // It exits by itself once they are done (how long that takes is the bench's to measure, not a test's).
    await exited;
    await expect(fetch(`${base}/api/health/live`)).rejects.toThrow();
  }, 60_000);
});
