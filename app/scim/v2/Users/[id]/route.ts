import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from "@/lib/data/scim/users";
import { scimPatchInput, scimUserInput, userResource } from "@/lib/scim/resources";
import { readScimBody, scimJson, scimRoute } from "@/lib/scim/route";

type Params = { id: string };

export const GET = scimRoute<Params>(async ({ principal, params, context }) => scimJson(userResource(await getScimUser(principal, params.id), context.base)));

export const PUT = scimRoute<Params>(async ({ principal, params, request, context }) =>
  scimJson(userResource(await replaceScimUser(principal, params.id, await readScimBody(request, scimUserInput), context), context.base)),
);

export const PATCH = scimRoute<Params>(async ({ principal, params, request, context }) => {
  const body = await readScimBody(request, scimPatchInput);
  return scimJson(userResource(await patchScimUser(principal, params.id, body.Operations as never, context), context.base));
});

export const DELETE = scimRoute<Params>(async ({ principal, params, context }) => {
  await deleteScimUser(principal, params.id, context);
  return scimJson(null, 204);
});
