import { listResponse, schemaDocuments } from "@/lib/scim/resources";
import { scimJson, scimRoute } from "@/lib/scim/route";

export const GET = scimRoute(async ({ context }) => {
  const schemas = schemaDocuments(context.base);
  return scimJson(listResponse(schemas, schemas.length, 1));
});
