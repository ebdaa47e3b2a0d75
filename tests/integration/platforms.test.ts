// Platforms answer once, against a real Postgres: a platform covers items, the
// services on it inherit or share its answers, a platform's regression moves
// every dependent's posture in one job with its notifications raised once, a
// new assessment of a dependent takes the platform's validated answer, and bad
// input (a circle of platforms, a service on itself, a non-platform, unknown
// items, a role that may not) changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/client";
import { getAssessment } from "@/lib/data/assessments/get-assessment";
import { approveAssessment, submitAssessment } from "@/lib/data/assessments/sign-off";
import { startAssessment } from "@/lib/data/assessments/start-assessment";
import { ForbiddenError, NotFoundError } from "@/lib/data/errors";
import { setInheritanceModes, setPlatform, stopUsingPlatform, usePlatform } from "@/lib/data/platforms/manage";
import { propagatePlatformChange } from "@/lib/data/platforms/propagate";
import { seededDemo } from "./principals";

const NOW = new Date("2026-06-15T09:00:00Z");
const context = { ipAddress: null, userAgent: "test" };
const COVERED = ["F03-NO-SECRETS-IN-CODE", "F03-SECRET-STORE", "F03-ROTATION"];
/** The demo's approved services on its secret store: the Payments services and Twelvefold itself (Payout Scheduler is on it too, never assessed). */
const DEPENDENTS = ["checkout-api", "payment-gateway", "ledger-service", "invoice-renderer", "fraud-scoring", "twelvefold"];
let prisma: PrismaClient;
let as: Record<"reviewer" | "lead" | "owner" | "tomas", Principal>;

beforeAll(async () => {
  process.env.AUDIT_KEY = "platforms-test-audit-key-0123456789abcdef";
  ({ prisma, as } = await seededDemo({
    database: "twelvefold_platforms",
    now: NOW,
    people: { reviewer: "reviewer@demo.test", lead: "lead@demo.test", owner: "owner@demo.test", tomas: "tomas.reyes@demo.test" },
  }));
}, 180_000);

afterAll(async () => {
  await prisma?.$disconnect();
});

const idOf = async (slug: string) => (await prisma.service.findFirstOrThrow({ where: { slug } })).id;
const everything = async () =>
  JSON.stringify([
    await prisma.platformUse.findMany({ orderBy: [{ serviceId: "asc" }, { platformId: "asc" }] }),
    await prisma.service.findMany({ orderBy: { id: "asc" }, select: { id: true, platformKind: true, platformItems: true, latestScore: true } }),
  ]);

