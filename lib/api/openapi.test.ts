// The OpenAPI document and the route handlers describe the same API: every
// path and method under app/api/v1 is documented, and nothing else is.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OPENAPI_DOCUMENT } from "./openapi";

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
