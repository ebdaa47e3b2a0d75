// Writes the scale organisation (lib/demo/scale.ts) beside the demo one, with
// COPY in one transaction: 60 monthly completed assessments per service, their
// responses, sign-off trails, and the findings they imply. Then rebuilds the
// posture series and refreshes the planner's statistics.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { allItems, checklistHash, latestChecklist, type ChecklistItem } from "../checklist";
import { scoreAssessment, storedFactorScores, type AssessmentScore } from "../scoring/score";
import { copyRows, type CopyValue } from "../db/copy";
import { DOSSIER_SLUG, writeUp } from "./dossier";
import { toFindingRows } from "./findings";
import { generateHistory, monthlyDates } from "./history";
import { createRandom, hashString } from "./random";
import { PERSON_NAMES, scaleOrganisation } from "./scale";

const DAY = 86_400_000;
const CHUNK = 25;
const latestFactors = (score: AssessmentScore | undefined) => (score ? storedFactorScores(score) : null);

// prettier-ignore
const RESPONSE_COLUMNS = ["assessment_id", "item_id", "status", "justification", "notes", "evidence_links", "updated_by_id", "created_at", "updated_at",
  "attested_by_id", "attested_at", "validation", "validated_by_id", "validated_at"] as const;

export interface ScaleSeedResult {
  teams: number;
  services: number;
  assessments: number;
  responses: number;
  findings: number;
}

interface TeamPeople {
  teamId: string;
  lead: string;
  reviewers: string[];
}

