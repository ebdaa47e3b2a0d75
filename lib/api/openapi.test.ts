// The OpenAPI document and the route handlers describe the same API: every
// path and method under app/api/v1 is documented, and nothing else is.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { evidenceSubmissionSchema } from "../evidence/schema";
import { serviceFieldsSchema } from "../services/schemas";
import { OPENAPI_DOCUMENT } from "./openapi";
import { pageQuery } from "./params";

const root = path.resolve(import.meta.dirname, "..", "..", "app", "api", "v1");

function routesOnDisk(dir = root): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routesOnDisk(full));
    else if (entry.name === "route.ts") {
      const route = `/api/v1/${path.relative(root, dir).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
      const source = readFileSync(full, "utf8");
      for (const [, method] of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${method} ${route}`);
    }
  }
  return found.sort();
}

const documented = () =>
  Object.entries(OPENAPI_DOCUMENT.paths)
    .flatMap(([route, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`))
    .sort();

describe("the OpenAPI document", () => {
  it("documents exactly the routes the app serves", () => {
    expect(routesOnDisk().length).toBeGreaterThan(8);
    expect(documented()).toEqual(routesOnDisk());
  });

  it("gives every operation but the document itself a token requirement and the error responses", () => {
    for (const [route, operations] of Object.entries(OPENAPI_DOCUMENT.paths)) {
      for (const [method, op] of Object.entries(operations) as [string, { security?: unknown[]; responses: Record<string, unknown> }][]) {
        if (route === "/api/v1/openapi.json") {
          expect(op.security).toEqual([]);
          continue;
        }
        // The catalogue sync spans teams: an admin's integration token, not a team's.
        if (route === "/api/v1/catalog") {
          expect(op.security).toEqual([{ integration: [] }]);
          expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["401", "413", "422"]));
          continue;
        }
        expect(op.security, `${method} ${route}`).toBeUndefined();
        expect(Object.keys(op.responses), `${method} ${route}`).toEqual(expect.arrayContaining(["401", "429"]));
      }
    }
  });

  it("resolves every schema it refers to", () => {
    const refs = [...JSON.stringify(OPENAPI_DOCUMENT).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    for (const name of new Set(refs)) expect(OPENAPI_DOCUMENT.components.schemas, name).toHaveProperty(name);
  });
});

describe("the document's input schemas, generated from the routes' zod schemas", () => {
  const ajv = addFormats(new Ajv2020({ strict: false }));
  const schemas = OPENAPI_DOCUMENT.components.schemas as Record<string, object>;
  /** Both the route's schema and the document accept `accepted`, and both refuse `refused`. */
  const agree = (zod: z.ZodType, document: object, accepted: unknown[], refused: unknown[]) => {
    const check = ajv.compile(document);
    for (const body of accepted) {
      expect(zod.safeParse(body).success, JSON.stringify(body)).toBe(true);
      expect(check(body), JSON.stringify(body)).toBe(true);
    }
    for (const body of refused) {
      expect(zod.safeParse(body).success, JSON.stringify(body)).toBe(false);
      expect(check(body), JSON.stringify(body)).toBe(false);
    }
  };

  it("describe a new service as the API validates it: every limit where the route puts it", () => {
    const ok = { name: "checkout", criticality: "high" };
    agree(
      serviceFieldsSchema,
      schemas.NewService!,
      [ok, { ...ok, name: "n".repeat(80), description: "d".repeat(1000), repositoryUrl: "https://git.example.com/a" }, { ...ok, repositoryUrl: null }],
      [{ ...ok, name: "n" }, { ...ok, name: "n".repeat(81) }, { ...ok, description: "d".repeat(1001) }, { ...ok, criticality: "severe" }, { name: "checkout" }],
    );
  });

  it("describe an evidence submission as the API validates it", () => {
    const result = { itemId: "F04-TLS", status: "met", summary: "TLS everywhere" };
    agree(
      evidenceSubmissionSchema,
      schemas.EvidenceSubmission!,
      [
        { source: "scanner 1.0", results: [result] },
        { source: "s", results: [{ ...result, observations: [{ file: "a.ts", line: 3, message: "m" }] }] },
      ],
      [
        { source: "s", results: [] },
        { source: "s", results: [{ ...result, status: "unanswered" }] },
        { source: "s", results: [{ ...result, itemId: "tls" }] },
      ],
    );
  });

  it("describe paging as the routes parse it", () => {
    const [page, pageSize] = ["page", "pageSize"].map((name) =>
      (OPENAPI_DOCUMENT.paths["/api/v1/services"].get.parameters as { name: string; schema: object }[]).find((p) => p.name === name)!,
    );
    expect(ajv.validate(pageSize!.schema, 100)).toBe(true);
    expect(ajv.validate(pageSize!.schema, 101)).toBe(false);
    expect(pageQuery.safeParse({ pageSize: 101 }).success).toBe(false);
    expect(ajv.validate(page!.schema, 0)).toBe(false);
  });
});
