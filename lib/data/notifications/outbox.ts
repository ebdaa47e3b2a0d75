// The outbox: email written to Postgres when no SMTP_URL is set, for admins.
import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { getEnv } from "../../env";
import { assertOrgAdmin } from "../scope";

export async function listOutbox(principal: Principal, take = 50) {
  assertOrgAdmin(principal);
  const [emails, total] = await Promise.all([getPrisma().outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take }), getPrisma().outboxEmail.count()]);
  return { smtpConfigured: Boolean(getEnv().SMTP_URL), total, emails };
}
