// What a spec makes for itself, with names no other spec uses, so that what it
// counts is its own and specs run in any order: a team with services (scored as
// an approval would leave them) and a lead of it who can sign in.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";

export interface MadeTeam {
  id: string;
  name: string;
  slug: string;
  lead: { email: string; password: string; name: string };
}

async function withDatabase<T>(run: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    return await run(db);
  } finally {
    await db.end();
  }
}

export interface MadeUser {
  id: string;
  email: string;
  password: string;
}

async function insertUser(db: pg.Client, user: { email: string; password: string; name: string; roles: Record<string, string> }): Promise<string> {
  const made = await db.query<{ id: string }>("INSERT INTO users (email, name, password_hash, updated_at) VALUES ($1, $2, $3, now()) RETURNING id", [
    user.email,
    user.name,
    await hashPassword(user.password),
  ]);
  const id = made.rows[0]!.id;
  for (const [team, role] of Object.entries(user.roles)) {
    await db.query("INSERT INTO memberships (user_id, team_id, role) SELECT $1, id, $3 FROM teams WHERE slug = $2", [id, team, role]);
  }
  return id;
}

/** A new person who can sign in, with a role in each team named (by slug), or none. */
export function makeUser(name: string, roles: Record<string, "reviewer" | "lead" | "auditor" | "owner"> = {}): Promise<MadeUser> {
  const unique = randomUUID().slice(0, 8);
  const user = { email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${unique}@factory.test`, password: `factory ${randomUUID()}` };
  return withDatabase(async (db) => ({ id: await insertUser(db, { ...user, name, roles }), ...user }));
}

/** A finding of a made service: its status, and whether its due date has passed. */
export interface MadeFinding {
  status: "open" | "in_progress" | "risk_accepted" | "resolved";
  overdue?: boolean;
  /** High, unless given. */
  severity?: "critical" | "high" | "medium" | "low";
  /** The factor of its item: 1, unless given. */
  factor?: number;
  /** The day it opened (a resolved one resolves five days later); today, unless given. */
  openedOn?: string;
}

/**
 * A new team with its services (a null score: never assessed; `draft`: an
 * assessment under way; `approved`: an approved one, every item met) and a lead who belongs to it alone.
 */
export function makeTeam(
  services: {
    name: string;
    score: number | null;
    draft?: boolean;
    approved?: boolean;
    findings?: MadeFinding[];
    /** Medium, unless given. */
    tier?: "critical" | "high" | "medium" | "low";
    /** An assessment with every item answered "met" and justified: a draft ready to submit, or one submitted and waiting for sign-off. */
    ready?: "draft" | "in_review";
    /** With `ready`: this factor's items left unanswered, for someone to answer. */
    openFactor?: number;
  }[],
): Promise<MadeTeam> {
  const unique = randomUUID().slice(0, 8);
  const name = `Team ${unique}`;
  const slug = `team-${unique}`;
  const lead = { email: `lead.${unique}@factory.test`, password: `factory ${randomUUID()}`, name: `Lead ${unique}` };
  return withDatabase(async (db) => {
    const team = (await db.query<{ id: string }>("INSERT INTO teams (name, slug, updated_at) VALUES ($1, $2, now()) RETURNING id", [name, slug])).rows[0]!;
    for (const service of services) {
      const scores = service.score === null ? null : JSON.stringify(Array.from({ length: 12 }, (_, i) => ({ factor: i + 1, score: service.score })));
      const made = await db.query<{ id: string }>(
        `INSERT INTO services (team_id, name, slug, latest_score, latest_factor_scores, last_assessed_at, criticality, updated_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, CASE WHEN $4::float8 IS NULL THEN NULL ELSE now() END, $6::criticality, now()) RETURNING id`,
        [team.id, service.name, service.name.toLowerCase().replace(/[^a-z0-9]+/g, "-"), service.score, scores, service.tier ?? "medium"],
      );
      for (const [index, finding] of (service.findings ?? []).entries()) {
        await db.query(
          `INSERT INTO findings (service_id, item_id, title, severity, status, due_date, risk_acceptance_expires_at, opened_at, resolved_at, updated_at)
           VALUES ($1, $2, $3, $6::severity, $4::finding_status, now() + make_interval(days => $5),
                   CASE WHEN $4 = 'risk_accepted' THEN now() + interval '30 days' END, coalesce($7::timestamptz, now()),
                   CASE WHEN $4 = 'resolved' THEN coalesce($7::timestamptz + interval '5 days', now()) END, now())`,
          [
            made.rows[0]!.id,
            `F${String(finding.factor ?? 1).padStart(2, "0")}-FACTORY-${index}`,
            `Factory finding ${index}`,
            finding.status,
            finding.overdue ? -3 : 30,
            finding.severity ?? "high",
            finding.openedOn ? `${finding.openedOn}T12:00:00Z` : null,
          ],
        );
      }
      if (service.approved) {
        // An approved assessment with every item met, to carry over into the next one.
        const [approved] = (
          await db.query<{ id: string }>(
            `INSERT INTO assessments (service_id, checklist_version_id, status, submitted_at, approved_at, overall_score, updated_at)
             SELECT $1, id, 'completed', now() - interval '1 day', now() - interval '1 day', 100, now() FROM checklist_versions ORDER BY published_at DESC LIMIT 1
             RETURNING id`,
            [made.rows[0]!.id],
          )
        ).rows;
        await db.query(
          `INSERT INTO responses (assessment_id, item_id, status, justification, validation, updated_at)
           SELECT $1, item->>'id', 'met', 'In place since the factory built it.', 'agreed', now()
           FROM assessments a JOIN checklist_versions v ON v.id = a.checklist_version_id,
                jsonb_array_elements(v.items) factor, jsonb_array_elements(factor->'items') item
           WHERE a.id = $1`,
          [approved!.id],
        );
      }
      if (service.ready) {
        const [ready] = (
          await db.query<{ id: string }>(
            `INSERT INTO assessments (service_id, checklist_version_id, status, submitted_at, updated_at)
             SELECT $1, id, $2::assessment_status, CASE WHEN $2 = 'in_review' THEN now() END, now() FROM checklist_versions ORDER BY published_at DESC LIMIT 1
             RETURNING id`,
            [made.rows[0]!.id, service.ready],
          )
        ).rows;
        await db.query(
          `INSERT INTO responses (assessment_id, item_id, status, justification, validation, updated_at)
           SELECT $1, item->>'id', 'met', 'Checked by the factory.', 'agreed', now()
           FROM assessments a JOIN checklist_versions v ON v.id = a.checklist_version_id,
                jsonb_array_elements(v.items) factor, jsonb_array_elements(factor->'items') item
           WHERE a.id = $1`,
          [ready!.id],
        );
        if (service.openFactor) {
          await db.query("UPDATE responses SET status = 'unanswered', justification = '', validation = NULL WHERE assessment_id = $1 AND item_id LIKE $2", [
            ready!.id,
            `F${String(service.openFactor).padStart(2, "0")}-%`,
          ]);
        }
      }
      if (service.draft) {
        await db.query(
          `INSERT INTO assessments (service_id, checklist_version_id, updated_at)
           SELECT $1, id, now() FROM checklist_versions ORDER BY published_at DESC LIMIT 1`,
          [made.rows[0]!.id],
        );
      }
    }
    await insertUser(db, { ...lead, roles: { [slug]: "lead" } });
    return { id: team.id, name, slug, lead };
  });
}

/** One page of each kind of record in the demo (a service, an approved assessment, one of its factors, a finding), for specs that visit them all. */
export function demoRecordPages(): Promise<
  Record<
    | "service"
    | "assessment"
    | "factor"
    | "finding"
    | "account"
    | "admin-teams"
    | "admin-users"
    | "admin-catalog"
    | "admin-identity"
    | "notifications"
    | "notification-settings"
    | "campaign"
    | "campaign-new"
    | "four-eyes-finding"
    | "admin-outbox"
    | "admin-programme"
    | "webhooks",
    string
  >
> {
  return withDatabase(async (db) => {
    const one = async (sql: string) => (await db.query<{ id: string }>(sql)).rows[0]!.id;
    const assessment = await one(
      "SELECT a.id FROM assessments a JOIN services s ON s.id = a.service_id WHERE s.slug = 'checkout-api' AND a.status = 'completed' ORDER BY a.approved_at DESC LIMIT 1",
    );
    const finding = await one(
      "SELECT f.id FROM findings f JOIN services s ON s.id = f.service_id WHERE s.slug = 'checkout-api' AND f.status <> 'resolved' LIMIT 1",
    );
    const campaign = await one("SELECT id FROM campaigns WHERE name = 'Critical services: year-end review'");
    const fourEyes = await one("SELECT finding_id AS id FROM risk_acceptance_requests WHERE status = 'pending' AND reason LIKE 'A compensating control%'");
    return {
      service: "/services/checkout-api",
      assessment: `/assessments/${assessment}`,
      factor: `/assessments/${assessment}/factors/3`,
      finding: `/findings/${finding}`,
      account: "/account",
      "admin-teams": "/admin/teams",
      "admin-users": "/admin/users",
      "admin-catalog": "/admin/catalog",
      "admin-identity": "/admin/identity",
      notifications: "/notifications",
      "notification-settings": "/notifications/settings",
      campaign: `/campaigns/${campaign}`,
      "campaign-new": "/campaigns/new",
      "four-eyes-finding": `/findings/${fourEyes}`,
      "admin-outbox": "/admin/outbox",
      "admin-programme": "/admin/programme",
      webhooks: "/webhooks",
    };
  });
}
