import "server-only";
import { allItems, latestChecklist } from "../../checklist";
import { detectDrift, type ApprovedAnswer, type DriftKind } from "../../evidence/drift";
import type { EvidenceResult, Observation } from "../../evidence/schema";
import type { Prisma } from "../../generated/prisma/client";
import { raiseEvent } from "../../notify/raise";
import { recomputeEffectivePosture } from "../../posture/effective";
import { answerStatuses } from "../../vocabulary/answers";
import { applyFindings } from "../assessments/apply-findings";

type Tx = Prisma.TransactionClient;
const KIND_TO_DB = { contradicted: "CONTRADICTED", citation_changed: "CITATION_CHANGED" } as const;

export interface DriftOutcome {
  drifted: { itemId: string; kind: DriftKind }[];
  cleared: string[];
  findingsOpened: number;
  currentScore: number | null;
}

/**
 * Compares a submission with the service's latest approved answers, in the
 * submission's transaction: records each new drift (one open per item), clears
 * contradictions the evidence no longer shows, tells the team's lead and
 * reviewers, opens findings when the team asks for that, and moves the current
 * score. A service never approved has nothing to drift from.
 */
export async function checkDrift(
  tx: Tx,
  input: {
    service: { id: string; teamId: string; name: string; path: string };
    results: EvidenceResult[];
    evidenceIds: ReadonlyMap<string, string>;
    source: string;
    actorId: string | null;
    /** A pipeline's token acts for the person who made it, who is still told of what the pipeline found. */
    viaToken: boolean;
    now: Date;
  },
): Promise<DriftOutcome> {
  const none: DriftOutcome = { drifted: [], cleared: [], findingsOpened: 0, currentScore: null };
  const approval = await tx.assessment.findFirst({
    where: { serviceId: input.service.id, status: "COMPLETED" },
    orderBy: { approvedAt: "desc" },
    select: {
      id: true,
      responses: {
        where: { itemId: { in: input.results.map((r) => r.itemId) } },
        select: { itemId: true, status: true, suggestionOutcome: true, suggestion: { select: { observations: true } } },
      },
    },
  });
  if (!approval) return none;
  // Serialises drift checks of one service: two pipelines at once cannot both open the same drift.
  await tx.$queryRaw`SELECT id FROM services WHERE id = ${input.service.id}::uuid FOR UPDATE`;
  const approved: ApprovedAnswer[] = approval.responses.map((r) => ({
    itemId: r.itemId,
    status: answerStatuses.fromDb(r.status),
    citations: r.suggestionOutcome === "ACCEPTED" && Array.isArray(r.suggestion?.observations) ? (r.suggestion.observations as unknown as Observation[]) : [],
  }));
  const openRows = await tx.drift.findMany({ where: { serviceId: input.service.id, resolvedAt: null }, select: { itemId: true, kind: true } });
  const open = new Map(openRows.map((d) => [d.itemId, d.kind === "CONTRADICTED" ? ("contradicted" as const) : ("citation_changed" as const)]));
  const { drifted, cleared } = detectDrift(approved, input.results, open, input.source);
  if (cleared.length) {
    await tx.drift.updateMany({
      where: { serviceId: input.service.id, itemId: { in: cleared }, resolvedAt: null },
      data: { resolvedAt: input.now, resolution: `${input.source} agrees with the approved answer again` },
    });
  }
  if (!drifted.length && !cleared.length) return none;
  const rows = await tx.drift.createManyAndReturn({
    data: drifted.map((d) => ({
      serviceId: input.service.id,
      itemId: d.itemId,
      assessmentId: approval.id,
      kind: KIND_TO_DB[d.kind],
      approvedStatus: answerStatuses.toDb(d.approvedStatus),
      observedStatus: answerStatuses.toDb(d.observedStatus),
      evidenceId: input.evidenceIds.get(d.itemId) ?? null,
      source: input.source,
      detail: d.detail,
      file: d.file,
      line: d.line,
      detectedAt: input.now,
    })),
    skipDuplicates: true,
    select: { id: true, itemId: true },
  });
  let findingsOpened = 0;
  if (rows.length) {
    const items = new Map(allItems(latestChecklist()).map((i) => [i.id, i]));
    await raiseEvent(tx, {
      kind: "evidence.drifted",
      key: `evidence.drifted:${rows[0]!.id}`,
      teamId: input.service.teamId,
      subject: { type: "service", id: input.service.id },
      path: input.service.path,
      title: `${input.service.name}: ${rows.length === 1 ? "an approved answer has" : `${rows.length} approved answers have`} drifted`,
      summary: `${input.source} contradicts ${rows.map((r) => r.itemId).join(", ")}.`,
      actorId: input.viaToken ? null : input.actorId,
      occurredAt: input.now,
    });
    const team = await tx.team.findUniqueOrThrow({ where: { id: input.service.teamId }, select: { driftOpensFindings: true } });
    const urgent = drifted.filter((d) => d.kind === "contradicted" && ["critical", "high"].includes(items.get(d.itemId)?.severity ?? ""));
    if (team.driftOpensFindings && urgent.length) {
      const counts = await applyFindings(tx, {
        serviceId: input.service.id,
        assessmentId: null,
        actorId: input.actorId,
        now: input.now,
        answers: urgent.map((d) => ({
          itemId: d.itemId,
          title: items.get(d.itemId)?.title ?? d.itemId,
          severity: items.get(d.itemId)!.severity,
          status: d.observedStatus,
        })),
        cause: { drift: input.source },
      });
      findingsOpened = counts.opened + counts.reopened;
    }
  }
  const [change] = await recomputeEffectivePosture(tx, [input.service.id]);
  const recorded = new Set(rows.map((r) => r.itemId));
  return {
    drifted: drifted.filter((d) => recorded.has(d.itemId)).map((d) => ({ itemId: d.itemId, kind: d.kind })),
    cleared,
    findingsOpened,
    currentScore: change?.after ?? null,
  };
}
