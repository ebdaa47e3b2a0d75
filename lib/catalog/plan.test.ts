import { describe, expect, it } from "vitest";
import { desiredFromComponents, repositoryOf, teamForOwner } from "./desired";
import type { CatalogEntity } from "./entities";
import { planDigest, planImport, type Desired, type Existing } from "./plan";

const place = (line: number) => ({ file: "catalog-info.yaml", line });
const want = (name: string, over: Partial<Desired> = {}): Desired => ({
  place: place(1),
  ref: `component:default/${name}`,
  uid: null,
  teamId: "t1",
  name,
  description: "",
  tier: null,
  defaultTier: "medium",
  repositoryUrl: null,
  info: { owner: "group:default/payments", lifecycle: "production", type: "service", system: null, file: "catalog-info.yaml" },
  ...over,
});
const service = (id: string, name: string, over: Partial<Existing> = {}): Existing => ({
  id,
  slug: name,
  teamId: "t1",
  name,
  description: "",
  criticality: "medium",
  repositoryUrl: null,
  catalogRef: `component:default/${name}`,
  catalogUid: null,
  catalogInfo: want(name).info,
  catalogMissingSince: null,
  archived: false,
  ...over,
});
const none = { problems: [] };

describe("planImport (catalogue)", () => {
  it("creates what is new, leaves what is the same, and marks what is gone as missing, never touching hand-made services", () => {
    const existing = [service("1", "kept"), service("2", "gone"), service("3", "by-hand", { catalogRef: null, catalogInfo: null })];
    const plan = planImport("catalog", [want("kept"), want("fresh")], existing, none);
    expect(plan.creates.map((c) => c.name)).toEqual(["fresh"]);
    expect(plan.updates).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(plan.missing.map((m) => m.serviceId)).toEqual(["2"]);
  });

  it("renames in place: a new title keeps the service, and a uid follows a new entity name", () => {
    const existing = [service("1", "checkout"), service("2", "ledger", { catalogUid: "u-2" })];
    const plan = planImport("catalog", [want("checkout", { name: "Checkout API" }), want("ledger-v2", { uid: "u-2" })], existing, none);
    expect(plan.creates).toEqual([]);
    expect(plan.missing).toEqual([]);
    expect(plan.updates.map((u) => [u.serviceId, u.after.name, u.changes])).toEqual([
      ["1", "Checkout API", ["name"]],
      ["2", "ledger-v2", ["name", "reference"]],
    ]);
  });

  it("keeps a tier set by hand unless the catalogue annotates one, and returns a missing service", () => {
    const existing = [service("1", "api", { criticality: "critical", catalogMissingSince: new Date("2026-11-01T00:00:00Z") })];
    const kept = planImport("catalog", [want("api")], existing, none);
    expect(kept.updates[0]!.after.criticality).toBe("critical");
    expect(kept.updates[0]!.changes).toEqual(["back in the catalogue"]);
    const set = planImport("catalog", [want("api", { tier: "low" })], existing, none);
    expect(set.updates[0]!.changes).toEqual(["tier", "back in the catalogue"]);
  });

  it("counts a service already marked missing once, and writes nothing for it again", () => {
    const plan = planImport("catalog", [], [service("1", "old", { catalogMissingSince: new Date("2026-11-01T00:00:00Z") })], none);
    expect(plan.missing).toEqual([]);
    expect(plan.stillMissing).toBe(1);
  });

  it("refuses a name a hand-made service of the team holds, and a second entity with the same name", () => {
    const existing = [service("3", "Billing", { catalogRef: null, catalogInfo: null })];
    const plan = planImport(
      "catalog",
      [want("billing", { place: place(4) }), want("a", { name: "Same" }), want("b", { name: "same", place: place(9) })],
      existing,
      none,
    );
    expect(plan.creates.map((c) => c.ref)).toEqual(["component:default/a"]);
    expect(plan.problems.map((p) => [p.place.line, p.reason])).toEqual([
      [4, 'The team already has a service named "billing" (a service made by hand).'],
      [9, 'The team already has a service named "same" (component:default/a).'],
    ]);
  });

  it("lets two catalogue services swap names in one sync", () => {
    const existing = [service("1", "alpha"), service("2", "beta")];
    const plan = planImport("catalog", [want("alpha", { name: "beta" }), want("beta", { name: "alpha" })], existing, none);
    expect(plan.problems).toEqual([]);
    expect(plan.updates).toHaveLength(2);
  });

  it("gives the same digest to the same writes, wherever the rows were read", () => {
    const a = planImport("catalog", [want("x", { place: place(1) })], [], none);
    const b = planImport("catalog", [want("x", { place: place(7) })], [], none);
    const c = planImport("catalog", [want("y")], [], none);
    expect(planDigest(a)).toBe(planDigest(b));
    expect(planDigest(a)).not.toBe(planDigest(c));
  });
});

