import { describe, expect, it } from "vitest";
import { readCatalogFiles } from "./entities";

const component = (name: string, extra = "") => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
${extra}spec:
  type: service
  lifecycle: production
  owner: payments
`;

describe("readCatalogFiles", () => {
  it("reads every document of a file, with its line, and completes references", async () => {
    const content = `${component("checkout-api", "  title: Checkout API\n  uid: 7d1c\n")}---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: checkout
spec:
  type: openapi
  lifecycle: production
  owner: payments
  definition: "{}"
`;
    const read = await readCatalogFiles([{ path: "repo/catalog-info.yaml", content }]);
    expect(read.problems).toEqual([]);
    expect(read.entities.map((e) => [e.ref, e.place.line, e.owner, e.uid, e.title])).toEqual([
      ["component:default/checkout-api", 1, "group:default/payments", "7d1c", "Checkout API"],
      ["group:default/payments", 12, null, null, null],
    ]);
    expect(read.ignored).toEqual([{ place: { file: "repo/catalog-info.yaml", line: 20 }, ref: "api:default/checkout" }]);
  });

  it("refuses malformed YAML, unknown kinds, invalid names and missing fields, each at its file and line", async () => {
    const read = await readCatalogFiles([
      { path: "a.yaml", content: "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n  name: b\n" },
      { path: "b.yaml", content: `${component("ok-one")}---\napiVersion: backstage.io/v1alpha1\nkind: Widget\nmetadata:\n  name: w\n` },
      { path: "c.yaml", content: component("Bad Name!") },
      { path: "d.yaml", content: "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: nolife\nspec:\n  type: service\n  owner: x\n" },
      { path: "e.yaml", content: "- just\n- a list\n" },
    ]);
    expect(read.entities.map((e) => e.name)).toEqual(["ok-one"]);
    const where = read.problems.map((p) => `${p.place.file}:${p.place.line}`);
    expect(where).toEqual(["a.yaml:5", "b.yaml:10", "c.yaml:1", "d.yaml:1", "e.yaml:1"]);
    expect(read.problems[0]!.reason).toMatch(/^Malformed YAML/);
    expect(read.problems[1]!.reason).toMatch(/Unknown kind "Widget"/);
    expect(read.problems[2]!.reason).toMatch(/metadata.name/);
    expect(read.problems[3]!.reason).toMatch(/lifecycle/);
  });

  it("refuses the second of two entities with the same reference, naming the first", async () => {
    const read = await readCatalogFiles([
      { path: "one/catalog-info.yaml", content: component("checkout-api") },
      { path: "two/catalog-info.yaml", content: component("checkout-api") },
    ]);
    expect(read.entities).toHaveLength(1);
    expect(read.problems).toEqual([
      { place: { file: "two/catalog-info.yaml", line: 1 }, reason: "component:default/checkout-api is defined twice: also at one/catalog-info.yaml:1." },
    ]);
  });

  it("refuses a document that expands aliases without bound", async () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;
    const read = await readCatalogFiles([{ path: "bomb.yaml", content: bomb }]);
    expect(read.entities).toEqual([]);
    expect(read.problems[0]!.reason).toMatch(/Malformed YAML.*alias/i);
  });

  it("refuses a document nested without bound, whether the parser or the cleaning finds it", async () => {
    const read = await readCatalogFiles([
      { path: "flow.yaml", content: `a: ${"[".repeat(100_000)}${"]".repeat(100_000)}` },
      { path: "block.yaml", content: `a: ${"[".repeat(100)}1${"]".repeat(100)}` },
    ]);
    expect(read.problems.map((p) => [p.place.file, p.reason])).toEqual([
      ["flow.yaml", "Malformed YAML: nested more than 64 levels deep"],
      ["block.yaml", "Malformed YAML: nested more than 64 levels deep"],
    ]);
  });

  it("bounds the fields it keeps beside a service, which Backstage leaves unbounded", async () => {
    const content = component("long-fields")
      .replace("lifecycle: production", `lifecycle: ${"p".repeat(5000)}`)
      .replace("type: service", `type: ${"t".repeat(5000)}`);
    const [entity] = (await readCatalogFiles([{ path: "x.yaml", content }])).entities;
    expect([entity!.lifecycle!.length, entity!.type!.length]).toEqual([200, 200]);
  });

  it("keeps strings storable: NUL and lone surrogates do not reach the plan", async () => {
    const read = await readCatalogFiles([{ path: "x.yaml", content: component("nul-test", '  description: "a\\0b\\uD800c"\n') }]);
    expect(read.entities[0]!.description).toBe("ab\uFFFDc");
  });
});
