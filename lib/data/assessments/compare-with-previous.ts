import "server-only";
import { compareFactors, compareItems, type FactorDifference, type ItemDifference } from "../../assessments/compare";
import type { Principal } from "../../auth/policy";
import { parseStoredFactors } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import { NotFoundError } from "../errors";
import { servicesVisibleTo } from "../scope";
import { answerStatuses } from "../../vocabulary/answers";
import { type ResponseStatus as DbResponseStatus } from "../../generated/prisma/enums";

export interface AssessmentComparison {
  previous: { id: string; approvedAt: Date; overallScore: number | null } | null;
  overall: { before: number | null; after: number | null };
  factors: FactorDifference[];
  items: ItemDifference[];
}

/** Factor scores as stored on an approved assessment, in factor order. */
export function storedScores(value: unknown): (number | null)[] {
  const out = Array.from({ length: 12 }, () => null as number | null);
  for (const entry of (value ?? []) as { factor: number; score: number | null }[]) out[entry.factor - 1] = entry.score;
  return out;
}

/** Each item's answer, by item id. */
export const statusesOf = (rows: { itemId: string; status: DbResponseStatus }[]) => new Map(rows.map((r) => [r.itemId, answerStatuses.fromDb(r.status)]));

/** What a completed assessment changed since the one completed before it. */
export async function compareWithPrevious(principal: Principal, assessmentId: string): Promise<AssessmentComparison> {
  const prisma = getPrisma();
  const assessment = await prisma.assessment.findFirst({
    where: { id: assessmentId, status: "COMPLETED", service: servicesVisibleTo(principal) },
    include: { checklistVersion: { select: { items: true } }, responses: { select: { itemId: true, status: true } } },
  });
  if (!assessment?.approvedAt) throw new NotFoundError();
  const previous = await prisma.assessment.findFirst({
    where: { serviceId: assessment.serviceId, status: "COMPLETED", approvedAt: { lt: assessment.approvedAt } },
    orderBy: { approvedAt: "desc" },
    include: { responses: { select: { itemId: true, status: true } } },
  });
  const items = parseStoredFactors(assessment.checklistVersion.items).flatMap((f) => f.items);
  return {
    previous: previous?.approvedAt ? { id: previous.id, approvedAt: previous.approvedAt, overallScore: previous.overallScore } : null,
    overall: { before: previous?.overallScore ?? null, after: assessment.overallScore },
    factors: compareFactors(previous ? storedScores(previous.factorScores) : null, storedScores(assessment.factorScores)),
    items: compareItems(items, previous ? statusesOf(previous.responses) : new Map(), statusesOf(assessment.responses)),
  };
}
