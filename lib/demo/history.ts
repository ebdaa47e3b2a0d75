// Generates a service's assessment history: pure, deterministic for a seed, so
// it can be unit-tested and the demo looks the same everywhere.
//
// Each item has a persistent difficulty for the service, so answers evolve
// smoothly between assessments; the service's maturity follows its trajectory
// (improving, regressing, stagnant, recovering) and noise adds realistic drift.
import type { ChecklistItem } from "../checklist";
import type { ResponseStatus } from "../vocabulary/answers";
import type { DemoService } from "./org";
import { createRandom, hashString, type Random } from "./random";

const DAY = 86_400_000;

export interface GeneratedResponse {
  itemId: string;
  status: Exclude<ResponseStatus, "unanswered">;
  justification: string;
  notes: string;
  evidenceLinks: string[];
}

export interface GeneratedAssessment {
  startedAt: Date;
  submittedAt: Date;
  approvedAt: Date;
  responses: GeneratedResponse[];
}

export function maturityAt(service: Pick<DemoService, "trajectory" | "from" | "to">, fraction: number): number {
  const { from, to } = service;
  const linear = from + (to - from) * fraction;
  switch (service.trajectory) {
    case "improving":
      return from + (to - from) * (fraction * fraction * (3 - 2 * fraction));
    case "recovering":
      return linear - 0.22 * Math.sin(Math.PI * fraction);
    case "stagnant":
      return linear + 0.03 * Math.sin(fraction * 9);
    default:
      return linear;
  }
}

const PARTIAL_REASONS = [
  "In place for production; staging and QA still lag behind.",
  "Configured, but not yet enforced: violations only warn.",
  "Covers the main repository; the infrastructure repository is not yet included.",
  "Done by hand each release rather than by the pipeline.",
  "Policy is written; about two thirds of instances comply so far.",
];
const NOT_MET_REASONS = [
  "Not in place. The team agreed a plan during the review.",
  "No evidence could be produced during the review.",
  "Was in place, but regressed after the move to the new cluster.",
  "Known gap; blocked on the platform team's shared tooling.",
];
const NOT_APPLICABLE_REASONS = [
  "Not applicable: the service attaches no backing service of this kind.",
  "Not applicable: the service runs as a managed job and binds no port.",
  "Not applicable to this service's architecture; confirmed with the team lead.",
];
const NOTES = [
  "Follow up with the platform team on shared tooling.",
  "Re-check after the next major release.",
  "Evidence reviewed live with the service owner.",
  "",
  "",
  "",
];

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function respond(item: ChecklistItem, status: GeneratedResponse["status"], service: DemoService, rng: Random): GeneratedResponse {
  const base = `https://git.example.com/${service.team}/${service.slug}`;
  const links = [`${base}/-/blob/main/docs/security/${item.id.toLowerCase()}.md`];
  if (rng.chance(0.3)) links.push(`https://wiki.example.com/${service.team}/${service.slug}/evidence/${item.id.toLowerCase()}`);
  switch (status) {
    case "met":
      return { itemId: item.id, status, justification: `Met. Reviewed ${lowerFirst(item.evidence)}`, notes: rng.pick(NOTES), evidenceLinks: links };
    case "partially_met":
      return { itemId: item.id, status, justification: rng.pick(PARTIAL_REASONS), notes: rng.pick(NOTES), evidenceLinks: links.slice(0, 1) };
    case "not_met":
      return { itemId: item.id, status, justification: rng.pick(NOT_MET_REASONS), notes: rng.pick(NOTES), evidenceLinks: [] };
    default:
      return { itemId: item.id, status, justification: rng.pick(NOT_APPLICABLE_REASONS), notes: "", evidenceLinks: [] };
  }
}

/** Assessment dates: about every 50-65 days over the last 18 months. */
export function assessmentDates(service: DemoService, now: Date): Date[] {
  const rng = createRandom(hashString(`${service.slug}:dates`));
  const dates: Date[] = [];
  let at = now.getTime() - rng.int(530, 550) * DAY;
  while (at < now.getTime() - 6 * DAY) {
    dates.push(new Date(at));
    at += rng.int(50, 65) * DAY;
  }
  return dates;
}

/** Monthly assessments over the last `months` months (the scale seed's five years). */
export function monthlyDates(service: Pick<DemoService, "slug">, months: number, now: Date): Date[] {
  const rng = createRandom(hashString(`${service.slug}:monthly`));
  const offset = rng.int(0, 27);
  return Array.from(
    { length: months },
    (_, index) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - index), 1 + offset, 9 + rng.int(0, 8))),
  ).filter((at) => at.getTime() < now.getTime() - 2 * DAY);
}

export function generateHistory(service: DemoService, items: ChecklistItem[], now: Date, dates = assessmentDates(service, now)): GeneratedAssessment[] {
  if (service.trajectory === "new") return [];
  const rng = createRandom(hashString(service.slug));
  const traits = new Map(
    items.map((item) => [
      item.id,
      {
        difficulty: rng.next(),
        bias: rng.normal() * 0.08,
        notApplicable: item.severity !== "critical" && rng.chance(0.04),
      },
    ]),
  );
  return dates.map((approvedAt, index) => {
    const maturity = maturityAt(service, dates.length === 1 ? 1 : index / (dates.length - 1));
    const responses = items.map((item) => {
      const trait = traits.get(item.id)!;
      if (trait.notApplicable) return respond(item, "not_applicable", service, rng);
      const value = maturity - trait.difficulty + trait.bias + rng.normal() * 0.04;
      const status = value > 0.04 ? "met" : value > -0.14 ? "partially_met" : "not_met";
      return respond(item, status, service, rng);
    });
    const startedAt = new Date(approvedAt.getTime() - rng.int(6, 14) * DAY);
    const submittedAt = new Date(approvedAt.getTime() - rng.int(1, 4) * DAY);
    return { startedAt, submittedAt, approvedAt, responses };
  });
}
