import "server-only";
import { can, type Principal } from "../../auth/policy";

/**
 * The columns an answer takes when someone gives it (types it, accepts a
 * suggestion, confirms it as it stands): attested by them now. A reviewer's
 * answer is security's own, so it is validated as it is saved; a service
 * owner's waits for a reviewer. Either way any earlier validation, or a
 * sending back, no longer applies to what now stands.
 */
export function attestedNow(principal: Principal, teamId: string, now: Date) {
  const validates = can(principal, "assessment.validate", { teamId }, now);
  return {
    attestedById: principal.userId,
    attestedAt: now,
    validation: validates ? ("AGREED" as const) : null,
    validatedById: validates ? principal.userId : null,
    validatedAt: validates ? now : null,
    validationComment: "",
  };
}
