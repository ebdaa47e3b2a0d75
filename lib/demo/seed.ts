// Writes the demo organisation: 3 teams, 15 services, ~18 months of completed
// assessments with drift, findings opened and resolved along the way, and one
// assessment in progress; and Twelvefold itself, with its self-assessment. One transaction: a failed seed leaves nothing behind.
import { randomBytes, randomUUID } from "node:crypto";
import { seedProgramme } from "./programme-seed";
import { seedPlatforms } from "./platform-seed";
import { seedEvidence } from "./evidence-seed";
import { seedDrift } from "./drift-seed";
import { hashPassword } from "../auth/password";
import { allItems, checklistHash, latestChecklist, type ChecklistItem } from "../checklist";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { rebuildTeamPosture } from "../posture/record";
import { scoreAssessment, storedFactorScores } from "../scoring/score";
import { generateHistory, type GeneratedAssessment } from "./history";
import { DEMO_CATALOG_OWNERS, DEMO_GROUP_MAPPINGS, DEMO_PEOPLE, DEMO_SERVICES, DEMO_TEAMS, type DemoService } from "./org";
import { createRandom, hashString } from "./random";
import { toFindingRows } from "./findings";
import { seedSelfAssessment } from "./self-seed";
import { seedDraft } from "./draft-seed";
import { answerStatuses } from "../vocabulary/answers";
import { tiers } from "../vocabulary/levels";
import { teamRoles } from "../vocabulary/roles";

const DAY = 86_400_000;
type Tx = Prisma.TransactionClient;

export interface SeedResult {
  password: string;
  generated: boolean;
  accounts: string[];
  services: number;
  assessments: number;
  findings: number;
}

