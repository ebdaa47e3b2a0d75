// The catalogue sync and CSV import against Postgres, with the demo
// organisation and the demo catalogue (public/examples/catalog): preview,
// all-or-nothing apply, a re-sync that writes nothing, renames in place,
// entities gone from the catalogue, and the API's token.
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import { findCatalogFiles } from "@/lib/catalog/files";
import type { PrismaClient } from "@/lib/db/client";
import { seededDemo } from "./principals";

let prisma: PrismaClient;
let as: Record<"admin" | "lead", Principal>;
const context = { ipAddress: "192.0.2.9", userAgent: "catalog-test" };
const demoCatalog = () => findCatalogFiles(path.resolve("public/examples/catalog"));

beforeAll(async () => {
  ({ prisma, as } = await seededDemo({ database: "twelvefold_catalog", people: { admin: "admin@demo.test", lead: "lead@demo.test" } }));
  return () => prisma.$disconnect();
});

const syncs = () => prisma.auditEvent.count({ where: { action: "catalog.synced" } });
const service = (slug: string, team: string) => prisma.service.findFirstOrThrow({ where: { slug, team: { slug: team } } });

describe("catalogue sync", () => {
  it("previews the demo catalogue, applies it all at once, and a second sync writes nothing", async () => {
    const { applyImport, previewImport } = await import("@/lib/data/catalog/import");
    const files = demoCatalog();
    expect(files.map((f) => f.path)).toContain("checkout-api/catalog-info.yaml");
    const checkoutBefore = await service("checkout-api", "payments");

    const preview = await previewImport(as.admin, { mode: "catalog", files });
    expect(preview.plan.problems).toEqual([]);
    expect(preview.counts).toMatchObject({ created: 3, updated: 3, markedMissing: 0, ignored: 1 });
    expect(preview.plan.creates.map((c) => [c.name, preview.teams[c.teamId], c.criticality]).sort()).toEqual([
      ["Build Cache", "Platform", "low"],
      ["Refund Service", "Payments", "high"],
      ["Session Store", "Identity", "medium"],
    ]);
    expect(await syncs()).toBe(0);

    const applied = await applyImport(as.admin, { mode: "catalog", files }, { expectedDigest: preview.digest, context });
    expect(applied.wrote).toBe(true);
    const checkout = await service("checkout-api", "payments");
    expect(checkout.id).toBe(checkoutBefore.id);
    expect(checkout.catalogRef).toBe("component:default/checkout-api");
    expect(checkout.repositoryUrl).toBe("https://github.com/demo-org/checkout-api/");
    const refund = await service("refund-service", "payments");
    expect(refund.catalogInfo).toMatchObject({ system: "system:default/checkout", lifecycle: "production", file: "refund-service/catalog-info.yaml" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "catalog.synced" } });
    expect(event.after).toMatchObject({ created: 3, updated: 3, markedMissing: 0, files: files.length, digest: preview.digest });

    const again = await applyImport(as.admin, { mode: "catalog", files }, { context });
    expect(again).toMatchObject({ wrote: false, counts: { created: 0, updated: 0, markedMissing: 0, unchanged: 6 } });
    expect(await syncs()).toBe(1);
  });

  it("renames in place and marks a removed entity missing, keeping its service and history", async () => {
    const { applyImport } = await import("@/lib/data/catalog/import");
    const session = await service("session-store", "identity");
    const files = demoCatalog()
      .filter((f) => !f.path.startsWith("build-cache/"))
      .map((f) => (f.path.startsWith("session-store/") ? { ...f, content: f.content.replace("title: Session Store", "title: Session Vault") } : f));
    const result = await applyImport(as.admin, { mode: "catalog", files }, { context });
    expect(result.counts).toMatchObject({ created: 0, updated: 1, markedMissing: 1 });
    const renamed = await service("session-store", "identity");
    expect([renamed.id, renamed.name, renamed.slug]).toEqual([session.id, "Session Vault", "session-store"]);
    const gone = await service("build-cache", "platform");
    expect(gone.catalogMissingSince).not.toBeNull();
    expect(gone.archivedAt).toBeNull();
    // Back in the catalogue: no longer missing.
    const back = await applyImport(as.admin, { mode: "catalog", files: demoCatalog() }, { context });
    expect(back.counts).toMatchObject({ updated: 2, markedMissing: 0 });
    expect((await service("build-cache", "platform")).catalogMissingSince).toBeNull();
  });

  it("changes nothing when any row is refused, or when the services changed since the preview", async () => {
    const { applyImport, previewImport } = await import("@/lib/data/catalog/import");
    const bad = [
      ...demoCatalog(),
      {
        path: "extra/catalog-info.yaml",
        content:
          "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: orphan\nspec:\n  type: service\n  lifecycle: production\n  owner: group:nobody\n",
      },
      { path: "broken/catalog-info.yaml", content: "kind: [" },
    ];
    const before = await prisma.service.count();
    const preview = await previewImport(as.admin, { mode: "catalog", files: bad });
    expect(preview.plan.problems.map((p) => `${p.place.file}:${p.place.line}`)).toEqual(["broken/catalog-info.yaml:1", "extra/catalog-info.yaml:1"]);
    await expect(applyImport(as.admin, { mode: "catalog", files: bad }, { context })).rejects.toThrow(/2 rows are refused/);
    expect(await prisma.service.count()).toBe(before);

    const renamed = demoCatalog().map((f) => ({ ...f, content: f.content.replace("title: Refund Service", "title: Refunds") }));
    const stale = await previewImport(as.admin, { mode: "catalog", files: renamed });
    await prisma.catalogOwner.update({
      where: { ownerRef: "group:default/payments-engineering" },
      data: { teamId: (await prisma.team.findUniqueOrThrow({ where: { slug: "identity" } })).id },
    });
    await expect(applyImport(as.admin, { mode: "catalog", files: renamed }, { expectedDigest: stale.digest, context })).rejects.toThrow(
      /changed since the preview/,
    );
    expect((await service("refund-service", "payments")).name).toBe("Refund Service");
    await prisma.catalogOwner.update({
      where: { ownerRef: "group:default/payments-engineering" },
      data: { teamId: (await prisma.team.findUniqueOrThrow({ where: { slug: "payments" } })).id },
    });
  });

  it("is an admin's: a lead may neither preview nor apply", async () => {
    const { applyImport, previewImport } = await import("@/lib/data/catalog/import");
    await expect(previewImport(as.lead, { mode: "catalog", files: demoCatalog() })).rejects.toThrow("not found");
    await expect(applyImport(as.lead, { mode: "csv", file: { path: "x.csv", content: "name,team\nabc,payments\n" } }, { context })).rejects.toThrow(
      "not found",
    );
  });
});

