import "server-only";
import type { Severity } from "../../vocabulary/levels";
import { about, actorOf, recordAuditEvent } from "../../audit/record";
import type { Principal } from "../../auth/policy";
import { getPrisma } from "../../db/prisma";
import { maxRiskAcceptanceDays } from "../../findings/settings";
import { ValidationError } from "../errors";
import { applyFindingChange, lockFinding, notResolved, type FindingChange } from "./finding-changes";
import { applyAcceptance, requestAcceptance } from "./risk-requests";
import { getProgrammeSettings } from "../programme/settings";
import { severities } from "../../vocabulary/levels";

const DAY = 86_400_000;

/** One change to one finding, in a transaction of its own. */
async function changeOne(principal: Principal, findingId: string, change: FindingChange, now: Date): Promise<boolean> {
  return getPrisma().$transaction(async (tx) => applyFindingChange(tx, principal, await lockFinding(tx, principal, findingId, "finding.manage"), change, now));
}

/** Gives a finding an owner from the team's members, or none. */
export async function assignOwner(principal: Principal, input: { findingId: string; ownerId: string | null }): Promise<void> {
  await changeOne(principal, input.findingId, { kind: "owner", ownerId: input.ownerId }, new Date());
}

/** Moves a due date, with a reason kept in the history. */
export async function setDueDate(principal: Principal, input: { findingId: string; dueOn: string; reason: string }, now: Date = new Date()): Promise<void> {
  await changeOne(principal, input.findingId, { kind: "due", dueOn: input.dueOn, reason: input.reason }, now);
}

/** Marks work as started, or back to open. Resolution comes only from an approved assessment. */
export async function setProgress(principal: Principal, input: { findingId: string; status: "open" | "in_progress" }): Promise<void> {
  await changeOne(principal, input.findingId, { kind: "progress", status: input.status }, new Date());
}

/**
 * A lead raises or lowers a finding's severity from the item's default, with a
 * reason; the due date follows the new severity from when the finding opened.
 */
export async function changeFindingSeverity(principal: Principal, input: { findingId: string; severity: Severity; reason: string }): Promise<void> {
  const changed = await changeOne(principal, input.findingId, { kind: "severity", severity: input.severity, reason: input.reason }, new Date());
  if (!changed) throw new ValidationError(`The finding is already ${input.severity}.`);
}

/**
 * A lead accepts a finding's risk for a while: a reason, an expiry within the
 * configured maximum, and the approver recorded. It lapses by itself. Where the
 * finding's severity needs four eyes (the programme setting), this only asks:
 * a second lead of the team decides (lib/data/findings/risk-requests.ts).
 */
export async function acceptRisk(
  principal: Principal,
  input: { findingId: string; reason: string; expiresOn: string },
  now: Date = new Date(),
): Promise<"accepted" | "requested"> {
  return getPrisma().$transaction(async (tx) => {
    const finding = await lockFinding(tx, principal, input.findingId, "finding.acceptRisk");
    notResolved(finding);
    const expires = acceptanceExpiry(input.expiresOn, now);
    const { fourEyes } = await getProgrammeSettings(tx);
    if (fourEyes.includes(severities.fromDb(finding.severity))) {
      await requestAcceptance(tx, principal, finding, { reason: input.reason, expires }, now);
      return "requested";
    }
    await applyAcceptance(tx, principal, finding, { reason: input.reason, expires }, now);
    return "accepted";
  });
}

/** The end of an acceptance from its day, checked against the configured maximum. */
export function acceptanceExpiry(expiresOn: string, now: Date): Date {
  const expires = new Date(`${expiresOn}T23:59:59.999Z`);
  const max = maxRiskAcceptanceDays();
  if (expires <= now) throw new ValidationError("Choose an expiry date in the future.", { expiresOn: ["Choose a date in the future."] });
  if (expires.getTime() - now.getTime() > max * DAY) {
    throw new ValidationError(`A risk can be accepted for at most ${max} days.`, { expiresOn: [`At most ${max} days from today.`] });
  }
  return expires;
}

export async function addFindingComment(principal: Principal, input: { findingId: string; body: string }): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const finding = await lockFinding(tx, principal, input.findingId, "finding.comment");
    const comment = await tx.comment.create({ data: { findingId: finding.id, authorId: principal.userId, body: input.body } });
    await recordAuditEvent(tx, {
      action: "finding.commented",
      ...actorOf(principal),
      ...about("finding", finding.id, finding.service.teamId),
      after: { commentId: comment.id, body: input.body },
    });
  });
}
