// Twenty reviewers on one assessment at once, through the data layer on a real
// Postgres with a pool wide enough for them to race. No save is lost: of twenty
// saves of one answer from the same version, one lands and nineteen are told of
// the conflict; saves of different answers all land; editors who retry after a
// conflict all get their change in. The audit chain stays whole throughout.
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { PrismaClient } from "@/lib/db/client";
import { principalOf, seededDemo } from "./principals";
import { withClient } from "./helpers";

const EDITORS = 20;
let url: string;
let prisma: PrismaClient;
let editors: Principal[];
let assessmentId: string;
let items: string[];

beforeAll(async () => {
  // The app's pool: as many connections as a busy instance would have.
  process.env.DATABASE_POOL_SIZE = "10";
  const demo = await seededDemo({ database: "twelvefold_concurrency", people: {} });
  ({ url, prisma } = demo);
  const team = await prisma.team.findUniqueOrThrow({ where: { slug: "payments" } });
  editors = [];
  for (let i = 0; i < EDITORS; i++) {
    const user = await prisma.user.create({
      data: { email: `editor${i}@concurrency.test`, name: `Editor ${i}`, memberships: { create: { teamId: team.id, role: "REVIEWER" } } },
    });
    editors.push(await principalOf(url, user.id));
  }
  const { startAssessment } = await import("@/lib/data/assessments/start-assessment");
  const service = await prisma.service.findFirstOrThrow({ where: { slug: "payout-scheduler" } });
  assessmentId = (await startAssessment(editors[0]!, { serviceId: service.id })).id;
  items = (await prisma.response.findMany({ where: { assessmentId }, orderBy: { itemId: "asc" }, select: { itemId: true } })).map((r) => r.itemId);
});

const answer = (justification: string, notes = "") => ({ status: "met" as const, justification, notes, evidenceLinks: [] });
const version = async (itemId: string) => (await prisma.response.findUniqueOrThrow({ where: { assessmentId_itemId: { assessmentId, itemId } } })).version;

describe("twenty concurrent editors", () => {
  it("saving one answer from the same version: one lands, nineteen are told of the conflict", async () => {
    const { saveResponse } = await import("@/lib/data/assessments/save-response");
    const itemId = items[0]!;
    const base = await version(itemId);
    const results = await Promise.all(
      editors.map((editor, i) => saveResponse(editor, { assessmentId, itemId, baseVersion: base, values: answer(`Seen working by editor ${i}.`) })),
    );
    const saved = results.filter((r) => r.outcome === "saved");
    expect(saved).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "conflict")).toHaveLength(EDITORS - 1);
    const stored = await prisma.response.findUniqueOrThrow({ where: { assessmentId_itemId: { assessmentId, itemId } } });
    expect(stored.version).toBe(base + 1);
    expect(stored.justification).toBe(saved[0]!.answer.justification);
    const audited = await prisma.auditEvent.count({ where: { action: "response.saved", targetId: `${assessmentId}/${itemId}` } });
    expect(audited).toBe(1);
  });

  it("saving different answers: every save lands, each where it belongs", async () => {
    const { saveResponse } = await import("@/lib/data/assessments/save-response");
    const mine = items.slice(1, 1 + EDITORS);
    const bases = await Promise.all(mine.map(version));
    const results = await Promise.all(
      editors.map((editor, i) =>
        saveResponse(editor, { assessmentId, itemId: mine[i]!, baseVersion: bases[i]!, values: answer(`Item checked by editor ${i}.`) }),
      ),
    );
    expect(results.map((r) => r.outcome)).toEqual(Array(EDITORS).fill("saved"));
    const stored = await prisma.response.findMany({ where: { assessmentId, itemId: { in: mine } } });
    for (const [i, itemId] of mine.entries()) {
      const row = stored.find((r) => r.itemId === itemId)!;
      expect(row.justification).toBe(`Item checked by editor ${i}.`);
      expect(row.version).toBe(bases[i]! + 1);
    }
  });

  it("editors who reload and retry after a conflict all get their change in", async () => {
    const { saveResponse } = await import("@/lib/data/assessments/save-response");
    const itemId = items.at(-1)!;
    const base = await version(itemId);
    // Each adds its own line to the notes: read, change, save; on conflict, start again from what won.
    const addLine = async (editor: Principal, i: number) => {
      let current = await prisma.response.findUniqueOrThrow({ where: { assessmentId_itemId: { assessmentId, itemId } } });
      for (let attempt = 0; attempt < 100; attempt++) {
        const notes = [current.notes, `line from editor ${i}`].filter(Boolean).join("\n");
        const result = await saveResponse(editor, { assessmentId, itemId, baseVersion: current.version, values: answer("Checked by many.", notes) });
        if (result.outcome === "saved") return attempt;
        current = { ...current, notes: result.answer.notes, version: result.answer.version };
      }
      throw new Error(`editor ${i} never got a save in`);
    };
    const attempts = await Promise.all(editors.map(addLine));
    const stored = await prisma.response.findUniqueOrThrow({ where: { assessmentId_itemId: { assessmentId, itemId } } });
    expect(stored.version).toBe(base + EDITORS);
    const lines = stored.notes.split("\n");
    expect(lines).toHaveLength(EDITORS);
    expect(new Set(lines)).toEqual(new Set(editors.map((_, i) => `line from editor ${i}`)));
    // They really raced: some had to retry.
    expect(attempts.some((n) => n > 0)).toBe(true);
  });

  it("leaves the audit chain whole", async () => {
    expect(await withClient(url, verifyAuditChain)).toMatchObject({ ok: true });
  });
});
