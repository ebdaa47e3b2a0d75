import "server-only";
import type { AssessmentState } from "../../vocabulary/assessments";
import { suggestionFrom, type DecidedSuggestion, type Suggestion } from "../../evidence/suggestion";
import { answerGap } from "../../assessments/answer-rules";
import { can, roleMay, type Principal } from "../../auth/policy";
import { attestationLine, describeRule, samplingRuleSchema, validationGap, type ValidationState } from "../../assessments/validation";
import { teamRoles } from "../../vocabulary/roles";
import { validations } from "../../vocabulary/answers";
import { parseStoredFactors, type Factor } from "../../checklist";
import { getPrisma } from "../../db/prisma";
import type { StartingAnswer } from "../../assessments/carry-over";
import { NotFoundError } from "../errors";
import { assertTeamPermission, servicesVisibleTo } from "../scope";
import type { AttachmentMeta } from "./attachments";
import { answerStatuses } from "../../vocabulary/answers";
import { suggestionOutcomes } from "../../vocabulary/answers";
import { assessmentStates } from "../../vocabulary/assessments";
import { assessmentEventKinds } from "../../vocabulary/assessments";

export interface ResponseView extends StartingAnswer {
  version: number;
  updatedBy: string | null;
  updatedAt: Date;
  attachments: AttachmentMeta[];
  /** Comments from leads who returned the assessment, newest first. */
  comments: { author: string; body: string; createdAt: Date }[];
  gap: string | null;
  /** The machine suggestion this answer accepted or overrode, if any. */
  suggestion: DecidedSuggestion | null;
  /** Who gave the answer as it stands, and security's check of it. */
  attestedBy: string | null;
  attestedById: string | null;
  attestedAt: Date | null;
  validation: ValidationState;
  validatedById: string | null;
  validatedBy: string | null;
  validatedAt: Date | null;
  validationComment: string;
  /** Attested before a drawn validation sample that left it out: accepted without a check of its own. */
  outsideSample: boolean;
  /** Whether the reader may validate it now: a reviewer, an answer someone else gave, not yet checked. */
  mayValidate: boolean;
  /** The platform this answer was inherited from when the assessment started. */
  inheritedFrom: { id: string; name: string } | null;
  /** "Attested by …; validated by …", for reports and exports. */
  attestation: string;
  /** Why it waits for security before sign-off (lib/assessments/validation.ts), or null. */
  validationGap: string | null;
  assignee: { id: string; name: string } | null;
  /** Why a carried-over answer is asked again. */
  recheckReason: string | null;
}

export interface FactorProgress {
  number: number;
  name: string;
  done: number;
  total: number;
}

export interface AssessmentView {
  id: string;
  status: AssessmentState;
  service: { id: string; name: string; slug: string; team: string; teamId: string; criticality: string };
  checklist: { version: string; contentHash: string };
  factors: Factor[];
  responses: Record<string, ResponseView>;
  progress: FactorProgress[];
  startedAt: Date;
  startedBy: string | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  overallScore: number | null;
  factorScores: (number | null)[];
  /** The sign-off trail: each actor by name (the email, or the label kept at the time, for where it is needed). */
  events: { kind: "started" | "submitted" | "returned" | "approved"; actor: string; actorEmail: string; comment: string; occurredAt: Date }[];
  may: { edit: boolean; attest: boolean; validate: boolean; submit: boolean; approve: boolean; export: boolean };
  /** The validation sample, once drawn. */
  sample: { rule: string; itemIds: string[]; drawnBy: string | null; drawnAt: Date } | null;
  /** People of the team who may answer, for assigning factors to. */
  assignable: { id: string; name: string; role: string }[];
  /**
   * For an assessment under way: per item, the newest machine suggestion made
   * since the service's previous completed assessment that the reviewer has not
   * yet accepted or overridden.
   */
  pendingSuggestions: Record<string, Suggestion>;
}

