import { serviceProviderConfig } from "@/lib/scim/resources";
import { scimJson, scimRoute } from "@/lib/scim/route";

export const GET = scimRoute(async ({ context }) => scimJson(serviceProviderConfig(context.base)));
