"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signedInAction } from "@/lib/actions/action";
import { startAssessment } from "@/lib/data/assessments/start-assessment";
import { changeFindingSeverity } from "@/lib/data/findings/change-severity";
import { createService, updateService } from "@/lib/data/services/manage-services";
import { newServiceSchema, serviceUpdateSchema } from "@/lib/services/schemas";
import { severities } from "@/lib/vocabulary/levels";

export const createServiceAction = signedInAction("service.create", newServiceSchema, async (principal, input) => {
  const { slug } = await createService(principal, input);
  revalidatePath("/services");
  return { ok: true, message: `Added ${input.name}.`, data: { slug } };
});

export const updateServiceAction = signedInAction("service.update", serviceUpdateSchema, async (principal, input) => {
  const { slug } = await updateService(principal, input);
  revalidatePath("/services", "layout");
  return { ok: true, message: "Service saved.", data: { slug } };
});

/** Starts an assessment; the page then opens its first step. */
export const startAssessmentAction = signedInAction("assessment.start", z.object({ serviceId: z.uuid() }), async (principal, input) => {
  const { id } = await startAssessment(principal, input);
  // No revalidation here: the button navigates to the new assessment, and a
  // refresh of this page would unmount it first.
  return { ok: true, message: "Assessment started.", data: { id } };
});

export const changeFindingSeverityAction = signedInAction(
  "finding.change_severity",
  z.object({
    findingId: z.uuid(),
    severity: z.enum(severities.values, "Choose a severity."),
    reason: z.string().trim().min(5, "Say why, in a few words.").max(1000),
  }),
  async (principal, input) => {
    await changeFindingSeverity(principal, input);
    revalidatePath("/services", "layout");
    return { ok: true, message: `Severity set to ${input.severity}; the due date follows it.` };
  },
);
