"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signedInAction } from "@/lib/actions/action";
import { dueOn, findingId, ownerId, progressStatus, reason } from "@/lib/findings/change-schemas";
import { acceptRisk, addFindingComment, assignOwner, setDueDate, setProgress } from "@/lib/data/findings/manage-finding";
import { decideRiskRequest } from "@/lib/data/findings/risk-requests";

const refresh = (id: string) => {
  revalidatePath(`/findings/${id}`);
  revalidatePath("/findings");
};

export const assignOwnerAction = signedInAction("finding.assign_owner", z.object({ findingId, ownerId }), async (principal, input) => {
  await assignOwner(principal, { findingId: input.findingId, ownerId: input.ownerId || null });
  refresh(input.findingId);
  return { ok: true, message: input.ownerId ? "Owner assigned." : "Owner removed." };
});

export const setDueDateAction = signedInAction("finding.set_due_date", z.object({ findingId, dueOn, reason }), async (principal, input) => {
  await setDueDate(principal, input);
  refresh(input.findingId);
  return { ok: true, message: `Due date moved to ${input.dueOn}.` };
});

export const setProgressAction = signedInAction("finding.set_progress", z.object({ findingId, status: progressStatus }), async (principal, input) => {
  await setProgress(principal, input);
  refresh(input.findingId);
  return { ok: true, message: input.status === "in_progress" ? "Marked as in progress." : "Marked as open." };
});

export const acceptRiskAction = signedInAction(
  "finding.accept_risk",
  z.object({ findingId, reason, expiresOn: z.iso.date("Choose an expiry date.") }),
  async (principal, input) => {
    const outcome = await acceptRisk(principal, input);
    refresh(input.findingId);
    return outcome === "requested"
      ? { ok: true, message: "Requested: a second lead of the team approves or rejects it; they have been told." }
      : { ok: true, message: `Risk accepted until ${input.expiresOn}; it reopens by itself then.` };
  },
);

export const decideRiskAction = signedInAction(
  "finding.decide_risk",
  z.object({ findingId, decision: z.enum(["approve", "reject"]), note: z.string().trim().max(2000) }),
  async (principal, input) => {
    await decideRiskRequest(principal, input);
    refresh(input.findingId);
    return { ok: true, message: input.decision === "approve" ? "Approved: the risk is accepted." : "Rejected: the finding stays as it was." };
  },
);

export const addCommentAction = signedInAction(
  "finding.comment",
  z.object({ findingId, body: z.string().trim().min(1, "Write a comment.").max(4000) }),
  async (principal, input) => {
    await addFindingComment(principal, input);
    refresh(input.findingId);
    return { ok: true, message: "Comment added." };
  },
);
