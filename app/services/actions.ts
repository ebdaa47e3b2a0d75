"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signedInAction, type ActionState } from "@/lib/actions/action";
import { startAssessment } from "@/lib/data/assessments/start-assessment";
import { changeFindingSeverity } from "@/lib/data/findings/change-severity";
import { createService, updateService } from "@/lib/data/services/manage-services";

const serviceFields = z.object({
  teamId: z.uuid("Choose a team."),
  name: z.string().trim().min(2, "Enter a name of at least 2 characters.").max(80, "At most 80 characters."),
  description: z.string().trim().max(500, "At most 500 characters.").default(""),
  criticality: z.enum(["critical", "high", "medium", "low"], "Choose a tier."),
  repositoryUrl: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter an http(s) address, or leave it empty." }).max(500)])
    .default("")
    .transform((value) => value || null),
});

const create = signedInAction("services.create", serviceFields, async (principal, input) => {
  const { slug } = await createService(principal, input);
  revalidatePath("/services");
  return { ok: true, message: `Added ${input.name}.`, data: { slug } };
});

const update = signedInAction("services.update", serviceFields.extend({ serviceId: z.uuid() }), async (principal, input) => {
  const { slug } = await updateService(principal, input);
  revalidatePath("/services", "layout");
  return { ok: true, message: "Service saved.", data: { slug } };
});

const start = signedInAction("assessments.start", z.object({ serviceId: z.uuid() }), async (principal, input) => {
  const { id } = await startAssessment(principal, input);
  // No revalidation here: the button navigates to the new assessment, and a
  // refresh of this page would unmount it first.
  return { ok: true, message: "Assessment started.", data: { id } };
});

const severity = signedInAction(
  "findings.change_severity",
  z.object({
    findingId: z.uuid(),
    severity: z.enum(["critical", "high", "medium", "low"], "Choose a severity."),
    reason: z.string().trim().min(5, "Say why, in a few words.").max(1000),
  }),
  async (principal, input) => {
    await changeFindingSeverity(principal, input);
    revalidatePath("/services", "layout");
    return { ok: true, message: `Severity set to ${input.severity}; the due date follows it.` };
  },
);

export async function changeFindingSeverityAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return severity(previous, form);
}

export async function createServiceAction(previous: ActionState<{ slug: string }>, form: FormData): Promise<ActionState<{ slug: string }>> {
  return create(previous, form);
}

export async function updateServiceAction(previous: ActionState<{ slug: string }>, form: FormData): Promise<ActionState<{ slug: string }>> {
  return update(previous, form);
}

/** Starts an assessment; the page then opens its first step. */
export async function startAssessmentAction(previous: ActionState<{ id: string }>, form: FormData): Promise<ActionState<{ id: string }>> {
  return start(previous, form);
}
