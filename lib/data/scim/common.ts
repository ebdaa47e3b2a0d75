import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { ScimCondition } from "../../scim/filter";

/** Where a SCIM request came from and what it acts as: the identity provider's integration token, on its maker's behalf. */
export interface ScimContext {
  /** The SCIM base address (…/scim/v2), for `meta.location` and `$ref`. */
  base: string;
  now: Date;
  ipAddress: string | null;
  userAgent: string | null;
  actorId: string;
  actorLabel: string;
}

export function scimActor(context: ScimContext) {
  return { actorId: context.actorId, actorLabel: context.actorLabel, ipAddress: context.ipAddress, userAgent: context.userAgent, occurredAt: context.now };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id that is not a uuid matches nothing, rather than failing the query. */
const NO_ID = "00000000-0000-0000-0000-000000000000";

export function whereFor(resource: "User", conditions: ScimCondition[]): Prisma.UserWhereInput;
export function whereFor(resource: "Group", conditions: ScimCondition[]): Prisma.ScimGroupWhereInput;
export function whereFor(resource: "User" | "Group", conditions: ScimCondition[]): Prisma.UserWhereInput | Prisma.ScimGroupWhereInput {
  const and = conditions.map(({ field, value }) => {
    if (field === "id") return { id: UUID.test(value) ? value : NO_ID };
    if (field === "email") return { email: value.toLowerCase() };
    if (field === "externalId") return resource === "User" ? { scimExternalId: value } : { externalId: value };
    return { displayName: { equals: value, mode: "insensitive" as const } };
  });
  return { AND: and };
}
