"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requestContextOf } from "@/lib/security/client-address";
import { z } from "zod";
import { assessmentIdSchema, itemIdSchema, returnSchema, saveAnswerSchema } from "@/lib/assessments/input-schemas";
import { signedInAction, type ActionState } from "@/lib/actions/action";
import { addAttachment, removeAttachment } from "@/lib/data/assessments/attachments";
import { confirmCarriedOver } from "@/lib/data/assessments/confirm-carried-over";
import { decideSuggestion } from "@/lib/data/assessments/decide-suggestion";
import { saveResponse, type SaveResult } from "@/lib/data/assessments/save-response";
import { approveAssessment, returnAssessment, submitAssessment } from "@/lib/data/assessments/sign-off";

const assessmentId = assessmentIdSchema;
const itemId = itemIdSchema;

export const saveResponseAction = signedInAction("response.save", saveAnswerSchema, async (principal, input): Promise<ActionState<SaveResult>> => {
  const { assessmentId: id, itemId: item, baseVersion, ...values } = input;
  const result = await saveResponse(principal, { assessmentId: id, itemId: item, baseVersion, values });
  return result.outcome === "saved" ? { ok: true, message: null, data: result } : { ok: false, message: "Someone saved this item first.", data: result };
});

export const confirmCarriedOverAction = signedInAction(
  "response.confirm_carried_over",
  z.object({ assessmentId, factor: z.coerce.number().int().min(1).max(12) }),
  async (principal, input) => {
    const { confirmed } = await confirmCarriedOver(principal, input, requestContextOf(await headers()));
    revalidatePath(`/assessments/${input.assessmentId}`, "layout");
    return {
      ok: true,
      message: confirmed.length
        ? `Confirmed ${confirmed.length} carried-over ${confirmed.length === 1 ? "answer" : "answers"}.`
        : "Nothing here is carried over.",
    };
  },
);

export const addAttachmentAction = signedInAction(
  "attachment.add",
  z.object({ assessmentId, itemId, file: z.instanceof(File, { message: "Choose a file." }) }),
  async (principal, input) => {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const attachment = await addAttachment(principal, { assessmentId: input.assessmentId, itemId: input.itemId, fileName: input.file.name, bytes });
    return { ok: true, message: `Attached ${attachment.fileName}.`, data: attachment };
  },
);

export const removeAttachmentAction = signedInAction(
  "attachment.remove",
  z.object({ assessmentId, itemId, attachmentId: z.uuid() }),
  async (principal, input) => {
    await removeAttachment(principal, input);
    return { ok: true, message: "Attachment removed." };
  },
);

export const decideSuggestionAction = signedInAction(
  "response.decide_suggestion",
  z.object({ assessmentId, itemId, evidenceId: z.uuid(), decision: z.enum(["accept", "override"]) }),
  async (principal, input) => {
    await decideSuggestion(principal, input);
    revalidatePath(`/assessments/${input.assessmentId}`, "layout");
    return { ok: true, message: input.decision === "accept" ? "Suggestion accepted." : "Your answer stands; the suggestion is recorded as overridden." };
  },
);

export const submitAssessmentAction = signedInAction("assessment.submit", z.object({ assessmentId }), async (principal, input) => {
  await submitAssessment(principal, input);
  revalidatePath(`/assessments/${input.assessmentId}`, "layout");
  return { ok: true, message: "Submitted for sign-off. The team's leads can now approve or return it." };
});

export const returnAssessmentAction = signedInAction("assessment.return", returnSchema, async (principal, input) => {
  await returnAssessment(principal, input);
  revalidatePath(`/assessments/${input.assessmentId}`, "layout");
  return { ok: true, message: "Returned to the reviewers with your comment." };
});

export const approveAssessmentAction = signedInAction("assessment.approve", z.object({ assessmentId }), async (principal, input) => {
  const { overall } = await approveAssessment(principal, input);
  revalidatePath("/", "layout");
  return { ok: true, message: `Approved${overall === null ? "" : ` at ${overall}`}. Findings are up to date.` };
});