export async function seedScale(
  url: string,
  options: { teams: number; services: number; months: number; now?: Date; onProgress?: (done: number, total: number) => void },
): Promise<ScaleSeedResult> {
  const now = options.now ?? new Date();
  const items = allItems(latestChecklist());
  const org = scaleOrganisation(options);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const result: ScaleSeedResult = { teams: org.teams.length, services: org.services.length, assessments: 0, responses: 0, findings: 0 };
  try {
    await client.query("BEGIN");
    const version = await client.query<{ id: string }>("SELECT id FROM checklist_versions WHERE content_hash = $1", [checklistHash(latestChecklist())]);
    const versionId = version.rows[0]!.id;
    const people = await seedTeams(client, org.teams, now);
    for (let start = 0; start < org.services.length; start += CHUNK) {
      const chunk = org.services.slice(start, start + CHUNK);
      const counts = await seedChunk(client, { chunk, people, items, versionId, months: options.months, now });
      result.assessments += counts.assessments;
      result.responses += counts.responses;
      result.findings += counts.findings;
      options.onProgress?.(Math.min(start + CHUNK, org.services.length), org.services.length);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return result;
}

/** The new teams, each with a lead and two reviewers; the demo teams as they are. */
async function seedTeams(client: pg.Client, teams: { slug: string; name: string; description: string }[], now: Date): Promise<Map<string, TeamPeople>> {
  const rng = createRandom(hashString("scale-people"));
  for (const team of teams) {
    await client.query("INSERT INTO teams (name, slug, description, updated_at) VALUES ($1, $2, $3, $4)", [team.name, team.slug, team.description, now]);
  }
  const users: CopyValue[][] = [];
  const memberships: CopyValue[][] = [];
  const rows = await client.query<{ id: string; slug: string }>("SELECT id, slug FROM teams");
  const members = await client.query<{ team_id: string; user_id: string; role: string }>("SELECT team_id, user_id, role FROM memberships ORDER BY created_at");
  const people = new Map<string, TeamPeople>();
  for (const { id, slug } of rows.rows) {
    const existing = members.rows.filter((m) => m.team_id === id);
    const lead = existing.find((m) => m.role === "lead")?.user_id;
    const reviewers = existing.filter((m) => m.role === "reviewer").map((m) => m.user_id);
    if (lead && reviewers.length) {
      people.set(slug, { teamId: id, lead, reviewers });
      continue;
    }
    const made = ["lead", "reviewer", "reviewer"].map((role, index) => {
      const userId = randomUUID();
      const name = `${rng.pick(PERSON_NAMES.first)} ${rng.pick(PERSON_NAMES.last)}`;
      users.push([userId, `${name.toLowerCase().replace(/ /g, ".")}.${slug}.${index}@scale.test`, name, now]);
      memberships.push([userId, id, role]);
      return userId;
    });
    people.set(slug, { teamId: id, lead: made[0]!, reviewers: made.slice(1) });
  }
  await copyRows(client, "users", ["id", "email", "name", "updated_at"], users);
  await copyRows(client, "memberships", ["user_id", "team_id", "role"], memberships);
  return people;
}

async function seedChunk(
  client: pg.Client,
  input: {
    chunk: ReturnType<typeof scaleOrganisation>["services"];
    people: Map<string, TeamPeople>;
    items: ChecklistItem[];
    versionId: string;
    months: number;
    now: Date;
  },
) {
  const services: CopyValue[][] = [];
  const assessments: CopyValue[][] = [];
  const responses: CopyValue[][] = [];
  const trail: CopyValue[][] = [];
  const findings: CopyValue[][] = [];
  const events: CopyValue[][] = [];
  for (const service of input.chunk) {
    const team = input.people.get(service.team)!;
    const rng = createRandom(hashString(`${service.slug}:scale`));
    const reviewer = rng.pick(team.reviewers);
    const owner = rng.pick(team.reviewers);
    const history = generateHistory(service, input.items, input.now, monthlyDates(service, input.months, input.now));
    const latest = history.at(-1);
    if (service.slug === DOSSIER_SLUG && latest) {
      const byId = new Map(input.items.map((item) => [item.id, item]));
      latest.responses = latest.responses.map((r) => writeUp(byId.get(r.itemId)!, r, latest.submittedAt));
    }
    const serviceId = randomUUID();
    const ids = history.map(() => randomUUID());
    const scores = history.map((a) => scoreAssessment(input.items, new Map(a.responses.map((r) => [r.itemId, r.status]))));
    const createdAt = new Date((history[0]?.startedAt.getTime() ?? input.now.getTime()) - 30 * DAY);
    services.push([
      serviceId,
      team.teamId,
      service.name,
      service.slug,
      service.description,
      service.criticality,
      `https://git.example.com/${service.team}/${service.slug}`,
      owner,
      scores.at(-1)?.overall ?? null,
      latestFactors(scores.at(-1)),
      latest?.approvedAt ?? null,
      createdAt,
      input.now,
    ]);
    history.forEach((a, index) => {
      const score = scores[index]!;
      const factorScores = storedFactorScores(score);
      assessments.push([
        ids[index],
        serviceId,
        input.versionId,
        "completed",
        reviewer,
        a.startedAt,
        reviewer,
        a.submittedAt,
        team.lead,
        a.approvedAt,
        score.overall,
        factorScores,
        a.startedAt,
        a.approvedAt,
      ]);
      for (const r of a.responses) {
        // Security's own answers: attested and validated by the reviewer as given.
        const given = [reviewer, a.submittedAt, "agreed", reviewer, a.submittedAt];
        responses.push([ids[index], r.itemId, r.status, r.justification, r.notes, r.evidenceLinks, reviewer, a.startedAt, a.submittedAt, ...given]);
      }
      trail.push(
        [ids[index], "started", reviewer, "(scale seed)", a.startedAt],
        [ids[index], "submitted", reviewer, "(scale seed)", a.submittedAt],
        [ids[index], "approved", team.lead, "(scale seed)", a.approvedAt],
      );
    });
    const derived = toFindingRows({
      serviceId,
      items: input.items,
      history,
      assessmentIds: ids,
      ownerId: owner,
      people: { reviewer, lead: team.lead },
      now: input.now,
      rng,
    });
    for (const f of derived.findings) {
      findings.push([
        f.id,
        f.serviceId,
        f.itemId,
        f.title,
        f.severity.toLowerCase(),
        f.status.toLowerCase(),
        f.originAssessmentId,
        f.resolvedByAssessmentId,
        f.ownerId,
        f.createdById,
        f.dueDate,
        f.openedAt,
        f.resolvedAt,
        f.riskAcceptanceReason,
        f.riskAcceptedById,
        f.riskAcceptedAt,
        f.riskAcceptanceExpiresAt,
        f.createdAt,
        f.resolvedAt ?? f.openedAt,
      ]);
    }
    for (const e of derived.events) events.push([e.findingId, e.kind.toLowerCase(), e.actorId, e.assessmentId, e.detail, e.occurredAt]);
  }
  await copyRows(
    client,
    "services",
    [
      "id",
      "team_id",
      "name",
      "slug",
      "description",
      "criticality",
      "repository_url",
      "owner_id",
      "latest_score",
      "latest_factor_scores",
      "last_assessed_at",
      "created_at",
      "updated_at",
    ],
    services,
  );
  await copyRows(
    client,
    "assessments",
    [
      "id",
      "service_id",
      "checklist_version_id",
      "status",
      "started_by_id",
      "started_at",
      "submitted_by_id",
      "submitted_at",
      "approved_by_id",
      "approved_at",
      "overall_score",
      "factor_scores",
      "created_at",
      "updated_at",
    ],
    assessments,
  );
  await copyRows(client, "responses", [...RESPONSE_COLUMNS], responses);
  await copyRows(client, "assessment_events", ["assessment_id", "kind", "actor_id", "actor_label", "occurred_at"], trail);
  await copyRows(
    client,
    "findings",
    [
      "id",
      "service_id",
      "item_id",
      "title",
      "severity",
      "status",
      "origin_assessment_id",
      "resolved_by_assessment_id",
      "owner_id",
      "created_by_id",
      "due_date",
      "opened_at",
      "resolved_at",
      "risk_acceptance_reason",
      "risk_accepted_by_id",
      "risk_accepted_at",
      "risk_acceptance_expires_at",
      "created_at",
      "updated_at",
    ],
    findings,
  );
  await copyRows(client, "finding_events", ["finding_id", "kind", "actor_id", "assessment_id", "detail", "occurred_at"], events);
  return { assessments: assessments.length, responses: responses.length, findings: findings.length };
}
