// Backstage entity files (catalog-info.yaml) as the catalogue sync reads them:
// each file may hold many YAML documents; every document is checked against
// Backstage's own envelope, field-format and kind schemas (@backstage/catalog-model),
// so what passes here is what a Backstage catalogue would accept. Every problem
// names its file and line. Pure: no database, no file system.
import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  type Entity,
} from "@backstage/catalog-model";
import { LineCounter, parseAllDocuments } from "yaml";
import { cleanDeep, cleanText, clip, MAX_NESTING, TooDeepError } from "../text/clean";

/** Where something was read: a file's path as given, and a 1-based line. */
export interface Place {
  file: string;
  line: number;
}

export interface Problem {
  place: Place;
  reason: string;
}

export type UsedKind = "Component" | "System" | "Group";

export interface CatalogEntity {
  place: Place;
  kind: UsedKind;
  /** `component:default/checkout-api`, Backstage's own string form. */
  ref: string;
  uid: string | null;
  name: string;
  title: string | null;
  description: string;
  annotations: Record<string, string>;
  /** The owner as a full reference (`group:default/payments`), for components and systems. */
  owner: string | null;
  lifecycle: string | null;
  system: string | null;
  type: string | null;
}

export interface ReadCatalog {
  entities: CatalogEntity[];
  /** Entities of Backstage kinds Twelvefold has no use for (API, Resource, User…): passed over, and said so. */
  ignored: { place: Place; ref: string }[];
  problems: Problem[];
}

export interface CatalogFile {
  path: string;
  content: string;
}

/** The most documents one sync reads: ten thousand components and their groups and systems, with room. */
export const MAX_CATALOG_DOCUMENTS = 30_000;

const USED = { Component: componentEntityV1alpha1Validator, System: systemEntityV1alpha1Validator, Group: groupEntityV1alpha1Validator } as const;
/** Backstage's other built-in kinds: valid in a catalogue, of no use to Twelvefold. */
const OTHER_KINDS = new Set(["API", "Resource", "Domain", "User", "Location", "Template"]);

const envelope = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);
/** A short field kept beside a service (lifecycle, type, uid): Backstage does not bound them, Twelvefold does. */
const short = (value: unknown): string | null => {
  const t = text(value);
  return t === null ? null : clip(t, 200);
};

/** The first line of a library's message, without its pointer to Backstage's documentation. */
function reasonOf(error: unknown): string {
  if (error instanceof RangeError || error instanceof TooDeepError) return `nested more than ${MAX_NESTING} levels deep`;
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split(/\.? To learn more about catalog file format/)[0]!
    .split("\n")[0]!
    .slice(0, 300);
}

function fullRef(value: string | null, defaultKind: string, namespace: string): string | null {
  if (!value) return null;
  return stringifyEntityRef(parseEntityRef(value, { defaultKind, defaultNamespace: namespace }));
}

async function toEntity(raw: unknown, place: Place): Promise<CatalogEntity | { ignored: string } | Problem> {
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    return { place, reason: "This document is not a Backstage entity (an object with apiVersion, kind and metadata)." };
  const kind = (raw as { kind?: unknown }).kind;
  if (typeof kind !== "string" || !(kind in USED || OTHER_KINDS.has(kind))) {
    return {
      place,
      reason: `Unknown kind ${JSON.stringify(kind ?? null)}: Twelvefold reads Component, System and Group (and passes over Backstage's other kinds).`,
    };
  }
  let entity: Entity;
  try {
    entity = (await envelope.enforce(structuredClone(raw) as Entity)) as Entity;
  } catch (error) {
    return { place, reason: reasonOf(error) };
  }
  const ref = stringifyEntityRef(entity);
  if (!(kind in USED)) return { ignored: ref };
  try {
    if (!(await USED[kind as UsedKind].check(entity))) return { place, reason: `Not a valid ${kind} (apiVersion ${entity.apiVersion}).` };
  } catch (error) {
    return { place, reason: `${ref}: ${reasonOf(error)}` };
  }
  const namespace = entity.metadata.namespace ?? "default";
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const annotations = Object.fromEntries(Object.entries(entity.metadata.annotations ?? {}).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  try {
    return {
      place,
      kind: kind as UsedKind,
      ref,
      uid: short(entity.metadata.uid),
      name: entity.metadata.name,
      title: short(entity.metadata.title),
      description: text(entity.metadata.description) ?? "",
      annotations,
      owner: fullRef(text(spec.owner), "group", namespace),
      lifecycle: short(spec.lifecycle),
      system: fullRef(text(spec.system), "system", namespace),
      type: short(spec.type),
    };
  } catch (error) {
    return { place, reason: `${ref}: ${reasonOf(error)}` };
  }
}

/** Reads every document of every file; each entity once (a repeated reference or uid is a problem at its second place). */
export async function readCatalogFiles(files: readonly CatalogFile[]): Promise<ReadCatalog> {
  const out: ReadCatalog = { entities: [], ignored: [], problems: [] };
  const seenRef = new Map<string, Place>();
  const seenUid = new Map<string, Place>();
  let documents = 0;
  for (const file of files) {
    const name = cleanText(file.path);
    const lines = new LineCounter();
    const docs = parseAllDocuments(cleanText(file.content), { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const list = Array.isArray(docs) ? docs : [];
    if (!Array.isArray(docs)) out.problems.push({ place: { file: name, line: 1 }, reason: "Not a YAML file." });
    for (const doc of list) {
      const place = { file: name, line: lines.linePos(doc.contents?.range[0] ?? doc.range[0]).line };
      if (doc.errors.length) {
        const first = doc.errors[0]!;
        out.problems.push({
          place: { file: name, line: lines.linePos(first.pos[0]).line },
          reason: `Malformed YAML: ${/call stack/i.test(first.message) ? `nested more than ${MAX_NESTING} levels deep` : first.message.split("\n")[0]}`,
        });
        continue;
      }
      if (doc.contents === null) continue; // an empty document, as between two `---`
      if (++documents > MAX_CATALOG_DOCUMENTS) {
        out.problems.push({ place, reason: `More than ${MAX_CATALOG_DOCUMENTS} entities in one sync; split the catalogue.` });
        return out;
      }
      let raw: unknown;
      try {
        // Aliases are YAML's way to a billion laughs: a handful is plenty for a catalogue.
        raw = cleanDeep(doc.toJS({ maxAliasCount: 20 }));
      } catch (error) {
        out.problems.push({ place, reason: `Malformed YAML: ${reasonOf(error)}` });
        continue;
      }
      const read = await toEntity(raw, place);
      if ("reason" in read) out.problems.push(read);
      else if ("ignored" in read) out.ignored.push({ place, ref: read.ignored });
      else {
        const again = seenRef.get(read.ref) ?? (read.uid ? seenUid.get(read.uid) : undefined);
        if (again) {
          out.problems.push({ place, reason: `${read.ref} is defined twice: also at ${again.file}:${again.line}.` });
          continue;
        }
        seenRef.set(read.ref, place);
        if (read.uid) seenUid.set(read.uid, place);
        out.entities.push(read);
      }
    }
  }
  return out;
}
