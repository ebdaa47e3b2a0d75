// What an import would do, worked out before anything is written: which
// services it creates, which it updates (and what changes), which catalogue
// services it marks missing, and every row it refuses with its place and
// reason. The same plan is shown as the preview and carried out by apply, and
// its digest lets apply refuse when the plan has changed since the preview.
// Pure: the data layer (lib/data/catalog) loads what it needs.
import { canonicalJson, sha256Hex } from "../canonical-json";
import type { Criticality } from "../vocabulary/levels";
import type { Place, Problem } from "./entities";

/** What the catalogue says of a service beside its own fields. */
export type CatalogInfo = {
  owner: string | null;
  lifecycle: string | null;
  type: string | null;
  system: string | null;
  file: string;
};

/** One service as an import wants it. */
export interface Desired {
  place: Place;
  /** The entity reference, for catalogue imports; null for a CSV row. */
  ref: string | null;
  uid: string | null;
  /**
   * The slug of a service made by hand in the entity's team that the catalogue
   * claims (annotation `twelvefold.dev/service`): on its first sync it is linked
   * and managed from then on, keeping its history. Null for none.
   */
  claim?: string | null;
  teamId: string;
  name: string;
  /** Undefined: keep the description a service has (a new one has none). */
  description: string | undefined;
  /** Null: keep the tier a service has (a new one takes `defaultTier`). */
  tier: Criticality | null;
  defaultTier: Criticality;
  /** Undefined: keep the address a service has. */
  repositoryUrl: string | null | undefined;
  info: CatalogInfo | null;
}

/** A service as it stands, as far as an import reads it. */
export interface Existing {
  id: string;
  slug: string;
  teamId: string;
  name: string;
  description: string;
  criticality: Criticality;
  repositoryUrl: string | null;
  catalogRef: string | null;
  catalogUid: string | null;
  catalogInfo: CatalogInfo | null;
  catalogMissingSince: Date | null;
  archived: boolean;
}

export interface Fields {
  teamId: string;
  name: string;
  description: string;
  criticality: Criticality;
  repositoryUrl: string | null;
}

export interface PlannedCreate extends Fields {
  place: Place;
  ref: string | null;
  uid: string | null;
  info: CatalogInfo | null;
}

export interface PlannedUpdate {
  place: Place;
  serviceId: string;
  slug: string;
  ref: string | null;
  uid: string | null;
  before: Fields;
  after: Fields;
  info: CatalogInfo | null;
  /** What changes, in words a preview shows: "name", "team", "tier", "returned to the catalogue"… */
  changes: string[];
}

export interface Plan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  /** Catalogue services whose entity is no longer there: marked, never deleted. */
  missing: { serviceId: string; slug: string; teamId: string; name: string; ref: string }[];
  unchanged: number;
  /** Already marked missing by an earlier sync and still absent: nothing to write. */
  stillMissing: number;
  problems: Problem[];
  ignored: { place: Place; ref: string }[];
}

export type ImportMode = "catalog" | "csv";

const fold = (teamId: string, name: string) => `${teamId}\u0000${name.toLocaleLowerCase("en")}`;

function fieldsOf(service: Existing): Fields {
  const { teamId, name, description, criticality, repositoryUrl } = service;
  return { teamId, name, description, criticality, repositoryUrl };
}

function changesBetween(before: Existing, after: Fields, desired: Desired): string[] {
  const changes: string[] = [];
  if (before.teamId !== after.teamId) changes.push("team");
  if (before.name !== after.name) changes.push("name");
  if (before.description !== after.description) changes.push("description");
  if (before.criticality !== after.criticality) changes.push("tier");
  if (before.repositoryUrl !== after.repositoryUrl) changes.push("repository");
  if (desired.ref && before.catalogRef && before.catalogRef !== desired.ref) changes.push("reference");
  if (desired.uid && before.catalogUid !== desired.uid) changes.push("uid");
  // Where an entity was read is not a change of the service: a file may move, or be uploaded from another folder.
  const details = (info: CatalogInfo) => canonicalJson({ ...info, file: undefined });
  if (desired.info && before.catalogInfo && details(before.catalogInfo) !== details(desired.info)) changes.push("catalogue details");
  if (desired.ref && before.catalogMissingSince) changes.push("back in the catalogue");
  if (desired.ref && !before.catalogRef) changes.push("linked to the catalogue");
  return changes;
}

/**
 * The plan for a list of wanted services against the services there are.
 * A catalogue import matches by uid, then reference, touches only services it
 * manages, and marks the managed services it no longer lists as missing. A CSV
 * import matches by team and name and never touches a catalogue service.
 */
