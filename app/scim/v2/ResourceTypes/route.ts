import { listResponse, resourceTypes } from "@/lib/scim/resources";
import { scimJson, scimRoute } from "@/lib/scim/route";

export const GET = scimRoute(async ({ context }) => {
  const types = resourceTypes(context.base);
  return scimJson(listResponse(types, types.length, 1));
});
