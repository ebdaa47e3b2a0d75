import "server-only";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { BULK_FINDINGS_LIMIT } from "../../findings/change-schemas";
import { ValidationError } from "../errors";
import { applyFindingChange, lockFindings, type FindingChange } from "./finding-changes";

/**
 * One change to several findings at once (a lead's bulk action on a service's
 * report): all or none. Each finding is checked as a single change would be,
 * and the change is written to each finding's history and the audit trail.
 * Findings that already were so are left alone and counted.
 */
export async function updateFindings(
  principal: Principal,
  input: { findingIds: string[]; change: FindingChange },
  now: Date = new Date(),
): Promise<{ changed: number; unchanged: number }> {
  if (input.findingIds.length === 0) throw new ValidationError("Choose at least one finding.", { findingIds: ["Choose at least one finding."] });
  if (input.findingIds.length > BULK_FINDINGS_LIMIT) {
    throw new ValidationError(`Choose at most ${BULK_FINDINGS_LIMIT} findings at once.`, { findingIds: [`At most ${BULK_FINDINGS_LIMIT}.`] });
  }
  return getPrisma().$transaction(
    async (tx) => {
      const findings = await lockFindings(tx, principal, input.findingIds, "finding.manage");
      const resolved = findings.filter((f) => f.status === "RESOLVED").map((f) => f.itemId);
      if (resolved.length) {
        throw new ValidationError(`Resolved findings change again only if an assessment reopens them: ${resolved.join(", ")}.`, {
          findingIds: ["Leave out resolved findings."],
        });
      }
      let changed = 0;
      for (const finding of findings) if (await applyFindingChange(tx, principal, finding, input.change, now)) changed++;
      return { changed, unchanged: findings.length - changed };
    },
    { timeout: 60_000 },
  );
}
