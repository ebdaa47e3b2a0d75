// The plan as the API and the CLI report it: plain JSON, each row with the
// file and line it came from.
import type { Plan } from "./plan";
import { planCounts } from "./plan";

export function planJson(plan: Plan, digest: string, teams: Record<string, string>) {
  const team = (id: string) => teams[id] ?? id;
  return {
    digest,
    counts: planCounts(plan),
    create: plan.creates.map((c) => ({ file: c.place.file, line: c.place.line, ref: c.ref, name: c.name, team: team(c.teamId), tier: c.criticality })),
    update: plan.updates.map((u) => ({
      file: u.place.file,
      line: u.place.line,
      ref: u.ref,
      slug: u.slug,
      name: u.after.name,
      team: team(u.after.teamId),
      changes: u.changes,
    })),
    markMissing: plan.missing.map((m) => ({ ref: m.ref, slug: m.slug, name: m.name, team: team(m.teamId) })),
    refused: plan.problems.map((p) => ({ file: p.place.file, line: p.place.line, reason: p.reason })),
    ignored: plan.ignored.map((i) => ({ file: i.place.file, line: i.place.line, ref: i.ref })),
  };
}

export type PlanJson = ReturnType<typeof planJson>;
