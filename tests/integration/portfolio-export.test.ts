// The portfolio report is made by the worker, not in a web request: asking
// records a queued export and its job in one transaction; a worker (here the
// real one, connected as the least-privileged app role) renders it, reports
// progress, and records it like every export. Rights are checked again when
// it runs; only the requester may see or download it; a job that fails every
// attempt marks its export failed.
import { createHash, randomBytes } from "node:crypto";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/client";
import { dropAppLogin, ensureAppLogin } from "@/lib/db/app-role";
import { createLogger } from "@/lib/log";
import { PORTFOLIO_EXPORT_QUEUE, QUEUE_SCHEMA } from "@/lib/queue/queues";
import { GAVE_UP, startWorker, type RunningWorker } from "@/lib/queue/worker";
import { keepFirstPages, pdfText } from "./pdf";
import { seededDemo } from "./principals";

let prisma: PrismaClient;
let url: string;
let as: Record<"lead" | "reviewer" | "auditor" | "otherLead", Principal>;
let worker: RunningWorker | undefined;
const login = `twelvefold_it_worker_${randomBytes(4).toString("hex")}`;
const context = { origin: "https://twelvefold.example", ipAddress: "192.0.2.9", userAgent: "test" };

async function settled(exportId: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await prisma.export.findUniqueOrThrow({ where: { id: exportId } });
    if (row.status === "DONE" || row.status === "FAILED") return row;
    if (Date.now() > until) throw new Error(`export ${exportId} still ${row.status} at ${row.progress}%`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  ({ prisma, as, url } = await seededDemo({
    database: "twelvefold_queue",
    people: { lead: "lead@demo.test", reviewer: "reviewer@demo.test", auditor: "auditor@demo.test", otherLead: "tomas.reyes@demo.test" },
  }));
  // The worker connects as the app's least-privileged role, as it does under `npm start`.
  const appUrl = await ensureAppLogin(url, login, randomBytes(18).toString("base64url"));
  worker = await startWorker({ databaseUrl: appUrl, log: createLogger("worker", "silent"), pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await worker?.stop(5_000);
  await prisma?.$disconnect();
  await dropAppLogin(url, login);
});

describe("a portfolio export", () => {
  it("is queued with its job and audit event, then made by the worker with the requester's scope", { timeout: 120_000 }, async () => {
    const { requestPortfolioExport } = await import("@/lib/data/exports/request-portfolio-export");
    const { exportId } = await requestPortfolioExport(as.lead, { teamSlug: "platform" }, context);

    const requested = await prisma.auditEvent.findFirstOrThrow({ where: { action: "export.requested", targetId: exportId } });
    expect(requested.actorId).toBe(as.lead.userId);
    const [job] = await prisma.$queryRawUnsafe<{ data: { exportId: string; teamSlug: string } }[]>(
      `SELECT data FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'exportId' = $2`,
      PORTFOLIO_EXPORT_QUEUE,
      exportId,
    );
    expect(job?.data.teamSlug).toBe("platform");

    const done = await settled(exportId);
    expect(done.status).toBe("DONE");
    expect(done.progress).toBe(100);
    const bytes = Buffer.from(done.content!);
    expect(done.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(done.fileName).toMatch(/^twelvefold-portfolio-platform-\d{4}-\d{2}-\d{2}\.pdf$/);
    const exported = await prisma.auditEvent.findFirstOrThrow({ where: { action: "export.portfolio_pdf", targetId: exportId } });
    expect(exported.actorId).toBe(as.lead.userId);
    expect(exported.ipAddress).toBe("192.0.2.9");

    const { pages, text } = await pdfText(bytes);
    const has = (value: string) => text.includes(value.replace(/\s+/g, ""));
    const platform = await prisma.service.findMany({ where: { team: { slug: "platform" } } });
    for (const svc of platform) expect(has(svc.name), svc.name).toBe(true);
    const elsewhere = await prisma.service.findFirstOrThrow({ where: { team: { slug: "payments" } } });
    expect(has(elsewhere.name)).toBe(false);
    for (const heading of ["Portfolio report", "Summary", "Heatmap", "Trends by month", "Team Platform", exportId, "twelvefold.example/verify"]) {
      expect(has(heading), heading).toBe(true);
    }
    // The summary, heatmap and trends, then at least a page per service (long finding lists run on).
    expect(pages).toBeGreaterThanOrEqual(platform.length + 1);
    const images = await keepFirstPages(bytes, "portfolio-report");
    expect(images).toHaveLength(2);
    for (const size of images) expect(size, "a page image with content").toBeGreaterThan(20_000);
  });

  it(
    "is made as of an audit period's end when asked: that day's scores, the services that existed then, the day in its name",
    { timeout: 120_000 },
    async () => {
      const { requestPortfolioExport } = await import("@/lib/data/exports/request-portfolio-export");
      await expect(requestPortfolioExport(as.lead, { teamSlug: "platform", asOf: "2999-01-01" }, context)).rejects.toThrow("The day is still to come");
      // The day before Platform's first approvals: its services existed, none was assessed yet.
      const [first] = await prisma.$queryRaw<{ day: string }[]>`
      SELECT to_char(min(a.approved_at) AT TIME ZONE 'UTC' - interval '1 day', 'YYYY-MM-DD') AS day
      FROM assessments a JOIN services s ON s.id = a.service_id JOIN teams t ON t.id = s.team_id WHERE t.slug = 'platform' AND a.status = 'completed'`;
      const { exportId } = await requestPortfolioExport(as.lead, { teamSlug: "platform", asOf: first!.day }, context);
      const done = await settled(exportId);
      expect(done.status).toBe("DONE");
      expect(done.fileName).toBe(`twelvefold-portfolio-platform-as-of-${first!.day}.pdf`);
      const { text } = await pdfText(Buffer.from(done.content!));
      expect(text).toContain(`TeamPlatform·asof${first!.day}`);
      const requested = await prisma.auditEvent.findFirstOrThrow({ where: { action: "export.requested", targetId: exportId } });
      expect(requested.after).toMatchObject({ asOf: first!.day });
    },
  );

  it("is refused when asked for outside the caller's rights, and limited per user while under way", async () => {
    const { requestPortfolioExport, MAX_EXPORTS_UNDER_WAY } = await import("@/lib/data/exports/request-portfolio-export");
    await expect(requestPortfolioExport(as.reviewer, {}, context)).rejects.toThrow("forbidden");
    await expect(requestPortfolioExport(as.lead, { teamSlug: "identity" }, context)).rejects.toThrow("not found");
    await worker!.stop(30_000);
    worker = undefined;
    try {
      const before = await prisma.export.count();
      const asked = await Promise.allSettled(Array.from({ length: MAX_EXPORTS_UNDER_WAY + 2 }, () => requestPortfolioExport(as.auditor, {}, context)));
      expect(asked.filter((a) => a.status === "fulfilled")).toHaveLength(MAX_EXPORTS_UNDER_WAY);
      const refused = asked.filter((a): a is PromiseRejectedResult => a.status === "rejected");
      expect(refused).toHaveLength(2);
      for (const r of refused) expect(String(r.reason)).toContain("portfolio reports under way");
      expect(await prisma.export.count()).toBe(before + MAX_EXPORTS_UNDER_WAY);
    } finally {
      await prisma.export.updateMany({ where: { requestedById: as.auditor.userId, status: "QUEUED" }, data: { status: "FAILED", error: "test" } });
    }
  });

  it("fails, and makes no report, when the requester lost the right before it ran", async () => {
    const { requestPortfolioExport } = await import("@/lib/data/exports/request-portfolio-export");
    const { runPortfolioExport } = await import("@/lib/data/exports/run-portfolio-export");
    const { exportId } = await requestPortfolioExport(as.otherLead, {}, context);
    const membership = await prisma.membership.findFirstOrThrow({ where: { userId: as.otherLead.userId, role: "LEAD" } });
    await prisma.membership.update({ where: { id: membership.id }, data: { role: "REVIEWER" } });
    try {
      const job = { exportId, teamSlug: null, ...context };
      expect(await runPortfolioExport(job)).toBe("refused");
      const row = await prisma.export.findUniqueOrThrow({ where: { id: exportId } });
      expect(row).toMatchObject({ status: "FAILED", content: null, sha256: null });
      expect(row.error).toMatch(/may no longer export/);
      // A second delivery of the same job changes nothing.
      expect(await runPortfolioExport(job)).toBe("skipped");
    } finally {
      await prisma.membership.update({ where: { id: membership.id }, data: { role: "LEAD" } });
    }
  });

  it("belongs to its requester: nobody else sees or downloads it, and downloads are audited", { timeout: 120_000 }, async () => {
    const { requestPortfolioExport } = await import("@/lib/data/exports/request-portfolio-export");
    const { downloadMyExport, getMyExport, listMyExports } = await import("@/lib/data/exports/my-exports");
    const { runPortfolioExport } = await import("@/lib/data/exports/run-portfolio-export");
    const { exportId } = await requestPortfolioExport(as.lead, {}, context);
    expect((await getMyExport(as.lead, exportId)).state).toBe("queued");
    expect(await runPortfolioExport({ exportId, teamSlug: null, ...context })).toBe("done");

    const mine = await getMyExport(as.lead, exportId);
    expect(mine).toMatchObject({ state: "done", progress: 100, downloadable: true, kind: "PORTFOLIO_PDF" });
    expect((await listMyExports(as.lead)).map((e) => e.id)).toContain(exportId);
    const file = await downloadMyExport(as.lead, exportId, context);
    expect(createHash("sha256").update(file.bytes).digest("hex")).toBe(mine.sha256);
    expect(file.contentType).toBe("application/pdf");
    expect(await prisma.auditEvent.count({ where: { action: "export.download", targetId: exportId, actorId: as.lead.userId } })).toBe(1);

    for (const other of [as.auditor, as.reviewer, as.otherLead]) {
      await expect(getMyExport(other, exportId)).rejects.toThrow("not found");
      await expect(downloadMyExport(other, exportId, context)).rejects.toThrow("not found");
      expect((await listMyExports(other)).map((e) => e.id)).not.toContain(exportId);
    }
  });

  it("is downloadable only while its maker can still read every team it covers", { timeout: 120_000 }, async () => {
    const { requestPortfolioExport } = await import("@/lib/data/exports/request-portfolio-export");
    const { downloadMyExport } = await import("@/lib/data/exports/my-exports");
    const { runPortfolioExport } = await import("@/lib/data/exports/run-portfolio-export");
    const { principalOf } = await import("./principals");
    // The lead's report of both their teams (payments and platform), recorded with the teams it covers.
    const { exportId } = await requestPortfolioExport(as.lead, {}, context);
    expect(await runPortfolioExport({ exportId, teamSlug: null, ...context })).toBe("done");
    const platform = await prisma.team.findUniqueOrThrow({ where: { slug: "platform" } });
    expect((await prisma.export.findUniqueOrThrow({ where: { id: exportId } })).scopeTeamIds.sort()).toEqual(as.lead.memberships.map((m) => m.teamId).sort());
    expect((await downloadMyExport(as.lead, exportId, context)).bytes.length).toBeGreaterThan(0);
    // The lead leaves platform: the report holds platform's records, so it is no longer theirs to fetch.
    const membership = await prisma.membership.findFirstOrThrow({ where: { userId: as.lead.userId, teamId: platform.id } });
    await prisma.membership.delete({ where: { userId_teamId: { userId: membership.userId, teamId: membership.teamId } } });
    try {
      const leftPlatform = await principalOf(url, as.lead.userId);
      await expect(downloadMyExport(leftPlatform, exportId, context)).rejects.toThrow("not found");
    } finally {
      await prisma.membership.create({ data: { userId: membership.userId, teamId: membership.teamId, role: membership.role } });
    }
    expect((await downloadMyExport(await principalOf(url, as.lead.userId), exportId, context)).bytes.length).toBeGreaterThan(0);
  });

  it("is marked failed once its job has failed every attempt", { timeout: 60_000 }, async () => {
    worker ??= await startWorker({ databaseUrl: url, log: createLogger("worker", "silent"), pollingIntervalSeconds: 0.5 });
    const exportRow = await prisma.export.create({ data: { kind: "PORTFOLIO_PDF", status: "RUNNING", requestedById: as.lead.userId, progress: 40 } });
    // A worker that took the job and died with it, on its last attempt: the queue fails the job...
    const boss = new PgBoss({ connectionString: url, schema: QUEUE_SCHEMA, migrate: false, supervise: false, schedule: false, max: 1 });
    await boss.start();
    try {
      const jobId = await boss.send(PORTFOLIO_EXPORT_QUEUE, { exportId: exportRow.id, teamSlug: null, ...context }, { retryLimit: 0, startAfter: 3600 });
      await boss.fail(PORTFOLIO_EXPORT_QUEUE, jobId!, { message: "worker died" });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    // ...and its dead letter reaches the worker, which says so on the export.
    const row = await settled(exportRow.id, 30_000);
    expect(row.status).toBe("FAILED");
    expect(row.error).toBe(GAVE_UP);
  });
});