/** An assessment with its checklist and every answer, if the principal may read it. */
export async function getAssessment(principal: Principal, assessmentId: string): Promise<AssessmentView> {
  const assessment = await getPrisma().assessment.findFirst({
    where: { id: assessmentId, service: servicesVisibleTo(principal) },
    include: {
      service: { select: { id: true, name: true, slug: true, teamId: true, criticality: true, team: { select: { name: true } } } },
      checklistVersion: { select: { version: true, contentHash: true, items: true } },
      startedBy: { select: { name: true } },
      submittedBy: { select: { name: true } },
      approvedBy: { select: { name: true } },
      sampleDrawnBy: { select: { name: true } },
      events: { orderBy: { occurredAt: "asc" }, include: { actor: { select: { name: true, email: true } } } },
      responses: {
        include: {
          updatedBy: { select: { name: true } },
          attestedBy: { select: { name: true } },
          validatedBy: { select: { name: true } },
          assignee: { select: { id: true, name: true } },
          suggestion: { include: { token: { select: { name: true } } } },
          suggestionDecidedBy: { select: { name: true } },
          attachments: {
            orderBy: { createdAt: "asc" },
            select: { id: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, createdAt: true, effectiveOn: true, validUntil: true },
          },
          comments: { orderBy: { createdAt: "desc" }, include: { author: { select: { name: true } } } },
        },
      },
    },
  });
  if (!assessment) throw new NotFoundError();
  const factors = parseStoredFactors(assessment.checklistVersion.items);
  const responses: Record<string, ResponseView> = {};
  const sample = assessment.sampleDrawnAt ? { itemIds: assessment.sampleItemIds, drawnAt: assessment.sampleDrawnAt } : null;
  for (const r of assessment.responses) {
    const status = answerStatuses.fromDb(r.status);
    const validation = r.validation === null ? null : validations.fromDb(r.validation);
    const facts = { status, carriedOver: r.carriedOver, validation, attestedAt: r.attestedAt };
    const toValidate = validationGap(r.itemId, facts, sample);
    responses[r.itemId] = {
      itemId: r.itemId,
      status,
      justification: r.justification,
      notes: r.notes,
      evidenceLinks: r.evidenceLinks,
      carriedOver: r.carriedOver,
      itemRevised: r.itemRevised,
      version: r.version,
      updatedBy: r.updatedBy?.name ?? null,
      updatedAt: r.updatedAt,
      attachments: r.attachments,
      comments: r.comments.map((c) => ({ author: c.author?.name ?? "a former user", body: c.body, createdAt: c.createdAt })),
      gap: answerGap({ status, justification: r.justification, carriedOver: r.carriedOver }) ?? (validation === "sent_back" ? "sent back to its owner" : null),
      attestedBy: r.attestedBy?.name ?? null,
      attestedById: r.attestedById,
      attestedAt: r.attestedAt,
      validation,
      validatedById: r.validatedById,
      validatedBy: r.validatedBy?.name ?? null,
      validatedAt: r.validatedAt,
      validationComment: r.validationComment,
      outsideSample: validation === null && status !== "unanswered" && !r.carriedOver && toValidate === null,
      validationGap: toValidate,
      attestation: "",
      mayValidate: false,
      inheritedFrom: r.inheritedFromId ? { id: r.inheritedFromId, name: "" } : null,
      assignee: r.assignee,
      recheckReason: r.recheckReason,
      carriedFromId: r.carriedFromId,
      suggestion:
        r.suggestion && r.suggestionOutcome
          ? {
              ...suggestionFrom(r.suggestion),
              outcome: suggestionOutcomes.fromDb(r.suggestionOutcome),
              decidedBy: r.suggestionDecidedBy?.name ?? null,
              decidedAt: r.suggestionDecidedAt,
            }
          : null,
    };
  }
  const validator = assessment.status === "DRAFT" && can(principal, "assessment.validate", { teamId: assessment.service.teamId });
  const platformIds = [...new Set(assessment.responses.map((r) => r.inheritedFromId).filter((id): id is string => id !== null))];
  // Platforms are published to everyone: their names are read whatever the reader's teams.
  const platformNames = new Map(
    platformIds.length
      ? (await getPrisma().service.findMany({ where: { id: { in: platformIds } }, select: { id: true, name: true } })).map((p) => [p.id, p.name])
      : [],
  );
  for (const r of Object.values(responses)) {
    if (r.inheritedFrom) r.inheritedFrom.name = platformNames.get(r.inheritedFrom.id) ?? "a former platform";
    r.attestation = attestationLine({ ...r, platform: r.inheritedFrom?.name ?? null });
    r.mayValidate = validator && r.validation === null && r.status !== "unanswered" && !r.carriedOver && r.attestedById !== principal.userId;
  }
  const progress = factors.map((factor) => ({
    number: factor.number,
    name: factor.name,
    total: factor.items.length,
    done: factor.items.filter((item) => responses[item.id]?.gap === null).length,
  }));
  const factorScores = Array.from({ length: 12 }, () => null as number | null);
  for (const entry of (assessment.factorScores ?? []) as { factor: number; score: number | null }[]) factorScores[entry.factor - 1] = entry.score;
  const status = assessmentStates.fromDb(assessment.status);
  const team = { teamId: assessment.service.teamId };
  const pendingSuggestions = status === "completed" ? {} : await pendingSuggestionsFor(assessment.service.id, assessment.startedAt, responses);
  return {
    id: assessment.id,
    status,
    service: {
      id: assessment.service.id,
      name: assessment.service.name,
      slug: assessment.service.slug,
      team: assessment.service.team.name,
      teamId: assessment.service.teamId,
      criticality: assessment.service.criticality.toLowerCase(),
    },
    checklist: { version: assessment.checklistVersion.version, contentHash: assessment.checklistVersion.contentHash },
    factors,
    responses,
    progress,
    startedAt: assessment.startedAt,
    startedBy: assessment.startedBy?.name ?? null,
    submittedAt: assessment.submittedAt,
    submittedBy: assessment.submittedBy?.name ?? null,
    approvedAt: assessment.approvedAt,
    approvedBy: assessment.approvedBy?.name ?? null,
    overallScore: assessment.overallScore,
    factorScores,
    events: assessment.events.map((e) => ({
      kind: assessmentEventKinds.fromDb(e.kind),
      actor: e.actor?.name ?? e.actorLabel,
      actorEmail: e.actor?.email ?? e.actorLabel,
      comment: e.comment,
      occurredAt: e.occurredAt,
    })),
    may: {
      edit: status === "draft" && can(principal, "assessment.attest", team),
      attest: status === "draft" && can(principal, "assessment.attest", team),
      validate: status === "draft" && can(principal, "assessment.validate", team),
      submit: status === "draft" && can(principal, "assessment.submit", team),
      approve: status === "in_review" && can(principal, "assessment.approve", team),
      export: can(principal, "export.create", team),
    },
    pendingSuggestions,
    sample:
      assessment.sampleDrawnAt && assessment.samplingRule
        ? {
            rule: describeRule(samplingRuleSchema.parse(assessment.samplingRule)),
            itemIds: assessment.sampleItemIds,
            drawnBy: assessment.sampleDrawnBy?.name ?? null,
            drawnAt: assessment.sampleDrawnAt,
          }
        : null,
    assignable: status === "draft" && can(principal, "assessment.edit", team) ? await assignableIn(assessment.service.teamId) : [],
  };
}

