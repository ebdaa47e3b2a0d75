// SCIM 2.0 through the real route handlers and Postgres, with the request
// sequences Okta and Microsoft Entra ID document for their SCIM clients: look a
// user up by userName, create, read, update (Okta by PUT, Entra by PATCH with
// "Replace" and string booleans), deactivate (sessions end at once), delete; and
// groups whose membership gives roles through the group mappings.
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/client";
import { seededDemo } from "./principals";

let prisma: PrismaClient;
let as: Record<"admin", Principal>;
let token = "";
const context = { ipAddress: "192.0.2.11", userAgent: "scim-test" };
const BASE = "http://localhost/scim/v2";

type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: Record<string, Record<string, Handler>> = {};

beforeAll(async () => {
  ({ prisma, as } = await seededDemo({ database: "twelvefold_scim", people: { admin: "admin@demo.test" } }));
  const { createIntegrationToken } = await import("@/lib/data/admin/integration-tokens");
  token = (await createIntegrationToken(as.admin, { name: "Okta", purpose: "scim", expiresInDays: 30 }, context)).token;
  routes.users = (await import("@/app/scim/v2/Users/route")) as never;
  routes.user = (await import("@/app/scim/v2/Users/[id]/route")) as never;
  routes.groups = (await import("@/app/scim/v2/Groups/route")) as never;
  routes.group = (await import("@/app/scim/v2/Groups/[id]/route")) as never;
  routes.config = (await import("@/app/scim/v2/ServiceProviderConfig/route")) as never;
  routes.schemas = (await import("@/app/scim/v2/Schemas/route")) as never;
  routes.types = (await import("@/app/scim/v2/ResourceTypes/route")) as never;
  return () => prisma.$disconnect();
});

/** One SCIM request as the identity provider sends it; the answer's status and JSON body. */
async function scim(method: string, path: string, body?: unknown, bearer: string | null = token) {
  const [route, id] = path.startsWith("/Users/")
    ? ["user", path.slice(7).split("?")[0]]
    : path.startsWith("/Groups/")
      ? ["group", path.slice(8).split("?")[0]]
      : [];
  const name =
    route ??
    { "/Users": "users", "/Groups": "groups", "/ServiceProviderConfig": "config", "/Schemas": "schemas", "/ResourceTypes": "types" }[path.split("?")[0]!]!;
  const request = new Request(`${BASE}${path}`, {
    method,
    headers: { "content-type": "application/scim+json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const params: Record<string, string> = id ? { id } : {};
  const response = await routes[name]![method]!(request, { params: Promise.resolve(params) });
  expect(response.headers.get("content-type")).toBe("application/scim+json; charset=utf-8");
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

describe("SCIM: discovery and refusals", () => {
  it("describes itself, and refuses without its token, with RFC 7644 error bodies", async () => {
    expect((await scim("GET", "/ServiceProviderConfig")).body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true },
      bulk: { supported: false },
    });
    expect((await scim("GET", "/ResourceTypes")).body.Resources.map((r: { id: string }) => r.id)).toEqual(["User", "Group"]);
    expect((await scim("GET", "/Schemas")).body.totalResults).toBe(2);

    const anonymous = await scim("GET", "/Users", undefined, null);
    expect(anonymous).toMatchObject({ status: 401, body: { schemas: [ERROR], status: "401" } });
    const { createIntegrationToken } = await import("@/lib/data/admin/integration-tokens");
    const catalog = await createIntegrationToken(as.admin, { name: "Backstage", purpose: "catalog", expiresInDays: 30 }, context);
    expect((await scim("GET", "/Users", undefined, catalog.token)).status).toBe(401);

    expect(await scim("POST", "/Users", "{not json")).toMatchObject({ status: 400, body: { scimType: "invalidSyntax" } });
    expect(await scim("POST", "/Users", `{"a":${"[".repeat(50_000)}${"]".repeat(50_000)}}`)).toMatchObject({
      status: 400,
      body: { scimType: "invalidSyntax" },
    });
    expect(await scim("GET", '/Users?filter=userName co "a"')).toMatchObject({ status: 400, body: { scimType: "invalidFilter" } });
    expect(await scim("GET", "/Users?filter=userName eq")).toMatchObject({ status: 400, body: { scimType: "invalidFilter" } });
    expect(await scim("POST", "/Users", { schemas: [], userName: "not an email" })).toMatchObject({ status: 400, body: { scimType: "invalidValue" } });
    expect(await scim("GET", "/Users/not-a-user")).toMatchObject({ status: 404, body: { schemas: [ERROR], status: "404" } });
  });
});

describe("SCIM: Okta's sequence", () => {
  it("looks up, creates, reads, replaces, deactivates (sessions end) and reactivates a user", async () => {
    const lookup = await scim("GET", "/Users?filter=userName%20eq%20%22dana.okta%40demo.test%22&startIndex=1&count=100");
    expect(lookup).toMatchObject({ status: 200, body: { totalResults: 0, Resources: [] } });

    const created = await scim("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "Dana.Okta@demo.test",
      name: { givenName: "Dana", familyName: "Okta" },
      emails: [{ primary: true, value: "dana.okta@demo.test", type: "work" }],
      displayName: "Dana Okta",
      locale: "en-US",
      externalId: "00u1okta",
      groups: [],
      password: "ignored-1A!",
      active: true,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      userName: "dana.okta@demo.test",
      externalId: "00u1okta",
      active: true,
      name: { givenName: "Dana", familyName: "Okta" },
    });
    expect((await scim("POST", "/Users", { userName: "dana.okta@demo.test" })).body).toMatchObject({ status: "409", scimType: "uniqueness" });
    expect((await scim("GET", '/Users?filter=userName eq "DANA.OKTA@demo.test"')).body.totalResults).toBe(1);
    expect((await scim("GET", `/Users/${id}`)).body.displayName).toBe("Dana Okta");

    const replaced = await scim("PUT", `/Users/${id}`, { ...created.body, name: { givenName: "Dana", familyName: "Okta-Smith" }, displayName: undefined });
    expect(replaced.body.displayName).toBe("Dana Okta-Smith");

    // Signed in somewhere: deactivation ends the session at once.
    const { createSession, newSessionSecret, principalForSession } = await import("@/lib/auth/sessions");
    const secret = newSessionSecret();
    await createSession(prisma, { userId: id, secret, ipAddress: null, userAgent: "browser", now: new Date() });
    expect(await principalForSession(prisma, secret)).not.toBeNull();
    const off = await scim("PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] });
    expect(off.body.active).toBe(false);
    expect(await principalForSession(prisma, secret)).toBeNull();
    expect(await prisma.session.count({ where: { userId: id, endedAt: null } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "user.disabled", targetId: id } })).toBe(1);

    const on = await scim("PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: true } }] });
    expect(on.body.active).toBe(true);
  });
});

describe("SCIM: Microsoft Entra ID's sequence", () => {
  it("creates, patches with Replace and string booleans, disables, and deletes a user", async () => {
    expect((await scim("GET", '/Users?filter=userName eq "eli.entra@demo.test"')).body.totalResults).toBe(0);
    const created = await scim("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
      externalId: "eli",
      userName: "eli.entra@demo.test",
      active: true,
      displayName: "Eli Entra",
      emails: [{ primary: true, type: "work", value: "eli.entra@demo.test" }],
      meta: { resourceType: "User" },
      name: { formatted: "Eli Entra", familyName: "Entra", givenName: "Eli" },
      roles: [],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await scim("GET", '/Users?filter=externalId eq "eli"')).body.Resources[0].id).toBe(id);

    const patched = await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: "displayName", value: "Eli Entra-Jones" },
        { op: "Replace", path: 'emails[type eq "work"].value', value: "eli.jones@demo.test" },
      ],
    });
    expect(patched.body).toMatchObject({ displayName: "Eli Entra-Jones", userName: "eli.jones@demo.test" });
    expect((await scim("GET", '/Users?filter=userName eq "eli.jones@demo.test"')).body.totalResults).toBe(1);

    const disabled = await scim("PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "False" }] });
    expect(disabled.body.active).toBe(false);
    expect((await scim("GET", '/Users?filter=userName eq "eli.jones@demo.test"')).body.Resources[0].active).toBe(false);

    expect((await scim("DELETE", `/Users/${id}`)).status).toBe(204);
    expect((await scim("GET", `/Users/${id}`)).status).toBe(404);
    expect((await scim("GET", '/Users?filter=userName eq "eli.jones@demo.test"')).body.totalResults).toBe(0);
    const kept = await prisma.user.findUniqueOrThrow({ where: { id } });
    expect(kept.disabledAt).not.toBeNull();
  });
});