export async function seedDemo(
  prisma: PrismaClient,
  options: {
    password?: string;
    now?: Date;
    /** Seals the demo webhook's signing secret (lib/notify/seal.ts); without it the demo has no webhook. Passed in, since sealing reads the audit key from the environment. */
    sealSecret?: (secret: string) => string;
  } = {},
): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const generated = !options.password;
  const password = options.password ?? randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  const checklist = latestChecklist();
  const items = allItems(checklist);

  return prisma.$transaction(
    async (tx) => {
      const version = await tx.checklistVersion.findUniqueOrThrow({ where: { contentHash: checklistHash(checklist) } });
      const { userIds, teamIds, reviewerOf, leadOf } = await seedPeople(tx, passwordHash, now);
      for (const owner of DEMO_CATALOG_OWNERS) await tx.catalogOwner.create({ data: { ownerRef: owner.ownerRef, teamId: teamIds.get(owner.team)! } });
      for (const m of DEMO_GROUP_MAPPINGS) {
        await tx.groupMapping.create({ data: { groupName: m.groupName, grant: "TEAM_ROLE", teamId: teamIds.get(m.team)!, role: teamRoles.toDb(m.role) } });
      }
      let assessments = 0;
      let findings = 0;
      for (const service of DEMO_SERVICES) {
        const history = generateHistory(service, items, now);
        const serviceId = randomUUID();
        const latest = history.at(-1);
        const latestScore = latest ? scoreOf(items, latest) : null;
        await tx.service.create({
          data: {
            id: serviceId,
            teamId: teamIds.get(service.team)!,
            name: service.name,
            slug: service.slug,
            description: service.description,
            criticality: tiers.toDb(service.criticality),
            repositoryUrl: `https://git.example.com/${service.team}/${service.slug}`,
            ownerId: userIds.get(service.owner) ?? null,
            latestScore: latestScore?.overall ?? null,
            latestFactorScores: latestScore ? storedFactorScores(latestScore) : undefined,
            lastAssessedAt: latest?.approvedAt ?? null,
            createdAt: history[0] ? new Date(history[0].startedAt.getTime() - 30 * DAY) : new Date(now.getTime() - 12 * DAY),
          },
        });
        const people = { reviewer: reviewerOf(service.team), lead: leadOf(service.team) };
        const assessmentIds = await seedAssessments(tx, { serviceId, versionId: version.id, items, history, people, userIds });
        assessments += history.length;
        findings += await seedFindings(tx, { service, serviceId, items, history, assessmentIds, userIds, people, now });
      }
      await seedDraft(tx, { versionId: version.id, items, userIds, now });
      // Twelvefold itself, assessed against its own checklist.
      const self = await seedSelfAssessment(tx, { versionId: version.id, items, teamIds, userIds, now });
      findings += self.findings;
      await seedProgramme(tx, { versionId: version.id, userIds, teamIds, now, sealSecret: options.sealSecret });
      await rebuildTeamPosture(tx);
      // The Payments services' current posture takes their platforms' answers.
      await seedPlatforms(tx, { teamIds, now });
      await seedEvidence(tx, { userIds, now });
      await seedDrift(tx, { now });
      return {
        password,
        generated,
        accounts: DEMO_PEOPLE.filter((p) => p.signsIn).map((p) => p.email),
        services: DEMO_SERVICES.length + 1,
        assessments: assessments + 2,
        findings,
      };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

function scoreOf(items: ChecklistItem[], assessment: GeneratedAssessment) {
  return scoreAssessment(items, new Map(assessment.responses.map((r) => [r.itemId, r.status])));
}

async function seedPeople(tx: Tx, passwordHash: string, now: Date) {
  const teamIds = new Map<string, string>();
  for (const team of DEMO_TEAMS) {
    const created = await tx.team.create({ data: team });
    teamIds.set(team.slug, created.id);
  }
  const userIds = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    const user = await tx.user.create({
      data: {
        email: person.email,
        name: person.name,
        passwordHash: person.signsIn ? passwordHash : null,
        isAdmin: person.isAdmin ?? false,
      },
    });
    userIds.set(person.email, user.id);
    for (const [team, role] of Object.entries(person.roles)) {
      if (role) await tx.membership.create({ data: { userId: user.id, teamId: teamIds.get(team)!, role: teamRoles.toDb(role) } });
    }
    if (person.orgAuditor) {
      await tx.auditorGrant.create({
        data: { userId: user.id, reason: "Annual SOC 2 audit", expiresAt: new Date(now.getTime() + 365 * DAY) },
      });
    }
  }
  const firstWithRole = (team: string, role: "reviewer" | "lead") => {
    const person = DEMO_PEOPLE.find((p) => p.roles[team] === role);
    return person ? userIds.get(person.email)! : null;
  };
  return {
    userIds,
    teamIds,
    reviewerOf: (team: string) => firstWithRole(team, "reviewer"),
    leadOf: (team: string) => firstWithRole(team, "lead"),
  };
}

async function seedAssessments(
  tx: Tx,
  input: {
    serviceId: string;
    versionId: string;
    items: ChecklistItem[];
    history: GeneratedAssessment[];
    people: { reviewer: string | null; lead: string | null };
    userIds: Map<string, string>;
  },
): Promise<string[]> {
  const ids = input.history.map(() => randomUUID());
  const emailOf = new Map([...input.userIds].map(([email, id]) => [id, email]));
  await tx.assessment.createMany({
    data: input.history.map((assessment, index) => {
      const score = scoreOf(input.items, assessment);
      return {
        id: ids[index]!,
        serviceId: input.serviceId,
        checklistVersionId: input.versionId,
        status: "COMPLETED" as const,
        startedById: input.people.reviewer,
        startedAt: assessment.startedAt,
        submittedById: input.people.reviewer,
        submittedAt: assessment.submittedAt,
        approvedById: input.people.lead,
        approvedAt: assessment.approvedAt,
        overallScore: score.overall,
        factorScores: storedFactorScores(score),
        createdAt: assessment.startedAt,
      };
    }),
  });
  await tx.response.createMany({
    data: input.history.flatMap((assessment, index) =>
      assessment.responses.map((response) => ({
        assessmentId: ids[index]!,
        itemId: response.itemId,
        status: answerStatuses.toDb(response.status),
        justification: response.justification,
        notes: response.notes,
        evidenceLinks: response.evidenceLinks,
        updatedById: input.people.reviewer,
        // Answered by the team's reviewer: security's own answer, validated as given.
        attestedById: input.people.reviewer,
        attestedAt: assessment.submittedAt,
        validation: "AGREED" as const,
        validatedById: input.people.reviewer,
        validatedAt: assessment.submittedAt,
        createdAt: assessment.startedAt,
        updatedAt: assessment.submittedAt,
      })),
    ),
  });
  // The sign-off trail each one would have left: started, submitted, approved.
  const step = (assessmentId: string, kind: "STARTED" | "SUBMITTED" | "APPROVED", actorId: string | null, occurredAt: Date) => ({
    assessmentId,
    kind,
    actorId,
    actorLabel: (actorId && emailOf.get(actorId)) ?? "(former user)",
    occurredAt,
  });
  await tx.assessmentEvent.createMany({
    data: input.history.flatMap((assessment, index) => [
      step(ids[index]!, "STARTED", input.people.reviewer, assessment.startedAt),
      step(ids[index]!, "SUBMITTED", input.people.reviewer, assessment.submittedAt),
      step(ids[index]!, "APPROVED", input.people.lead, assessment.approvedAt),
    ]),
  });
  return ids;
}

async function seedFindings(
  tx: Tx,
  input: {
    service: DemoService;
    serviceId: string;
    items: ChecklistItem[];
    history: GeneratedAssessment[];
    assessmentIds: string[];
    userIds: Map<string, string>;
    people: { reviewer: string | null; lead: string | null };
    now: Date;
  },
): Promise<number> {
  const rng = createRandom(hashString(`${input.service.slug}:findings`));
  const { findings, events } = toFindingRows({ ...input, ownerId: input.userIds.get(input.service.owner) ?? null, rng });
  await tx.finding.createMany({ data: findings });
  await tx.findingEvent.createMany({ data: events });
  return findings.length;
}