/** The team's people who may answer items (service owners and reviewers), not disabled. */
async function assignableIn(teamId: string): Promise<{ id: string; name: string; role: string }[]> {
  const rows = await getPrisma().membership.findMany({
    where: { teamId, user: { disabledAt: null } },
    select: { role: true, user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows
    .map((r) => ({ ...r.user, role: teamRoles.fromDb(r.role) }))
    .filter((r) => roleMay(r.role, "assessment.attest"))
    .map((r) => ({ ...r, role: teamRoles.label(r.role) }));
}

async function pendingSuggestionsFor(serviceId: string, startedAt: Date, responses: Record<string, ResponseView>): Promise<Record<string, Suggestion>> {
  const prisma = getPrisma();
  const previous = await prisma.assessment.findFirst({
    where: { serviceId, status: "COMPLETED", approvedAt: { lte: startedAt } },
    orderBy: { approvedAt: "desc" },
    select: { approvedAt: true },
  });
  const rows = await prisma.evidence.findMany({
    where: { serviceId, ...(previous?.approvedAt ? { submittedAt: { gt: previous.approvedAt } } : {}) },
    orderBy: { submittedAt: "desc" },
    include: { token: { select: { name: true } } },
    take: 1000,
  });
  const pending: Record<string, Suggestion> = {};
  const seen = new Set<string>();
  // Newest first: an item's first row is its newest suggestion, pending unless already decided.
  for (const row of rows) {
    if (seen.has(row.itemId)) continue;
    seen.add(row.itemId);
    const decided = responses[row.itemId]?.suggestion;
    if (!decided || decided.submittedAt < row.submittedAt) pending[row.itemId] = suggestionFrom(row);
  }
  return pending;
}

/** An assessment for export: readable by the principal, and in a team whose records they may export. */
export async function getAssessmentForExport(principal: Principal, assessmentId: string): Promise<AssessmentView> {
  const view = await getAssessment(principal, assessmentId);
  assertTeamPermission(principal, "export.create", view.service.teamId);
  return view;
}