describe("declaring platforms", () => {
  it("starts from the demo's platforms, and widening what one covers moves the services on it in the background", async () => {
    const platform = await idOf("secrets-broker");
    expect(await prisma.platformUse.count({ where: { platformId: platform } })).toBe(DEPENDENTS.length + 1);
    await setPlatform(as.lead, { serviceId: platform, kind: "Secret store", items: COVERED }, context, NOW);
    expect((await prisma.service.findUniqueOrThrow({ where: { id: platform } })).platformItems).toEqual([...COVERED].sort());
    const queued = await prisma.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'platform-posture' AND data->>'platformId' = ${platform}`;
    expect(queued[0]!.n).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "platform.updated", targetId: platform } })).toBe(1);
  });

  it("refuses a circle, a service on itself, a non-platform, unknown items and roles that may not, changing nothing", async () => {
    await setPlatform(as.lead, { serviceId: await idOf("deploy-pipeline"), kind: "CI system", items: ["F05-IMMUTABLE-RELEASES"] }, context, NOW);
    await usePlatform(as.lead, { serviceId: await idOf("secrets-broker"), platformId: await idOf("deploy-pipeline") }, context, NOW);
    const before = await everything();
    await expect(usePlatform(as.lead, { serviceId: await idOf("deploy-pipeline"), platformId: await idOf("secrets-broker") }, context, NOW)).rejects.toThrow(
      "Secrets Broker already runs, directly or through other platforms, on Deploy Pipeline: that would be a circle.",
    );
    await expect(usePlatform(as.lead, { serviceId: await idOf("secrets-broker"), platformId: await idOf("secrets-broker") }, context, NOW)).rejects.toThrow(
      "A service cannot run on itself.",
    );
    await expect(usePlatform(as.reviewer, { serviceId: await idOf("fraud-scoring"), platformId: await idOf("checkout-api") }, context, NOW)).rejects.toThrow(
      "That is not a platform",
    );
    await expect(setPlatform(as.lead, { serviceId: await idOf("log-shipper"), kind: "Log pipeline", items: ["F11-NOPE"] }, context, NOW)).rejects.toThrow(
      "Not items of the current checklist: F11-NOPE.",
    );
    await expect(setPlatform(as.lead, { serviceId: await idOf("secrets-broker"), kind: null, items: [] }, context, NOW)).rejects.toThrow(
      `${DEPENDENTS.length + 1} services run on Secrets Broker; they must stop before it stops being a platform.`,
    );
    await expect(
      usePlatform(as.owner, { serviceId: await idOf("fraud-scoring"), platformId: await idOf("secrets-broker") }, context, NOW),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      setInheritanceModes(
        as.reviewer,
        { serviceId: await idOf("checkout-api"), platformId: await idOf("secrets-broker"), modes: { "F01-REPO-ACCESS": "own" } },
        context,
        NOW,
      ),
    ).rejects.toThrow("The platform does not cover F01-REPO-ACCESS.");
    // Another team's lead sees the platform to choose it, but cannot change the Payments services.
    await expect(
      usePlatform(as.tomas, { serviceId: await idOf("fraud-scoring"), platformId: await idOf("secrets-broker") }, context, NOW),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await everything()).toBe(before);
  });
});

describe("a platform regresses", () => {
  it("moves every dependent's posture down in one job, and tells their owners and leads once", async () => {
    const platform = await idOf("secrets-broker");
    await setInheritanceModes(as.reviewer, { serviceId: await idOf("payment-gateway"), platformId: platform, modes: { "F03-ROTATION": "own" } }, context, NOW);
    // The platform's answers as approved at the start: every covered item met.
    const first = await walkPlatform(platform, "MET");
    await propagatePlatformChange({ platformId: platform, key: `approval:${first}` }, NOW);
    const posture = async () =>
      new Map(
        (await prisma.service.findMany({ where: { slug: { in: DEPENDENTS } }, select: { slug: true, latestScore: true, currentScore: true } })).map((s) => [
          s.slug,
          { approved: s.latestScore, current: s.currentScore },
        ]),
      );
    const before = await posture();

    const second = await walkPlatform(platform, "NOT_MET");
    const queued = await prisma.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'platform-posture' AND data->>'key' = ${`approval:${second}`}`;
    expect(queued[0]!.n, "the approval queued the move of its dependents").toBe(1);
    const result = await propagatePlatformChange({ platformId: platform, key: `approval:${second}` }, NOW);
    // Payout Scheduler, never approved, is on it too: it moves nowhere.
    expect(result).toEqual({ services: DEPENDENTS.length + 1, fell: DEPENDENTS.length });
    // The current posture falls; the approved score stays what each service's own approval froze.
    for (const [slug, now] of await posture()) {
      expect(now.current!, slug).toBeLessThan(before.get(slug)!.current!);
      expect(now.approved, slug).toBe(before.get(slug)!.approved);
    }

    // The job again (a retry): nothing is raised twice.
    await propagatePlatformChange({ platformId: platform, key: `approval:${second}` }, NOW);
    const events = await prisma.notificationEvent.findMany({ where: { kind: "platform.regressed", key: { contains: second } } });
    expect(events).toHaveLength(DEPENDENTS.length);
    expect(new Set(events.map((e) => e.subjectId)).size).toBe(DEPENDENTS.length);
  });

  it("gives a new assessment of a dependent the platform's validated answers for what it inherits, and not for what it keeps", async () => {
    const gateway = await idOf("payment-gateway");
    await prisma.assessment.deleteMany({ where: { serviceId: gateway, status: { in: ["DRAFT", "IN_REVIEW"] } } });
    const { id } = await startAssessment(as.reviewer, { serviceId: gateway });
    const view = await getAssessment(as.reviewer, id);
    expect(view.responses["F03-SECRET-STORE"]).toMatchObject({ status: "not_met", carriedOver: false, inheritedFrom: { name: "Secrets Broker" } });
    expect(view.responses["F03-SECRET-STORE"]!.attestation).toMatch(
      /^Inherited from the platform Secrets Broker on \d{4}-\d{2}-\d{2}; validated there by Riley Reviewer\.$/,
    );
    expect(view.responses["F03-ROTATION"]!.inheritedFrom, "kept as its own").toBeNull();
  });

  it("stops: the service's own answers stand again", async () => {
    const checkout = await idOf("checkout-api");
    const with_ = (await prisma.service.findUniqueOrThrow({ where: { id: checkout } })).currentScore!;
    await stopUsingPlatform(as.reviewer, { serviceId: checkout, platformId: await idOf("secrets-broker") }, context, NOW);
    // Still on the deploy pipeline, so a current score of its own, now without the regressed secret store.
    expect((await prisma.service.findUniqueOrThrow({ where: { id: checkout } })).currentScore!).toBeGreaterThan(with_);
  });
});

/** The platform team assesses the platform, with its covered items at `covered` and the rest met, and approves it. */
async function walkPlatform(platform: string, covered: "MET" | "NOT_MET"): Promise<string> {
  await prisma.assessment.deleteMany({ where: { serviceId: platform, status: { in: ["DRAFT", "IN_REVIEW"] } } });
  const { id } = await startAssessment(as.reviewer, { serviceId: platform });
  await prisma.response.updateMany({
    where: { assessmentId: id },
    data: { status: "MET", justification: "Checked.", carriedOver: false, validation: "AGREED", validatedById: as.reviewer.userId },
  });
  await prisma.response.updateMany({ where: { assessmentId: id, itemId: { in: COVERED } }, data: { status: covered } });
  await submitAssessment(as.reviewer, { assessmentId: id });
  await approveAssessment(as.lead, { assessmentId: id });
  return id;
}