export function planImport(
  mode: ImportMode,
  desired: readonly Desired[],
  existing: readonly Existing[],
  input: { problems: Problem[]; ignored?: { place: Place; ref: string }[] },
): Plan {
  const plan: Plan = { creates: [], updates: [], missing: [], unchanged: 0, stillMissing: 0, problems: [...input.problems], ignored: input.ignored ?? [] };
  const byUid = new Map(existing.filter((s) => s.catalogUid).map((s) => [s.catalogUid!, s]));
  const byRef = new Map(existing.filter((s) => s.catalogRef).map((s) => [s.catalogRef!, s]));
  const byName = new Map(existing.filter((s) => !s.archived).map((s) => [fold(s.teamId, s.name), s]));

  const bySlug = new Map(existing.filter((s) => !s.archived).map((s) => [`${s.teamId}/${s.slug}`, s]));
  const claimed = new Set<string>();
  /** The hand-made service an entity claims, or why it may not have it. */
  const claimOf = (claim: string, teamId: string): Existing | string => {
    const service = bySlug.get(`${teamId}/${claim}`);
    if (!service) return `it claims the service "${claim}", which its team does not have.`;
    if (service.catalogRef) return `it claims "${claim}", which ${service.catalogRef} already manages.`;
    if (claimed.has(service.id)) return `another entity claims "${claim}" too.`;
    claimed.add(service.id);
    return service;
  };
  const refusedClaims = new Set<number>();
  const matches = desired.map((want, index) => {
    if (mode === "csv") return byName.get(fold(want.teamId, want.name));
    const known = (want.uid ? byUid.get(want.uid) : undefined) ?? (want.ref ? byRef.get(want.ref) : undefined);
    if (known || !want.claim) return known;
    const claim = claimOf(want.claim, want.teamId);
    if (typeof claim !== "string") return claim;
    plan.problems.push({ place: want.place, reason: `${want.ref}: ${claim}` });
    refusedClaims.add(index);
    return undefined;
  });
  const matched = new Set(matches.filter((m): m is Existing => !!m).map((m) => m.id));
  // Names a service keeps through this import: those it does not rename. Each wanted name is claimed in order.
  const names = new Map<string, string>();
  for (const service of existing)
    if (!service.archived && !matched.has(service.id)) names.set(fold(service.teamId, service.name), service.catalogRef ?? "a service made by hand");

  desired.forEach((want, index) => {
    if (refusedClaims.has(index)) return;
    const match = matches[index];
    if (mode === "csv" && match?.catalogRef) {
      plan.problems.push({ place: want.place, reason: `"${match.name}" comes from the catalogue (${match.catalogRef}); change it there.` });
      return;
    }
    const key = fold(want.teamId, want.name);
    const holder = names.get(key);
    if (holder) {
      plan.problems.push({ place: want.place, reason: `The team already has a service named "${want.name}" (${holder}).` });
      return;
    }
    names.set(key, want.ref ?? `line ${want.place.line}`);
    if (!match) {
      plan.creates.push({
        place: want.place,
        ref: want.ref,
        uid: want.uid,
        info: want.info,
        teamId: want.teamId,
        name: want.name,
        description: want.description ?? "",
        criticality: want.tier ?? want.defaultTier,
        repositoryUrl: want.repositoryUrl ?? null,
      });
      return;
    }
    const after: Fields = {
      teamId: want.teamId,
      name: want.name,
      description: want.description ?? match.description,
      criticality: want.tier ?? match.criticality,
      repositoryUrl: want.repositoryUrl === undefined ? match.repositoryUrl : want.repositoryUrl,
    };
    const changes = changesBetween(match, after, want);
    if (!changes.length) {
      plan.unchanged++;
      return;
    }
    plan.updates.push({
      place: want.place,
      serviceId: match.id,
      slug: match.slug,
      ref: want.ref,
      uid: want.uid,
      before: fieldsOf(match),
      after,
      info: want.info,
      changes,
    });
  });

  if (mode === "catalog") {
    for (const service of existing) {
      if (!service.catalogRef || matched.has(service.id)) continue;
      if (service.catalogMissingSince) plan.stillMissing++;
      else plan.missing.push({ serviceId: service.id, slug: service.slug, teamId: service.teamId, name: service.name, ref: service.catalogRef });
    }
  }
  plan.problems.sort((a, b) => a.place.file.localeCompare(b.place.file) || a.place.line - b.place.line);
  return plan;
}

/** Whether applying the plan would write anything. */
export function planWrites(plan: Plan): boolean {
  return plan.creates.length + plan.updates.length + plan.missing.length > 0;
}

/** A digest of what the plan would write: apply refuses a plan that is not the one previewed. */
export function planDigest(plan: Plan): string {
  const strip = <T extends { place: Place }>(row: T) => ({ ...row, place: undefined });
  return sha256Hex(canonicalJson({ creates: plan.creates.map(strip), updates: plan.updates.map(strip), missing: plan.missing }));
}

/** The counts an audit event and a summary give. */
export function planCounts(plan: Plan) {
  return {
    created: plan.creates.length,
    updated: plan.updates.length,
    markedMissing: plan.missing.length,
    unchanged: plan.unchanged,
    stillMissing: plan.stillMissing,
    refused: plan.problems.length,
    ignored: plan.ignored.length,
  };
}
