// Platforms answer once: the rules by which a service's answer to an item a
// platform covers is the platform's (inherited), both (shared: the worse of the
// two must hold), or its own. Pure, so scoring, the walk and the tests share it.
import { z } from "zod";
import type { ResponseStatus } from "../vocabulary/answers";

export const INHERITANCE_MODES = ["inherited", "shared", "own"] as const;
export type InheritanceMode = (typeof INHERITANCE_MODES)[number];

export const INHERITANCE_LABELS: Record<InheritanceMode, string> = {
  inherited: "Inherited: the platform's answer",
  shared: "Shared: both must hold",
  own: "Own: the service answers",
};

/** How well an answer holds, for taking the worse of two; not applicable counts as neither. */
const RANK: Record<Exclude<ResponseStatus, "not_applicable">, number> = { unanswered: 0, not_met: 1, partially_met: 2, met: 3 };

/** The worse of two answers that must both hold; not applicable gives way to the other. */
export function worse(a: ResponseStatus, b: ResponseStatus): ResponseStatus {
  if (a === "not_applicable") return b;
  if (b === "not_applicable") return a;
  return RANK[a] <= RANK[b] ? a : b;
}

export interface PlatformAnswers {
  platformId: string;
  /** The items it covers. */
  items: readonly string[];
  /** Its answers as of its latest approval; an item it has not answered counts as unanswered. */
  statuses: ReadonlyMap<string, ResponseStatus>;
  /** The service's choices that are not "inherited". */
  modes: Readonly<Record<string, InheritanceMode>>;
}

/**
 * A service's answers with its platforms' applied: an inherited item takes the
 * platform's answer, a shared one the worse of both, an own one stays. Where
 * two platforms cover an item, both apply (the worse holds).
 */
export function effectiveStatuses(own: ReadonlyMap<string, ResponseStatus>, platforms: readonly PlatformAnswers[]): Map<string, ResponseStatus> {
  const result = new Map(own);
  const inheritedOnce = new Set<string>();
  for (const platform of platforms) {
    for (const itemId of platform.items) {
      const mode = platform.modes[itemId] ?? "inherited";
      if (mode === "own") continue;
      const theirs = platform.statuses.get(itemId) ?? "unanswered";
      const mine = result.get(itemId) ?? "unanswered";
      if (mode === "shared") result.set(itemId, worse(mine, theirs));
      else if (inheritedOnce.has(itemId)) result.set(itemId, worse(mine, theirs));
      else {
        result.set(itemId, theirs);
        inheritedOnce.add(itemId);
      }
    }
  }
  return result;
}

/**
 * Whether letting `service` run on `platform` would close a circle: the
 * platform already runs (directly or through others) on the service. `uses`
 * maps each service to the platforms it runs on.
 */
export function wouldCycle(uses: ReadonlyMap<string, readonly string[]>, service: string, platform: string): boolean {
  if (service === platform) return true;
  const seen = new Set<string>();
  const stack = [platform];
  while (stack.length) {
    const next = stack.pop()!;
    if (next === service) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(uses.get(next) ?? []));
  }
  return false;
}

export const platformKindSchema = z.string().trim().min(2, "Say what the platform is, such as “Kubernetes cluster”.").max(80);
export const modesSchema = z.record(z.string().regex(/^F(0[1-9]|1[0-2])-[A-Z0-9-]+$/), z.enum(INHERITANCE_MODES)).refine((m) => Object.keys(m).length <= 100);
