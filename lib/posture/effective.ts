// A service's posture with its platforms' answers and its drifted evidence applied. Not server-only: the
// demo seed runs it too.
import { parseStoredFactors, type ChecklistItem } from "../checklist";
import type { Prisma } from "../generated/prisma/client";
import { effectiveStatuses, type InheritanceMode, type PlatformAnswers } from "../platforms/inherit";
import { scoreAssessment, storedFactorScores } from "../scoring/score";
import { answerStatuses, type ResponseStatus } from "../vocabulary/answers";

type Tx = Prisma.TransactionClient;
type DbStatus = Parameters<typeof answerStatuses.fromDb>[0];

export interface PostureChange {
  serviceId: string;
  teamId: string;
  name: string;
  /** Where its page is. */
  path: string;
  /** Its posture before and after: the current score, or the approved one where it has none. */
  before: number | null;
  after: number | null;
}

/** The latest approved answers of each service, by item. */
async function approvedAnswers(tx: Tx, serviceIds: string[]) {
  const rows = await tx.$queryRaw<{ service_id: string; version_id: string; item_id: string; status: DbStatus }[]>`
    WITH latest AS (
      SELECT DISTINCT ON (service_id) id, service_id, checklist_version_id FROM assessments
      WHERE status = 'completed' AND service_id = ANY(${serviceIds}::uuid[]) ORDER BY service_id, approved_at DESC
    )
    SELECT l.service_id, l.checklist_version_id AS version_id, r.item_id, upper(r.status::text) AS status
    FROM latest l JOIN responses r ON r.assessment_id = l.id`;
  const byService = new Map<string, { versionId: string; statuses: Map<string, ResponseStatus> }>();
  for (const row of rows) {
    const entry = byService.get(row.service_id) ?? { versionId: row.version_id, statuses: new Map() };
    entry.statuses.set(row.item_id, answerStatuses.fromDb(row.status));
    byService.set(row.service_id, entry);
  }
  return byService;
}

/**
 * Moves each service's current posture to its latest approved answers with its
 * platforms' answers applied (lib/platforms/inherit.ts) and each open
 * contradiction by evidence counted as what the evidence shows, in the caller's
 * transaction: `current_score` and `current_factor_scores`, beside the approved
 * `latest_score` (which stays what its approval froze). A service on no platform
 * and with no drift, or never approved, has no current score of its own. Returns what moved.
 */
export async function recomputeEffectivePosture(tx: Tx, serviceIds: readonly string[]): Promise<PostureChange[]> {
  if (serviceIds.length === 0) return [];
  const ids = [...new Set(serviceIds)];
  const [services, uses, drifts] = await Promise.all([
    tx.service.findMany({
      where: { id: { in: ids }, archivedAt: null },
      select: { id: true, teamId: true, name: true, slug: true, team: { select: { slug: true } }, latestScore: true, currentScore: true },
    }),
    tx.platformUse.findMany({
      where: { serviceId: { in: ids }, platform: { platformKind: { not: null }, archivedAt: null } },
      select: { serviceId: true, platformId: true, modes: true, platform: { select: { platformItems: true } } },
    }),
    // Evidence that contradicts an approved answer counts as what it shows until someone acts on it.
    tx.drift.findMany({
      where: { serviceId: { in: ids }, resolvedAt: null, kind: "CONTRADICTED" },
      select: { serviceId: true, itemId: true, observedStatus: true },
    }),
  ]);
  const own = await approvedAnswers(tx, ids);
  const platformAnswers = await approvedAnswers(tx, [...new Set(uses.map((u) => u.platformId))]);
  const versionIds = [...new Set([...own.values()].map((o) => o.versionId))];
  const versions = await tx.checklistVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, items: true } });
  const itemsOf = new Map<string, ChecklistItem[]>(versions.map((v) => [v.id, parseStoredFactors(v.items).flatMap((f) => f.items)]));
  const changes: PostureChange[] = [];
  const rows: { id: string; score: number | null; factors: string | null }[] = [];
  for (const service of services) {
    const mine = own.get(service.id);
    const platforms: PlatformAnswers[] = uses
      .filter((u) => u.serviceId === service.id)
      .map((u) => ({
        platformId: u.platformId,
        items: u.platform.platformItems,
        statuses: platformAnswers.get(u.platformId)?.statuses ?? new Map(),
        modes: u.modes as Record<string, InheritanceMode>,
      }));
    const before = service.currentScore ?? service.latestScore;
    const about = { serviceId: service.id, teamId: service.teamId, name: service.name, path: `/services/${service.slug}?team=${service.team.slug}`, before };
    const drifted = drifts.filter((d) => d.serviceId === service.id);
    if (!mine || (platforms.length === 0 && drifted.length === 0)) {
      rows.push({ id: service.id, score: null, factors: null });
      changes.push({ ...about, after: service.latestScore });
      continue;
    }
    const statuses = effectiveStatuses(mine.statuses, platforms);
    for (const d of drifted) statuses.set(d.itemId, answerStatuses.fromDb(d.observedStatus));
    const score = scoreAssessment(itemsOf.get(mine.versionId)!, statuses);
    rows.push({ id: service.id, score: score.overall, factors: JSON.stringify(storedFactorScores(score)) });
    changes.push({ ...about, after: score.overall });
  }
  // One statement for all of them: a platform with hundreds of services on it moves them together.
  await tx.$executeRaw`
    UPDATE services s SET current_score = v.score, current_factor_scores = v.factors::jsonb
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.score)}::float8[], ${rows.map((r) => r.factors)}::text[]) AS v(id, score, factors)
    WHERE s.id = v.id`;
  return changes;
}
