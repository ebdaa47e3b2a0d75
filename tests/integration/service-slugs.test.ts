// A service's slug is chosen among its own team's services only, so creating
// one never tells anyone whether another team has a service of that name: the
// pen test saw "mfa-gateway-2" and learnt another team had "mfa-gateway".
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/client";
import { seededDemo } from "./principals";

let prisma: PrismaClient;
let as: Record<"lead" | "identityLead" | "admin", Principal>;

beforeAll(async () => {
  ({ prisma, as } = await seededDemo({
    database: "twelvefold_slugs",
    people: { lead: "lead@demo.test", identityLead: "tomas.reyes@demo.test", admin: "admin@demo.test" },
  }));
  return () => prisma.$disconnect();
});

const team = async (slug: string) => (await prisma.team.findUniqueOrThrow({ where: { slug } })).id;
const fields = (teamId: string, name: string) => ({ teamId, name, description: "", criticality: "high" as const, repositoryUrl: null });

describe("service slugs", () => {
  it("do not depend on other teams' services", async () => {
    const { createService } = await import("@/lib/data/services/manage-services");
    // Identity has "Auth Service" (auth-service); payments' new one gets the same slug, not auth-service-2.
    expect(await prisma.service.count({ where: { slug: "auth-service" } })).toBe(1);
    expect((await createService(as.lead, fields(await team("payments"), "Auth Service"))).slug).toBe("auth-service");
    // The pen test's case: identity has "MFA Gateway"; payments' lead creating one learns nothing of it.
    expect(await prisma.service.count({ where: { slug: "mfa-gateway" } })).toBe(1);
    expect((await createService(as.lead, fields(await team("payments"), "MFA Gateway"))).slug).toBe("mfa-gateway");
    // Within a team, the next free one.
    expect((await createService(as.lead, fields(await team("payments"), "MFA-Gateway"))).slug).toBe("mfa-gateway-2");
  });

  it("name the reader's own service; a reader of several teams that have one is asked which, by team", async () => {
    const { getService } = await import("@/lib/data/services/get-service");
    const { AmbiguousServiceError } = await import("@/lib/data/services/by-slug");
    expect((await getService(as.lead, "mfa-gateway")).team.slug).toBe("payments");
    expect((await getService(as.identityLead, "mfa-gateway")).team.slug).toBe("identity");
    const ambiguous = await getService(as.admin, "mfa-gateway").catch((error: unknown) => error);
    expect(ambiguous).toBeInstanceOf(AmbiguousServiceError);
    expect((ambiguous as InstanceType<typeof AmbiguousServiceError>).teams.map((t) => t.slug)).toEqual(["identity", "payments"]);
    expect((await getService(as.admin, "mfa-gateway", "identity")).team.slug).toBe("identity");
    // Naming a team the reader cannot read finds nothing, as if there were none.
    await expect(getService(as.lead, "mfa-gateway", "identity")).rejects.toThrow("not found");
  });
});
