// SCIM 2.0 (RFC 7643 resources, RFC 7644 protocol) as Twelvefold speaks it:
// the resource bodies it answers with, the inputs it accepts, the error body,
// and the discovery documents. Pure: lib/data/scim reads and writes the records.
import { z } from "zod";

export const SCIM = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  enterpriseUser: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  list: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  patch: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  error: "urn:ietf:params:scim:api:messages:2.0:Error",
  serviceProviderConfig: "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
  resourceType: "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
  schema: "urn:ietf:params:scim:schemas:core:2.0:Schema",
} as const;

export const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";
/** The most a SCIM list answers at once, whatever `count` asks (RFC 7644 §3.4.2.4 lets the server cap it). */
export const MAX_PAGE = 200;

/** RFC 7644 §3.12's scimType values Twelvefold uses. */
export type ScimType = "invalidFilter" | "invalidSyntax" | "invalidValue" | "uniqueness" | "mutability" | "noTarget" | "invalidPath" | "tooMany";

export class ScimError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(message);
    this.name = "ScimError";
  }
}

export function scimErrorBody(status: number, detail: string, scimType?: ScimType) {
  return { schemas: [SCIM.error], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

export interface ScimUserRecord {
  id: string;
  email: string;
  name: string;
  active: boolean;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
  groups: { id: string; displayName: string }[];
}

export interface ScimGroupRecord {
  id: string;
  displayName: string;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
  members: { id: string; email: string }[];
}

/** Given and family names from a display name, as best they split: SCIM clients expect both. */
function nameParts(name: string) {
  const space = name.lastIndexOf(" ");
  return space > 0 ? { givenName: name.slice(0, space), familyName: name.slice(space + 1) } : { givenName: name, familyName: "" };
}

export function userResource(user: ScimUserRecord, base: string) {
  return {
    schemas: [SCIM.user],
    id: user.id,
    ...(user.externalId ? { externalId: user.externalId } : {}),
    userName: user.email,
    name: { formatted: user.name, ...nameParts(user.name) },
    displayName: user.name,
    emails: [{ value: user.email, type: "work", primary: true }],
    active: user.active,
    groups: user.groups.map((g) => ({ value: g.id, display: g.displayName, $ref: `${base}/Groups/${g.id}` })),
    meta: { resourceType: "User", created: user.createdAt.toISOString(), lastModified: user.updatedAt.toISOString(), location: `${base}/Users/${user.id}` },
  };
}

export function groupResource(group: ScimGroupRecord, base: string, withMembers = true) {
  return {
    schemas: [SCIM.group],
    id: group.id,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    displayName: group.displayName,
    ...(withMembers ? { members: group.members.map((m) => ({ value: m.id, display: m.email, $ref: `${base}/Users/${m.id}` })) } : {}),
    meta: {
      resourceType: "Group",
      created: group.createdAt.toISOString(),
      lastModified: group.updatedAt.toISOString(),
      location: `${base}/Groups/${group.id}`,
    },
  };
}

export function listResponse<T>(resources: T[], total: number, startIndex: number) {
  return { schemas: [SCIM.list], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}

/** `active` as clients send it: a boolean, or (Microsoft Entra ID) the strings "True" and "False". */
const flag = z.preprocess((value) => (typeof value === "string" && /^(true|false)$/i.test(value) ? value.toLowerCase() === "true" : value), z.boolean());

const text = (max: number) => z.string().trim().max(max);

/** The User fields Twelvefold keeps; others (phone numbers, addresses, the enterprise extension) are accepted and not stored. */
export const scimUserInput = z.object({
  userName: z.email("userName must be the user's email address: Twelvefold accounts are their email.").max(254),
  externalId: text(255).optional(),
  displayName: text(120).optional(),
  name: z
    .object({ formatted: text(120).optional(), givenName: text(60).optional(), familyName: text(60).optional() })
    .partial()
    .optional(),
  active: flag.optional(),
});

export type ScimUserInput = z.infer<typeof scimUserInput>;

/** The display name a user's fields give: displayName, else the formatted name, else given and family names, else the email. */
export function displayNameOf(input: ScimUserInput): string {
  const parts = [input.name?.givenName, input.name?.familyName].filter(Boolean).join(" ");
  return (input.displayName || input.name?.formatted || parts || input.userName).slice(0, 120);
}

export const scimGroupInput = z.object({
  displayName: text(256).min(1, "displayName is required."),
  externalId: text(255).optional(),
  members: z
    .array(z.object({ value: z.string().max(100) }).passthrough())
    .max(10_000)
    .optional(),
});

export type ScimGroupInput = z.infer<typeof scimGroupInput>;

export const scimPatchInput = z.object({
  schemas: z.array(z.string()).refine((s) => s.includes(SCIM.patch), `schemas must include ${SCIM.patch}.`),
  Operations: z
    .array(
      z
        .object({
          op: z.string().regex(/^(add|remove|replace)$/i, "op is add, remove or replace."),
          path: z.string().max(500).optional(),
          value: z.unknown().optional(),
        })
        .passthrough(),
    )
    .min(1)
    .max(1000),
});

/** What the service provider supports (RFC 7643 §5). */
export function serviceProviderConfig(base: string) {
  return {
    schemas: [SCIM.serviceProviderConfig],
    documentationUri: "https://github.com/twelvefold/twelvefold#scim",
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      { type: "oauthbearertoken", name: "Bearer token", description: "An integration token for SCIM provisioning, made by an admin (tfi_…)", primary: true },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
  };
}

export function resourceTypes(base: string) {
  return [
    {
      schemas: [SCIM.resourceType],
      id: "User",
      name: "User",
      endpoint: "/Users",
      schema: SCIM.user,
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [SCIM.resourceType],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      schema: SCIM.group,
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/Group` },
    },
  ];
}

const attribute = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...extra,
});

/** The attributes Twelvefold keeps, as RFC 7643 §7 schema documents. */
export function schemaDocuments(base: string) {
  return [
    {
      schemas: [SCIM.schema],
      id: SCIM.user,
      name: "User",
      description: "A Twelvefold account; userName is its email address",
      attributes: [
        attribute("userName", "string", { required: true, uniqueness: "server" }),
        attribute("externalId", "string", { caseExact: true }),
        attribute("displayName", "string"),
        attribute("name", "complex", {
          subAttributes: [attribute("formatted", "string"), attribute("givenName", "string"), attribute("familyName", "string")],
        }),
        attribute("emails", "complex", {
          multiValued: true,
          mutability: "readOnly",
          subAttributes: [attribute("value", "string"), attribute("type", "string"), attribute("primary", "boolean")],
        }),
        attribute("active", "boolean"),
        attribute("groups", "complex", {
          multiValued: true,
          mutability: "readOnly",
          subAttributes: [attribute("value", "string"), attribute("display", "string")],
        }),
      ],
      meta: { resourceType: "Schema", location: `${base}/Schemas/${SCIM.user}` },
    },
    {
      schemas: [SCIM.schema],
      id: SCIM.group,
      name: "Group",
      description: "An identity-provider group; its members get what its mappings give (Admin > Identity provider)",
      attributes: [
        attribute("displayName", "string", { required: true, uniqueness: "server" }),
        attribute("externalId", "string", { caseExact: true }),
        attribute("members", "complex", {
          multiValued: true,
          subAttributes: [attribute("value", "string", { mutability: "immutable" }), attribute("display", "string")],
        }),
      ],
      meta: { resourceType: "Schema", location: `${base}/Schemas/${SCIM.group}` },
    },
  ];
}