describe("planImport (CSV)", () => {
  it("matches by team and name, whatever the case, keeps what an empty cell leaves out, and refuses catalogue services", () => {
    const existing = [
      service("1", "Billing", { catalogRef: null, catalogInfo: null, description: "old", repositoryUrl: "https://example.com/b" }),
      service("2", "checkout"),
    ];
    const row = (name: string, over: Partial<Desired> = {}) => want(name, { ref: null, info: null, description: undefined, repositoryUrl: undefined, ...over });
    const plan = planImport("csv", [row("billing", { tier: "high" }), row("checkout", { place: place(3) }), row("new one")], existing, none);
    expect(plan.updates.map((u) => [u.after.name, u.after.description, u.after.repositoryUrl, u.changes])).toEqual([
      ["billing", "old", "https://example.com/b", ["name", "tier"]],
    ]);
    expect(plan.creates.map((c) => [c.name, c.description, c.criticality])).toEqual([["new one", "", "medium"]]);
    expect(plan.problems).toEqual([{ place: place(3), reason: '"checkout" comes from the catalogue (component:default/checkout); change it there.' }]);
    expect(plan.missing).toEqual([]);
  });
});

describe("from components to services", () => {
  const directory = { mapped: new Map([["group:default/pay-team", "t-pay"]]), teamsBySlug: new Map([["platform", "t-plat"]]) };

  it("finds the team by the admin's mapping, then by a team named like the group", () => {
    expect(teamForOwner("group:default/pay-team", directory)).toEqual({ teamId: "t-pay", by: "mapping" });
    expect(teamForOwner("group:default/platform", directory)).toEqual({ teamId: "t-plat", by: "name" });
    expect(teamForOwner("user:default/platform", directory)).toBeNull();
    expect(teamForOwner("group:default/nobody", directory)).toBeNull();
  });

  it("reads the repository from Backstage's annotations, http(s) only", () => {
    expect(repositoryOf({ "backstage.io/source-location": "url:https://github.com/acme/checkout/tree/main/" })).toBe(
      "https://github.com/acme/checkout/tree/main/",
    );
    expect(repositoryOf({ "github.com/project-slug": "acme/ledger" })).toBe("https://github.com/acme/ledger");
    expect(repositoryOf({ "backstage.io/source-location": "url:file:///etc/passwd" })).toBeNull();
    expect(repositoryOf({})).toBeNull();
  });

  it("takes the tier from the annotation, or the rule, and refuses an unknown tier or an unmapped owner", () => {
    const entity = (name: string, over: Partial<CatalogEntity> = {}): CatalogEntity => ({
      place: place(1),
      kind: "Component",
      ref: `component:default/${name}`,
      uid: null,
      name,
      title: null,
      description: "",
      annotations: {},
      owner: "group:default/pay-team",
      lifecycle: "production",
      system: null,
      type: "service",
      ...over,
    });
    const { desired, problems } = desiredFromComponents(
      [
        entity("aa", { annotations: { "twelvefold.dev/tier": "High" } }),
        entity("bb", { lifecycle: "experimental" }),
        entity("cc", { annotations: { "twelvefold.dev/tier": "urgent" } }),
        entity("dd", { owner: "group:default/unknown" }),
        entity("x"),
      ],
      directory,
    );
    expect(desired.map((d) => [d.name, d.tier, d.defaultTier])).toEqual([
      ["aa", "high", "medium"],
      ["bb", null, "low"],
    ]);
    expect(problems.map((p) => p.reason)).toEqual([
      'component:default/cc: twelvefold.dev/tier is "urgent"; use critical, high, medium, low.',
      "component:default/dd: no team answers for its owner group:default/unknown; map it to a team on the catalogue page.",
      "component:default/x: name: Enter a name of at least 2 characters.",
    ]);
  });
});

describe("planImport (claiming a service made by hand)", () => {
  const byHand = (id: string, slug: string, over: Partial<Existing> = {}) => service(id, slug, { catalogRef: null, catalogInfo: null, ...over });

  it("links the hand-made service an entity claims, keeping its id and address, and manages it from then on", () => {
    const plan = planImport(
      "catalog",
      [want("checkout-api", { name: "Checkout API", claim: "checkout" })],
      [byHand("1", "checkout", { name: "Checkout API" })],
      none,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.creates).toEqual([]);
    expect(plan.updates.map((u) => [u.serviceId, u.slug, u.changes])).toEqual([["1", "checkout", ["linked to the catalogue"]]]);
  });

  it("refuses a claim on a service that is not there, that the catalogue manages already, or that two entities claim", () => {
    const existing = [byHand("1", "one"), service("2", "two")];
    const plan = planImport(
      "catalog",
      [want("a1", { claim: "nowhere" }), want("a2", { claim: "two" }), want("a3", { claim: "one" }), want("a4", { claim: "one" })],
      existing,
      none,
    );
    expect(plan.problems.map((p) => p.reason)).toEqual([
      'component:default/a1: it claims the service "nowhere", which its team does not have.',
      'component:default/a2: it claims "two", which component:default/two already manages.',
      'component:default/a4: another entity claims "one" too.',
    ]);
    expect(plan.updates.map((u) => u.serviceId)).toEqual(["1"]);
    // The service the catalogue already manages, and no entity lists, is gone from it.
    expect(plan.missing.map((m) => m.serviceId)).toEqual(["2"]);
  });
});

describe("planImport (where an entity was read)", () => {
  it("does not count a file that moved as a change of the service", () => {
    const moved = want("kept", { info: { ...want("kept").info!, file: "elsewhere/catalog-info.yaml" } });
    const plan = planImport("catalog", [moved], [service("1", "kept")], none);
    expect(plan.updates).toEqual([]);
    expect(plan.unchanged).toBe(1);
  });
});