describe("CSV import", () => {
  it("creates and updates from the example file, and refuses a catalogue service or a formula without changing anything", async () => {
    const { readFileSync } = await import("node:fs");
    const { applyImport, previewImport } = await import("@/lib/data/catalog/import");
    const content = readFileSync("public/examples/services.csv", "utf8");
    const file = { path: "services.csv", content };
    const preview = await previewImport(as.admin, { mode: "csv", file });
    expect(preview.plan.problems).toEqual([]);
    expect(preview.counts).toMatchObject({ created: 3, updated: 1 });
    const statusBefore = await service("status-page", "platform");
    await applyImport(as.admin, { mode: "csv", file }, { expectedDigest: preview.digest, context });
    const status = await service("status-page", "platform");
    expect([status.criticality, status.repositoryUrl]).toEqual([statusBefore.criticality, statusBefore.repositoryUrl]);
    expect(status.description).toMatch(/comes from this file now/);
    expect(await prisma.auditEvent.count({ where: { action: "services.imported" } })).toBe(1);

    const count = await prisma.service.count();
    const hostile = { path: "h.csv", content: "name,team\nNew Thing,payments\nRefund Service,payments\n\"=cmd|' /C calc'!A0\",payments\n" };
    const refused = await previewImport(as.admin, { mode: "csv", file: hostile });
    expect(refused.plan.problems.map((p) => p.place.line)).toEqual([3, 4]);
    await expect(applyImport(as.admin, { mode: "csv", file: hostile }, { context })).rejects.toThrow(/refused/);
    expect(await prisma.service.count()).toBe(count);
  });
});

