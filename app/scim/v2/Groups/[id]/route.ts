import { deleteScimGroup, getScimGroup, patchScimGroup, replaceScimGroup } from "@/lib/data/scim/groups";
import { groupResource, scimGroupInput, scimPatchInput } from "@/lib/scim/resources";
import { readScimBody, scimJson, scimRoute } from "@/lib/scim/route";

type Params = { id: string };

export const GET = scimRoute<Params>(async ({ principal, params, url, context }) => {
  const withMembers = !/(^|,)\s*members\s*(,|$)/i.test(url.searchParams.get("excludedAttributes") ?? "");
  return scimJson(groupResource(await getScimGroup(principal, params.id), context.base, withMembers));
});

export const PUT = scimRoute<Params>(async ({ principal, params, request, context }) =>
  scimJson(groupResource(await replaceScimGroup(principal, params.id, await readScimBody(request, scimGroupInput), context), context.base)),
);

export const PATCH = scimRoute<Params>(async ({ principal, params, request, context }) => {
  const body = await readScimBody(request, scimPatchInput);
  return scimJson(groupResource(await patchScimGroup(principal, params.id, body.Operations as never, context), context.base));
});

export const DELETE = scimRoute<Params>(async ({ principal, params, context }) => {
  await deleteScimGroup(principal, params.id, context);
  return scimJson(null, 204);
});