describe("posture as of a day", () => {
  it("shows each service's latest approval by the end of that day, and the findings being worked on then", async () => {
    const { serviceScoresAsOf, openFindingsAsOf } = await import("@/lib/data/reports/as-of");
    const { parseAsOf } = await import("@/lib/posture/as-of");
    const { countOpenFindings } = await import("@/lib/data/findings/count-open-findings");
    const day = (d: string) => parseAsOf(d, new Date("2030-01-01T00:00:00Z")).asOf!;
    const platform = await idOf("secrets-broker");
    const approvals = await prisma.assessment.findMany({
      where: { serviceId: platform, status: "COMPLETED" },
      orderBy: { approvedAt: "asc" },
      select: { approvedAt: true, overallScore: true },
    });
    expect(approvals.length).toBeGreaterThanOrEqual(2);
    const [older, newer] = approvals.slice(-2) as [(typeof approvals)[number], (typeof approvals)[number]];
    // The day before the newer approval (if it fell on another day), and the day of it.
    const newerDay = newer.approvedAt!.toISOString().slice(0, 10);
    const dayBefore = new Date(newer.approvedAt!.getTime() - 86_400_000).toISOString().slice(0, 10);
    const scoreOn = async (d: string) => (await serviceScoresAsOf(as.lead, day(d))).find((s) => s.id === platform)?.latestScore;
    expect(await scoreOn(newerDay)).toBe(newer.overallScore);
    if (older.approvedAt!.toISOString().slice(0, 10) < dayBefore) expect(await scoreOn(dayBefore)).toBe(older.overallScore);
    // Before the first approval the service had no score; before it existed it is not listed.
    const first = approvals[0]!.approvedAt!;
    const service = await prisma.service.findUniqueOrThrow({ where: { id: platform } });
    const beforeFirst = new Date(first.getTime() - 86_400_000).toISOString().slice(0, 10);
    const listed = (await serviceScoresAsOf(as.lead, day(beforeFirst))).find((s) => s.id === platform);
    if (service.createdAt.toISOString().slice(0, 10) <= beforeFirst) expect(listed?.latestScore).toBeNull();
    else expect(listed).toBeUndefined();
    expect(await serviceScoresAsOf(as.tomas, day(newerDay)), "another team's services are not theirs").not.toEqual(
      expect.arrayContaining([expect.objectContaining({ id: platform })]),
    );

    // A finding opened, then resolved a week later: worked on in between, not after, not before.
    const [quiet] = await prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO services (team_id, name, slug, created_at, updated_at)
      SELECT team_id, 'As-of Service', 'as-of-service', '2025-01-01T00:00:00Z', now() FROM services WHERE id = ${platform}::uuid RETURNING id`;
    const [finding] = await prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO findings (service_id, item_id, title, severity, status, opened_at, resolved_at, due_date, updated_at)
      VALUES (${quiet!.id}::uuid, 'F09-EXPIRY', 'As-of finding', 'critical', 'resolved', '2025-03-01T12:00:00Z', '2025-03-08T12:00:00Z', '2025-03-05T00:00:00Z', now())
      RETURNING id`;
    await prisma.findingEvent.createMany({
      data: [
        { findingId: finding!.id, kind: "OPENED", occurredAt: new Date("2025-03-01T12:00:00Z"), detail: {} },
        { findingId: finding!.id, kind: "RESOLVED", occurredAt: new Date("2025-03-08T12:00:00Z"), detail: {} },
      ],
    });
    const critical = async (d: string) => (await openFindingsAsOf(as.lead, day(d))).bySeverity.critical;
    const base = await critical("2025-02-28");
    expect(await critical("2025-03-03")).toBe(base + 1);
    const during = await openFindingsAsOf(as.lead, day("2025-03-06"));
    expect(during.bySeverity.critical).toBe(base + 1);
    expect(during.overdue, "its due date had passed by then").toBeGreaterThanOrEqual(1);
    expect(await critical("2025-03-09")).toBe(base);
    // The service's report as of those days says the same.
    const { getServiceFigures } = await import("@/lib/data/reports/service-report");
    const report = async (d: string) => getServiceFigures(as.lead, { id: quiet!.id }, new Date(), day(d));
    expect([(await report("2025-03-03")).overdue, (await report("2025-03-06")).overdue, (await report("2025-03-09")).overdue]).toEqual([0, 1, 0]);
    expect((await report("2025-03-09")).resolvedCount).toBe(1);
    expect((await report("2025-03-06")).resolvedCount).toBe(0);
    expect((await getServiceFigures(as.lead, { id: platform }, new Date(), day(newerDay))).latestScore).toBe(newer.overallScore);
    // Today, as of today, agrees with the live count.
    const todayDay = new Date().toISOString().slice(0, 10);
    expect((await openFindingsAsOf(as.lead, parseAsOf(todayDay, new Date()).asOf!)).total).toBe((await countOpenFindings(as.lead)).total);
  });
});
