"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assessmentIdSchema, itemIdSchema, returnSchema, saveAnswerSchema } from "@/lib/assessment/input-schemas";
import { signedInAction, type ActionState } from "@/lib/actions/action";
import { addAttachment, removeAttachment, type AttachmentMeta } from "@/lib/data/assessments/attachments";
import { decideSuggestion } from "@/lib/data/assessments/decide-suggestion";
import { saveResponse, type SaveResult } from "@/lib/data/assessments/save-response";
import { approveAssessment, returnAssessment, submitAssessment } from "@/lib/data/assessments/sign-off";

const assessmentId = assessmentIdSchema;
const itemId = itemIdSchema;

const save = signedInAction("responses.save", saveAnswerSchema, async (principal, input): Promise<ActionState<SaveResult>> => {
  const { assessmentId: id, itemId: item, baseVersion, ...values } = input;
  const result = await saveResponse(principal, { assessmentId: id, itemId: item, baseVersion, values });
  return result.outcome === "saved"
    ? { ok: true, message: null, data: result }
    : { ok: false, message: "Someone saved this item first.", data: result };
});

const upload = signedInAction(
  "attachments.add",
  z.object({ assessmentId, itemId, file: z.instanceof(File, { message: "Choose a file." }) }),
  async (principal, input) => {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const attachment = await addAttachment(principal, { assessmentId: input.assessmentId, itemId: input.itemId, fileName: input.file.name, bytes });
    return { ok: true, message: `Attached ${attachment.fileName}.`, data: attachment };
  },
);

const remove = signedInAction("attachments.remove", z.object({ assessmentId, itemId, attachmentId: z.uuid() }), async (principal, input) => {
  await removeAttachment(principal, input);
  return { ok: true, message: "Attachment removed." };
});

const decide = signedInAction(
  "responses.decide_suggestion",
  z.object({ assessmentId, itemId, evidenceId: z.uuid(), decision: z.enum(["accept", "override"]) }),
  async (principal, input) => {
    await decideSuggestion(principal, input);
    revalidatePath(`/assessments/${input.assessmentId}`, "layout");
    return { ok: true, message: input.decision === "accept" ? "Suggestion accepted." : "Your answer stands; the suggestion is recorded as overridden." };
  },
);

const submit = signedInAction("assessments.submit", z.object({ assessmentId }), async (principal, input) => {
  await submitAssessment(principal, input);
  revalidatePath(`/assessments/${input.assessmentId}`, "layout");
  return { ok: true, message: "Submitted for sign-off. The team's leads can now approve or return it." };
});

const giveBack = signedInAction(
  "assessments.return",
  returnSchema,
  async (principal, input) => {
    await returnAssessment(principal, input);
    revalidatePath(`/assessments/${input.assessmentId}`, "layout");
    return { ok: true, message: "Returned to the reviewers with your comment." };
  },
);

const approve = signedInAction("assessments.approve", z.object({ assessmentId }), async (principal, input) => {
  const { overall } = await approveAssessment(principal, input);
  revalidatePath("/", "layout");
  return { ok: true, message: `Approved${overall === null ? "" : ` at ${overall}`}. Findings are up to date.` };
});

export async function saveResponseAction(previous: ActionState<SaveResult>, form: FormData): Promise<ActionState<SaveResult>> {
  return save(previous, form);
}

export async function addAttachmentAction(previous: ActionState<AttachmentMeta>, form: FormData): Promise<ActionState<AttachmentMeta>> {
  return upload(previous, form);
}

export async function removeAttachmentAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return remove(previous, form);
}

export async function submitAssessmentAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return submit(previous, form);
}

export async function returnAssessmentAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return giveBack(previous, form);
}

export async function approveAssessmentAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return approve(previous, form);
}

export async function decideSuggestionAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return decide(previous, form);
}
