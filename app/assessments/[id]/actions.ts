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
import { validateResponse } from "@/lib/data/assessments/validate-response";
import { assignItems } from "@/lib/data/assessments/assign-items";
import { drawValidationSample } from "@/lib/data/assessments/draw-sample";
import { samplingRuleSchema, describeRule } from "@/lib/assessments/validation";
import { withChecked } from "@/lib/actions/checked";
import { evidenceDatesSchema } from "@/lib/evidence/validity";
import { severities } from "@/lib/vocabulary/levels";

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
  evidenceDatesSchema.extend({ assessmentId, itemId, file: z.instanceof(File, { message: "Choose a file." }) }),
  async (principal, input) => {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const { effectiveOn, validUntil } = input;
    const attachment = await addAttachment(principal, {
      assessmentId: input.assessmentId,
      itemId: input.itemId,
      fileName: input.file.name,
      bytes,
      effectiveOn,
      validUntil,
    });
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

export const validateResponseAction = signedInAction(
  "response.validate",
  z.discriminatedUnion("decision", [
    z.object({ assessmentId, itemId, version: z.coerce.number().int().min(1), decision: z.literal("agree") }),
    z.object({
      assessmentId,
      itemId,
      version: z.coerce.number().int().min(1),
      decision: z.literal("send_back"),
      comment: z.string().trim().min(1, "Say what the owner should change.").max(4000),
    }),
  ]),
  async (principal, input) => {
    await validateResponse(principal, input);
    revalidatePath(`/assessments/${input.assessmentId}`, "layout");
    return { ok: true, message: input.decision === "agree" ? "Validated." : "Sent back to its owner with your comment." };
  },
);

export const assignFactorAction = signedInAction(
  "responses.assign",
  z.object({ assessmentId, factor: z.coerce.number().int().min(1).max(12), assigneeId: z.union([z.uuid(), z.literal("")]) }),
  async (principal, input) => {
    const { assigned } = await assignItems(principal, { ...input, assigneeId: input.assigneeId || null });
    revalidatePath(`/assessments/${input.assessmentId}`, "layout");
    return { ok: true, message: input.assigneeId ? `Assigned ${assigned.length} items.` : "No one is assigned to this factor now." };
  },
);

export const drawSampleAction = signedInAction(
  "assessment.draw_sample",
  withChecked("severity-", "severities", severities.schema, { ...samplingRuleSchema.omit({ severities: true }).shape, assessmentId }, 4),
  async (principal, input) => {
    const { assessmentId: id, ...rule } = input;
    const { drawn, candidates } = await drawValidationSample(principal, { assessmentId: id, rule });
    revalidatePath(`/assessments/${id}`, "layout");
    return { ok: true, message: `Drew ${drawn.length} of ${candidates} answers to validate (${describeRule(rule)}).` };
  },
);
