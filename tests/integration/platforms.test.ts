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
