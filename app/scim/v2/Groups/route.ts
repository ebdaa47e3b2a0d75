import { createScimGroup, listScimGroups } from "@/lib/data/scim/groups";
import { groupResource, listResponse, scimGroupInput } from "@/lib/scim/resources";
import { readScimBody, scimFilter, scimJson, scimPage, scimRoute } from "@/lib/scim/route";

/** Groups, filtered by displayName or externalId; `excludedAttributes=members` leaves the member lists out, as Entra ID asks. */
export const GET = scimRoute(async ({ principal, url, context }) => {
  const page = scimPage(url);
  const withMembers = !/(^|,)\s*members\s*(,|$)/i.test(url.searchParams.get("excludedAttributes") ?? "");
  const { total, groups } = await listScimGroups(principal, { ...page, filter: scimFilter(url) });
  return scimJson(
    listResponse(
      groups.map((g) => groupResource(g, context.base, withMembers)),
      total,
      page.startIndex,
    ),
  );
});

export const POST = scimRoute(async ({ principal, request, context }) => {
  const group = await createScimGroup(principal, await readScimBody(request, scimGroupInput), context);
  const resource = groupResource(group, context.base);
  return scimJson(resource, 201, { Location: resource.meta.location });
});
