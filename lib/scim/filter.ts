// SCIM list filters (RFC 7644 §3.4.2.2), parsed by scim2-parse-filter and
// turned into the equality conditions Twelvefold can answer from its indexes:
// what Okta and Microsoft Entra ID send (`userName eq "…"`, `externalId eq "…"`,
// `emails[type eq "work"].value eq "…"`, `displayName eq "…"`, joined by `and`).
// Anything else is refused with scimType invalidFilter, never guessed at.
import { parse, type Filter } from "scim2-parse-filter";
import { SCIM, ScimError } from "./resources";

export type ScimField = "id" | "email" | "externalId" | "displayName";
export interface ScimCondition {
  field: ScimField;
  value: string;
}

const ATTRIBUTES: Record<"User" | "Group", Record<string, ScimField>> = {
  User: { id: "id", username: "email", externalid: "externalId", "emails.value": "email", emails: "email" },
  Group: { id: "id", displayname: "displayName", externalid: "externalId" },
};

function attribute(resource: "User" | "Group", path: string): ScimField | undefined {
  const urn = resource === "User" ? SCIM.user : SCIM.group;
  const bare = path.toLowerCase().startsWith(`${urn.toLowerCase()}:`) ? path.slice(urn.length + 1) : path;
  return ATTRIBUTES[resource][bare.toLowerCase()];
}

export function parseScimFilter(resource: "User" | "Group", query: string): ScimCondition[] {
  let ast: Filter;
  try {
    ast = parse(query);
  } catch (error) {
    throw new ScimError(400, `The filter cannot be read: ${(error as Error).message}`, "invalidFilter");
  }
  const conditions: ScimCondition[] = [];
  const walk = (node: Filter): void => {
    if (node.op === "and") return (node as { filters: Filter[] }).filters.forEach(walk);
    // `emails[type eq "work"]` narrows which email; a user has one, of type work.
    if (node.op === "[]" && resource === "User") {
      const inner = (node as { attrPath: string; valFilter: Filter }).valFilter as { op: string; attrPath?: string; compValue?: unknown };
      if (inner.op === "eq" && inner.attrPath?.toLowerCase() === "type" && typeof inner.compValue === "string") return;
    }
    if (node.op === "eq") {
      const compare = node as { attrPath: string; compValue: unknown };
      const field = attribute(resource, compare.attrPath);
      if (field && typeof compare.compValue === "string") {
        conditions.push({ field, value: compare.compValue });
        return;
      }
    }
    const allowed = resource === "User" ? "userName, externalId, emails.value or id" : "displayName, externalId or id";
    throw new ScimError(400, `Twelvefold filters ${resource}s by ${allowed}, with eq (and and).`, "invalidFilter");
  };
  walk(ast);
  return conditions;
}