describe("SCIM: groups", () => {
  it("manages a group's members, and membership gives and takes the mapped role", async () => {
    const { createGroupMapping } = await import("@/lib/data/admin/group-mappings");
    const payments = (await prisma.team.findUniqueOrThrow({ where: { slug: "payments" } })).id;
    await createGroupMapping(as.admin, { groupName: "Payments Reviewers", grant: "team_role", teamId: payments, role: "reviewer" }, context);
    const user = (await scim("POST", "/Users", { userName: "gus.group@demo.test", displayName: "Gus Group" })).body.id as string;
    const other = (await scim("POST", "/Users", { userName: "ola.other@demo.test", displayName: "Ola Other" })).body.id as string;
    const role = async (userId: string) => (await prisma.membership.findFirst({ where: { userId, teamId: payments } }))?.role ?? null;

    // Entra: create the group, then add members by PATCH.
    const group = await scim("POST", "/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      externalId: "g1",
      displayName: "Payments Reviewers",
      members: [],
    });
    expect(group.status).toBe(201);
    const id = group.body.id as string;
    expect((await scim("GET", '/Groups?filter=displayName eq "payments reviewers"&excludedAttributes=members')).body.Resources[0]).not.toHaveProperty(
      "members",
    );
    await scim("PATCH", `/Groups/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "Add", path: "members", value: [{ value: user }, { value: other }] }] });
    expect([await role(user), await role(other)]).toEqual(["REVIEWER", "REVIEWER"]);

    // Okta: remove one member by a value filter.
    await scim("PATCH", `/Groups/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "remove", path: `members[value eq "${other}"]` }] });
    expect([await role(user), await role(other)]).toEqual(["REVIEWER", null]);
    expect((await scim("GET", `/Users/${user}`)).body.groups).toMatchObject([{ value: id, display: "Payments Reviewers" }]);

    // A member who is not a user here is refused, and nothing changes.
    expect(
      (
        await scim("PATCH", `/Groups/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: "add", path: "members", value: [{ value: "00000000-0000-0000-0000-000000000000" }] }],
        })
      ).body,
    ).toMatchObject({
      status: "400",
      scimType: "invalidValue",
    });
    expect(await role(user)).toBe("REVIEWER");

    // Renamed to a name no mapping knows, then deleted: the role goes.
    await scim("PATCH", `/Groups/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { id, displayName: "Payments Alumni" } }] });
    expect(await role(user)).toBeNull();
    expect((await scim("DELETE", `/Groups/${id}`)).status).toBe(204);
    expect((await scim("GET", `/Groups/${id}`)).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { action: { startsWith: "scim_group." } } })).toBe(5);
  });
});