describe("POST /api/v1/catalog", () => {
  it("takes a catalogue token only, previews by default, applies on request, and refuses what is too large", async () => {
    const { createIntegrationToken, revokeIntegrationToken } = await import("@/lib/data/admin/integration-tokens");
    const { POST } = await import("@/app/api/v1/catalog/route");
    const catalog = await createIntegrationToken(as.admin, { name: "Backstage", purpose: "catalog", expiresInDays: 30 }, context);
    const scim = await createIntegrationToken(as.admin, { name: "Okta", purpose: "scim", expiresInDays: 30 }, context);
    const post = (token: string | null, body: string, type = "application/json") =>
      POST(
        new Request("http://localhost/api/v1/catalog", {
          method: "POST",
          body,
          headers: { "content-type": type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        }),
      );
    const files = demoCatalog().map((f) =>
      f.path.startsWith("refund-service/") ? { ...f, content: f.content.replace("title: Refund Service", "title: Refunds") } : f,
    );

    expect((await post(null, "{}")).status).toBe(401);
    expect((await post(scim.token, JSON.stringify({ files }))).status).toBe(401);
    const preview = await post(catalog.token, JSON.stringify({ files }));
    expect(preview.status).toBe(200);
    const body = await preview.json();
    // As the OpenAPI document promises (JSON Schema 2020-12, OpenAPI 3.1's).
    const { OPENAPI_DOCUMENT } = await import("@/lib/api/openapi");
    const ajv = addFormats(new Ajv2020({ strict: false }));
    ajv.addSchema({ $id: "doc", components: OPENAPI_DOCUMENT.components }, "doc");
    expect(ajv.validate({ $ref: "doc#/components/schemas/CatalogPlan" }, body), ajv.errorsText()).toBe(true);
    expect(body).toMatchObject({ applied: false, counts: { updated: 1 }, update: [{ slug: "refund-service", name: "Refunds", changes: ["name"] }] });
    expect((await service("refund-service", "payments")).name).toBe("Refund Service");

    const applied = await post(catalog.token, JSON.stringify({ files, apply: true, expectedDigest: body.digest }));
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ applied: true });
    expect((await service("refund-service", "payments")).name).toBe("Refunds");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "catalog.synced" }, orderBy: { seq: "desc" } });
    expect(event.actorLabel).toMatch(/^Integration token tfi_.* "Backstage" of admin@demo.test$/);

    expect((await post(catalog.token, "not json")).status).toBe(422);
    // Nested past what any body needs: refused as the client's error, not a stack overflow (a 500).
    const deep = await post(catalog.token, `${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    expect([deep.status, (await deep.json()).error.code]).toEqual([422, "validation_failed"]);
    const broken = await post(catalog.token, "kind: [", "application/yaml");
    expect((await broken.json()).refused[0]).toMatchObject({ file: "catalog-info.yaml", line: 1 });
    const huge = await post(catalog.token, JSON.stringify({ files: [{ path: "big.yaml", content: "#".repeat(21 * 1024 * 1024) }] }));
    expect(huge.status).toBe(413);

    await revokeIntegrationToken(as.admin, catalog.id, context);
    expect((await post(catalog.token, JSON.stringify({ files }))).status).toBe(401);
  });
});
