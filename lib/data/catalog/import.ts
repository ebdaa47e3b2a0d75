import "server-only";
import { about, actorOf, recordAuditEvent, requestOf, type RequestContext } from "../../audit/record";
import { can, type Principal } from "../../auth/policy";
import { desiredFromCsv } from "../../catalog/csv";
import { desiredFromComponents } from "../../catalog/desired";
import { readCatalogFiles, type CatalogFile } from "../../catalog/entities";
import { planCounts, planDigest, planImport, planWrites, type CatalogInfo, type Existing, type Plan } from "../../catalog/plan";
import { getPrisma } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { recordTeamPosture } from "../../posture/record";
import { firstFreeSlug, slugFor } from "../../slug";
import { tiers } from "../../vocabulary/levels";
import { NotFoundError, ValidationError } from "../errors";

/** A catalogue sync (the whole catalogue, in as many files as it takes) or a CSV file. */
export type ImportSource = { mode: "catalog"; files: CatalogFile[] } | { mode: "csv"; file: CatalogFile };

/** Apply refused because rows are refused: nothing changed. Carries the plan, so a caller can say which rows and why. */
export class ImportRefusedError extends ValidationError {
  constructor(readonly preview: ImportPreview) {
    const n = preview.plan.problems.length;
    super(`Nothing was changed: ${n} ${n === 1 ? "row is" : "rows are"} refused. Fix them and try again.`);
    this.name = "ImportRefusedError";
  }
}

// One import at a time across every instance: a second waits, then plans against what the first wrote.
const IMPORT_LOCK = 0x7457_4369;

type Db = Prisma.TransactionClient;

function assertMayImport(principal: Principal, mode: ImportSource["mode"]): void {
  // Both change services across teams: the admin's work, or the catalogue token's.
  const action = mode === "catalog" ? "catalog.sync" : "admin.manage";
  if (!can(principal, action, "org")) throw new NotFoundError();
}

async function existingServices(db: Db): Promise<Existing[]> {
  const rows = await db.service.findMany({
    select: {
      id: true,
      slug: true,
      teamId: true,
      name: true,
      description: true,
      criticality: true,
      repositoryUrl: true,
      catalogRef: true,
      catalogUid: true,
      catalogInfo: true,
      catalogMissingSince: true,
      archivedAt: true,
    },
  });
  return rows.map(({ archivedAt, criticality, catalogInfo, ...row }) => ({
    ...row,
    criticality: tiers.fromDb(criticality),
    catalogInfo: (catalogInfo as CatalogInfo | null) ?? null,
    archived: archivedAt !== null,
  }));
}

/** The plan for a source against the services as they are in `db`, with the teams' names by id for its report. */
async function planFor(db: Db, source: ImportSource): Promise<ImportPreview> {
  const teams = await db.team.findMany({ select: { id: true, slug: true, name: true } });
  const preview = (plan: Plan): ImportPreview => ({
    plan,
    digest: planDigest(plan),
    counts: planCounts(plan),
    teams: Object.fromEntries(teams.map((t) => [t.id, t.name])),
  });
  const existing = await existingServices(db);
  if (source.mode === "csv") {
    const bySlug = new Map(teams.map((t) => [t.slug, t.id]));
    const byName = new Map(teams.map((t) => [t.name.toLocaleLowerCase("en"), t.id]));
    const teamOf = (cell: string) => bySlug.get(cell.toLowerCase()) ?? byName.get(cell.toLocaleLowerCase("en")) ?? null;
    const { desired, problems } = desiredFromCsv(source.file.content, source.file.path, teamOf);
    return preview(planImport("csv", desired, existing, { problems }));
  }
  const read = await readCatalogFiles(source.files);
  const owners = await db.catalogOwner.findMany({ select: { ownerRef: true, teamId: true } });
  const directory = { mapped: new Map(owners.map((o) => [o.ownerRef, o.teamId])), teamsBySlug: new Map(teams.map((t) => [t.slug, t.id])) };
  const { desired, problems } = desiredFromComponents(read.entities, directory);
  return preview(planImport("catalog", desired, existing, { problems: [...read.problems, ...problems], ignored: read.ignored }));
}

