// Attest, then validate: the rules that say whether an answer still waits for
// security, how a validation sample is drawn, and how an answer's provenance
// reads. Pure, so the walk, the server and the exports share one definition.
import { z } from "zod";
import { severities, type Severity } from "../vocabulary/levels";
import type { ResponseStatus } from "../vocabulary/answers";

export type ValidationState = "agreed" | "sent_back" | null;

export interface ValidationFacts {
  status: ResponseStatus;
  carriedOver: boolean;
  validation: ValidationState;
  attestedAt: Date | null;
}

export interface DrawnSample {
  itemIds: readonly string[];
  drawnAt: Date;
}

/**
 * Why an answer cannot yet go to sign-off on security's side, or null: sent
 * back and not yet answered again, or attested and waiting for validation
 * (unless a sample drawn after it was attested left it out).
 */
export function validationGap(itemId: string, answer: ValidationFacts, sample: DrawnSample | null): string | null {
  if (answer.status === "unanswered" || answer.carriedOver) return null;
  if (answer.validation === "sent_back") return "sent back to its owner";
  if (answer.validation === "agreed") return null;
  if (sample && answer.attestedAt !== null && answer.attestedAt <= sample.drawnAt && !sample.itemIds.includes(itemId)) return null;
  return "awaiting validation";
}

export const SAMPLE_LIMITS = { minimum: 200 } as const;

export const samplingRuleSchema = z.object({
  /** Every answer of these severities is validated. */
  severities: z.array(severities.schema).max(4),
  /** And this share of the rest, drawn at random. */
  percent: z.coerce.number({ message: "Give a percentage." }).int("Give a whole percentage.").min(0).max(100, "A sample cannot be more than 100%."),
  /** And at least this many answers in all. */
  minimum: z.coerce.number().int().min(0).max(SAMPLE_LIMITS.minimum).default(0),
});
export type SamplingRule = z.infer<typeof samplingRuleSchema>;

export interface SampleCandidate {
  itemId: string;
  severity: Severity;
}

export type SampleDraw = { ok: true; itemIds: string[] } | { ok: false; message: string };

/**
 * Draws the sample a rule asks for from the answers waiting for validation:
 * every one of the named severities, then `percent` of the rest (rounded up),
 * topped up to `minimum`. `randomInt(n)` returns 0..n-1 (crypto in the app, a
 * seeded sequence in tests). A rule that asks for more answers than wait is
 * refused, not quietly shrunk.
 */
export function drawSample(candidates: readonly SampleCandidate[], rule: SamplingRule, randomInt: (n: number) => number): SampleDraw {
  if (candidates.length === 0) return { ok: false, message: "No answer waits for validation, so there is nothing to sample." };
  if (rule.minimum > candidates.length) {
    return {
      ok: false,
      message: `The rule asks for at least ${rule.minimum} answers, but only ${candidates.length} wait for validation.`,
    };
  }
  const always = candidates.filter((c) => rule.severities.includes(c.severity)).map((c) => c.itemId);
  const rest = candidates.filter((c) => !rule.severities.includes(c.severity)).map((c) => c.itemId);
  const wanted = Math.max(Math.ceil((rest.length * rule.percent) / 100), rule.minimum - always.length, 0);
  // A partial Fisher-Yates shuffle: the first `wanted` of the rest, each equally likely.
  const pool = [...rest];
  for (let i = 0; i < wanted; i++) {
    const j = i + randomInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return { ok: true, itemIds: [...always, ...pool.slice(0, wanted)].sort() };
}

export function describeRule(rule: SamplingRule): string {
  const parts = [
    rule.severities.length ? `every ${rule.severities.join(", ")} answer` : null,
    `${rule.percent}% of the rest at random`,
    rule.minimum > 0 ? `at least ${rule.minimum} in all` : null,
  ].filter(Boolean);
  return parts.join(", ");
}

/** Where an answer stands with security, as exports and the API name it. */
export const VALIDATION_STANDINGS = ["agreed", "sent_back", "pending", "outside_sample", "unanswered"] as const;
export type ValidationStanding = (typeof VALIDATION_STANDINGS)[number];

export interface Attested {
  attestedBy: string | null;
  attestedAt: Date | null;
  validation: ValidationState;
  validatedBy: string | null;
  validatedAt: Date | null;
  outsideSample: boolean;
  status: ResponseStatus;
  /** The platform the answer was inherited from, by name. */
  platform?: string | null;
}

export function validationStanding(a: Attested): ValidationStanding {
  if (a.status === "unanswered") return "unanswered";
  if (a.validation) return a.validation;
  return a.outsideSample ? "outside_sample" : "pending";
}

const day = (d: Date | null) => (d ? ` on ${d.toISOString().slice(0, 10)}` : "");

/** Who gave an answer and who checked it, in one line for reports. */
export function attestationLine(a: Attested): string {
  const standing = validationStanding(a);
  if (standing === "unanswered") return "Not answered.";
  if (a.platform) return `Inherited from the platform ${a.platform}${day(a.attestedAt)}; validated there by ${a.validatedBy ?? "a former user"}.`;
  const said = a.attestedBy ? `Attested by ${a.attestedBy}${day(a.attestedAt)}` : "Attested by a former user";
  if (standing === "agreed" && a.validatedBy !== null && a.validatedBy === a.attestedBy) return `Answered by ${a.attestedBy} (security)${day(a.attestedAt)}.`;
  const checked = {
    agreed: `validated by ${a.validatedBy ?? "a former user"}${day(a.validatedAt)}`,
    sent_back: `sent back by ${a.validatedBy ?? "a former user"}${day(a.validatedAt)}`,
    pending: "not yet validated",
    outside_sample: "accepted outside the validation sample",
  }[standing];
  return `${said}; ${checked}.`;
}
