// From catalogue components to the services they stand for: which team
// (through the admin's owner mapping), which tier (an annotation, or the rule),
// and the service's own fields, validated by the same schema as the service
// form and the API. Pure.
import { parseLocationRef } from "@backstage/catalog-model";
import { serviceFieldsSchema, SERVICE_LIMITS } from "../services/schemas";
import { clip } from "../text/clean";
import { tiers, type Criticality } from "../vocabulary/levels";
import type { CatalogEntity, Problem } from "./entities";
import type { Desired } from "./plan";

/** The annotation that sets a component's tier: `twelvefold.dev/tier: critical | high | medium | low`. */
export const TIER_ANNOTATION = "twelvefold.dev/tier";
/** The annotation by which a component claims a service made by hand in its team: `twelvefold.dev/service: <slug>`. */
export const SERVICE_ANNOTATION = "twelvefold.dev/service";

/** Where owners are found: the admin's mapping of owner references to teams, and the teams by slug. */
export interface OwnerDirectory {
  mapped: ReadonlyMap<string, string>;
  teamsBySlug: ReadonlyMap<string, string>;
}

/**
 * The team that answers for an owner: the admin's mapping, or else the team
 * whose slug is the group's name (`group:default/payments` and a team
 * "payments"). Null when neither holds.
 */
export function teamForOwner(owner: string, directory: OwnerDirectory): { teamId: string; by: "mapping" | "name" } | null {
  const mapped = directory.mapped.get(owner);
  if (mapped) return { teamId: mapped, by: "mapping" };
  const group = /^group:[^/]+\/(.+)$/.exec(owner);
  const named = group ? directory.teamsBySlug.get(group[1]!.toLowerCase()) : undefined;
  return named ? { teamId: named, by: "name" } : null;
}

/** The repository: Backstage's source-location annotation, or a GitHub project slug. Only http(s) addresses. */
export function repositoryOf(annotations: Record<string, string>): string | null {
  const candidates: string[] = [];
  const source = annotations["backstage.io/source-location"];
  if (source) {
    try {
      const location = parseLocationRef(source);
      if (location.type === "url") candidates.push(location.target);
    } catch {
      // Not a location reference: no address from it.
    }
  }
  const slug = annotations["github.com/project-slug"];
  if (slug && /^[\w.-]+\/[\w.-]+$/.test(slug)) candidates.push(`https://github.com/${slug}`);
  for (const candidate of candidates) {
    if (/^https?:\/\//i.test(candidate) && candidate.length <= SERVICE_LIMITS.repositoryUrl) {
      try {
        return new URL(candidate).toString();
      } catch {
        // Not an address.
      }
    }
  }
  return null;
}

/** The tier rule when no annotation says: an experimental component is low, any other medium. */
export function ruleTier(lifecycle: string | null): Criticality {
  return lifecycle === "experimental" ? "low" : "medium";
}

/** Each component as a wanted service, or the reason it cannot be one. */
export function desiredFromComponents(entities: readonly CatalogEntity[], directory: OwnerDirectory): { desired: Desired[]; problems: Problem[] } {
  const desired: Desired[] = [];
  const problems: Problem[] = [];
  for (const entity of entities) {
    if (entity.kind !== "Component") continue;
    const refuse = (reason: string) => problems.push({ place: entity.place, reason: `${entity.ref}: ${reason}` });
    const owner = entity.owner ? teamForOwner(entity.owner, directory) : null;
    if (!owner) {
      refuse(`no team answers for its owner ${entity.owner ?? "(none)"}; map it to a team on the catalogue page.`);
      continue;
    }
    const annotated = entity.annotations[TIER_ANNOTATION];
    if (annotated !== undefined && !tiers.is(annotated.trim().toLowerCase())) {
      refuse(`${TIER_ANNOTATION} is "${clip(annotated, 40)}"; use ${tiers.values.join(", ")}.`);
      continue;
    }
    const tier = annotated === undefined ? null : (annotated.trim().toLowerCase() as Criticality);
    const fields = serviceFieldsSchema.safeParse({
      name: entity.title ?? entity.name,
      // A catalogue's long description is cut, not refused: the catalogue keeps the whole.
      description: clip(entity.description, SERVICE_LIMITS.description),
      criticality: tier ?? ruleTier(entity.lifecycle),
      repositoryUrl: null,
    });
    if (!fields.success) {
      refuse(fields.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
      continue;
    }
    desired.push({
      place: entity.place,
      ref: entity.ref,
      uid: entity.uid,
      claim: entity.annotations[SERVICE_ANNOTATION]?.trim().toLowerCase() || null,
      teamId: owner.teamId,
      name: fields.data.name,
      description: fields.data.description,
      tier,
      defaultTier: ruleTier(entity.lifecycle),
      repositoryUrl: repositoryOf(entity.annotations),
      info: { owner: entity.owner, lifecycle: entity.lifecycle, type: entity.type, system: entity.system, file: entity.place.file },
    });
  }
  return { desired, problems };
}