export interface ImportPreview {
  plan: Plan;
  digest: string;
  counts: ReturnType<typeof planCounts>;
  teams: Record<string, string>;
}

/** What an import would do, writing nothing. */
export async function previewImport(principal: Principal, source: ImportSource): Promise<ImportPreview> {
  assertMayImport(principal, source.mode);
  const prisma = getPrisma();
  return prisma.$transaction((tx) => planFor(tx, source), { isolationLevel: "RepeatableRead" });
}

async function writePlan(tx: Db, plan: Plan, now: Date): Promise<void> {
  const teamsTouched = new Set<string>();
  if (plan.creates.length) {
    const taken = new Map<string, Set<string>>();
    for (const row of await tx.service.findMany({
      where: { teamId: { in: [...new Set(plan.creates.map((c) => c.teamId))] } },
      select: { teamId: true, slug: true },
    })) {
      (taken.get(row.teamId) ?? taken.set(row.teamId, new Set()).get(row.teamId)!).add(row.slug);
    }
    const data = plan.creates.map((create) => {
      const slugs = taken.get(create.teamId) ?? taken.set(create.teamId, new Set()).get(create.teamId)!;
      // A catalogue service's address follows its entity name (`checkout-api`), not its display title.
      const slug = firstFreeSlug(slugFor(create.ref ? create.ref.replace(/^.*\//, "") : create.name), slugs);
      slugs.add(slug);
      return {
        teamId: create.teamId,
        name: create.name,
        slug,
        description: create.description,
        criticality: tiers.toDb(create.criticality),
        repositoryUrl: create.repositoryUrl,
        catalogRef: create.ref,
        catalogUid: create.uid,
        catalogInfo: create.info ?? undefined,
      };
    });
    for (let i = 0; i < data.length; i += 500) await tx.service.createMany({ data: data.slice(i, i + 500) });
  }
  for (const update of plan.updates) {
    await tx.service.update({
      where: { id: update.serviceId },
      data: {
        ...update.after,
        criticality: tiers.toDb(update.after.criticality),
        ...(update.ref
          ? { catalogRef: update.ref, catalogUid: update.uid ?? undefined, catalogInfo: update.info ?? undefined, catalogMissingSince: null }
          : {}),
      },
    });
    if (update.before.teamId !== update.after.teamId) teamsTouched.add(update.before.teamId).add(update.after.teamId);
  }
  if (plan.missing.length) await tx.service.updateMany({ where: { id: { in: plan.missing.map((m) => m.serviceId) } }, data: { catalogMissingSince: now } });
  // Services that moved take their scores and findings from one team's posture to another's.
  for (const teamId of teamsTouched) await recordTeamPosture(tx, teamId, now);
}

/**
 * Carries out an import, all or nothing: refused when any row is refused, or
 * when the plan is not the one previewed (`expectedDigest`), and writes nothing
 * (not even an audit event) when there is nothing to change. One audit event
 * records the whole import with its counts.
 */
export async function applyImport(
  principal: Principal,
  source: ImportSource,
  options: { expectedDigest?: string; context: RequestContext },
  now: Date = new Date(),
): Promise<ImportPreview & { wrote: boolean }> {
  assertMayImport(principal, source.mode);
  return getPrisma().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`;
      const preview = await planFor(tx, source);
      const { plan, digest, counts } = preview;
      if (plan.problems.length) throw new ImportRefusedError(preview);
      if (options.expectedDigest && options.expectedDigest !== digest) {
        throw new ValidationError("Nothing was changed: the services changed since the preview. Preview again, then apply.");
      }
      if (!planWrites(plan)) return { ...preview, wrote: false };
      await writePlan(tx, plan, now);
      await recordAuditEvent(tx, {
        action: source.mode === "catalog" ? "catalog.synced" : "services.imported",
        ...actorOf(principal),
        ...(principal.integration
          ? { actorLabel: `Integration token ${principal.integration.prefix}… "${principal.integration.name}" of ${principal.email}` }
          : {}),
        ...requestOf(options.context),
        ...about("import", digest),
        occurredAt: now,
        after: { ...counts, files: source.mode === "catalog" ? source.files.length : 1, digest },
      });
      return { ...preview, wrote: true };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
