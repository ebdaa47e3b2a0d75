import "server-only";
import { can, type Principal, type TeamAction } from "../../auth/policy";
import { FACTOR_NAMES } from "../../checklist/factor-names";
import { getPrisma } from "../../db/prisma";
import { servicesVisibleSql } from "../scope";

export interface AnswerTask {
  assessmentId: string;
  service: { name: string; team: string };
  factor: number;
  factorName: string;
  /** Items of the factor assigned to the person and not yet answered or confirmed. */
  toAnswer: number;
  /** Items the person attested that security sent back. */
  sentBack: number;
}

export interface ValidationTask {
  assessmentId: string;
  service: { name: string; team: string };
  /** Answers others attested that wait for security (not left out by a drawn sample). */
  waiting: number;
}

const LIMIT = 50;

/**
 * A service owner's tasks (what is assigned to them or sent back to them, per
 * factor) and a reviewer's (the drafts whose answers wait for validation), in
 * drafts of the teams where their role does that work; scoped in the query.
 */
export async function listMyTasks(principal: Principal, now: Date = new Date()): Promise<{ answer: AnswerTask[] | null; validate: ValidationTask[] | null }> {
  const teams = (action: TeamAction) => principal.memberships.filter((m) => can(principal, action, { teamId: m.teamId }, now)).map((m) => m.teamId);
  const [attest, validate] = [teams("assessment.attest"), teams("assessment.validate")];
  const visible = servicesVisibleSql(principal, now);
  const prisma = getPrisma();
  const [answer, waiting] = await Promise.all([
    attest.length === 0
      ? []
      : prisma.$queryRaw<{ assessment_id: string; service: string; team: string; factor: number; to_answer: number; sent_back: number }[]>`
          SELECT a.id AS assessment_id, s.name AS service, t.name AS team, substring(r.item_id FROM 2 FOR 2)::int AS factor,
                 count(*) FILTER (WHERE r.assignee_id = ${principal.userId}::uuid AND (r.status = 'unanswered' OR r.carried_over))::int AS to_answer,
                 count(*) FILTER (WHERE r.attested_by_id = ${principal.userId}::uuid AND r.validation = 'sent_back')::int AS sent_back
          FROM responses r JOIN assessments a ON a.id = r.assessment_id JOIN services s ON s.id = a.service_id JOIN teams t ON t.id = s.team_id
          WHERE a.status = 'draft' AND ${visible} AND s.team_id = ANY(${attest}::uuid[])
            AND ((r.assignee_id = ${principal.userId}::uuid AND (r.status = 'unanswered' OR r.carried_over))
              OR (r.attested_by_id = ${principal.userId}::uuid AND r.validation = 'sent_back'))
          GROUP BY a.id, s.name, t.name, factor
          ORDER BY min(a.started_at), factor
          LIMIT ${LIMIT}`,
    validate.length === 0
      ? []
      : prisma.$queryRaw<{ assessment_id: string; service: string; team: string; waiting: number }[]>`
          SELECT a.id AS assessment_id, s.name AS service, t.name AS team, count(*)::int AS waiting
          FROM responses r JOIN assessments a ON a.id = r.assessment_id JOIN services s ON s.id = a.service_id JOIN teams t ON t.id = s.team_id
          WHERE a.status = 'draft' AND ${visible} AND s.team_id = ANY(${validate}::uuid[])
            AND r.validation IS NULL AND r.status <> 'unanswered' AND NOT r.carried_over
            AND r.attested_by_id IS DISTINCT FROM ${principal.userId}::uuid
            AND NOT (a.sample_drawn_at IS NOT NULL AND r.attested_at <= a.sample_drawn_at AND NOT r.item_id = ANY(a.sample_item_ids))
          GROUP BY a.id, s.name, t.name
          ORDER BY min(a.started_at)
          LIMIT ${LIMIT}`,
  ]);
  // null: the person answers (or validates) in no team, so the list does not apply to them.
  return {
    answer:
      attest.length === 0
        ? null
        : answer.map((r) => ({
            assessmentId: r.assessment_id,
            service: { name: r.service, team: r.team },
            factor: r.factor,
            factorName: FACTOR_NAMES[r.factor - 1] ?? `Factor ${r.factor}`,
            toAnswer: r.to_answer,
            sentBack: r.sent_back,
          })),
    validate:
      validate.length === 0 ? null : waiting.map((r) => ({ assessmentId: r.assessment_id, service: { name: r.service, team: r.team }, waiting: r.waiting })),
  };
}
