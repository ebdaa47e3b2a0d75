import "server-only";
import { headers } from "next/headers";
import type { Principal } from "../auth/policy";
import { getPrisma } from "../db/prisma";
import { clientAddress } from "../security/client-address";
import { recordAuditEvent } from "./record";

/**
 * Records that a principal was turned away from a server action or a page.
 * The caller still answers "not found": the event is for the audit trail,
 * not for the person refused.
 */
export async function recordRefusal(principal: Principal | null, kind: "action" | "page", name: string): Promise<void> {
  const request = await headers();
  await getPrisma().$transaction((tx) =>
    recordAuditEvent(tx, {
      action: "access.refused",
      actorId: principal?.userId ?? null,
      actorLabel: principal?.email ?? "(anonymous)",
      targetType: kind,
      targetId: name,
      ipAddress: clientAddress(request),
      userAgent: request.get("user-agent"),
    }),
  );
}
