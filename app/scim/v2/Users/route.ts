import { createScimUser, listScimUsers } from "@/lib/data/scim/users";
import { listResponse, scimUserInput, userResource } from "@/lib/scim/resources";
import { readScimBody, scimFilter, scimJson, scimPage, scimRoute } from "@/lib/scim/route";

/** Users, filtered as identity providers look them up (`userName eq "…"`), a page at a time. */
export const GET = scimRoute(async ({ principal, url, context }) => {
  const page = scimPage(url);
  const { total, users } = await listScimUsers(principal, { ...page, filter: scimFilter(url) });
  return scimJson(
    listResponse(
      users.map((u) => userResource(u, context.base)),
      total,
      page.startIndex,
    ),
  );
});

export const POST = scimRoute(async ({ principal, request, context }) => {
  const user = await createScimUser(principal, await readScimBody(request, scimUserInput), context);
  const resource = userResource(user, context.base);
  return scimJson(resource, 201, { Location: resource.meta.location });
});
