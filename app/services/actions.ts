"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signedInAction } from "@/lib/actions/action";
import { startAssessment } from "@/lib/data/assessments/start-assessment";
import { changeFindingSeverity } from "@/lib/data/findings/manage-finding";
import { createService, updateService } from "@/lib/data/services/manage-services";
import { newServiceSchema, serviceUpdateSchema } from "@/lib/services/schemas";
import { bulkFindingChangeSchema, findingId, reason, severity, type BulkFindingChange } from "@/lib/findings/change-schemas";
import type { FindingChange } from "@/lib/data/findings/finding-changes";
import { updateFindings } from "@/lib/data/findings/update-findings";
import { headers } from "next/headers";
import { requestContextOf } from "@/lib/security/client-address";
import { withChecked } from "@/lib/actions/checked";
import { itemIdSchema } from "@/lib/assessments/input-schemas";
import { modesSchema, platformKindSchema } from "@/lib/platforms/inherit";
import { setInheritanceModes, setPlatform, stopUsingPlatform, usePlatform } from "@/lib/data/platforms/manage";

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

export const changeFindingSeverityAction = signedInAction("finding.change_severity", z.object({ findingId, severity, reason }), async (principal, input) => {
  await changeFindingSeverity(principal, input);
  revalidatePath("/services", "layout");
  return { ok: true, message: `Severity set to ${input.severity}; the due date follows it.` };
});

const CHANGE_DONE: Record<BulkFindingChange["change"], string> = {
  owner: "owner set",
  due: "due date moved",
  severity: "severity set, with due dates following it",
  progress: "status set",
};

function asChange(input: BulkFindingChange): FindingChange {
  switch (input.change) {
    case "owner":
      return { kind: "owner", ownerId: input.ownerId || null };
    case "due":
      return { kind: "due", dueOn: input.dueOn, reason: input.reason };
    case "severity":
      return { kind: "severity", severity: input.severity, reason: input.reason };
    case "progress":
      return { kind: "progress", status: input.status };
  }
}

/** A lead's change to several findings of a service at once: all or none. */
export const updateFindingsAction = signedInAction("finding.bulk_update", bulkFindingChangeSchema, async (principal, input) => {
  const { changed, unchanged } = await updateFindings(principal, { findingIds: input.findingIds, change: asChange(input) });
  revalidatePath("/services", "layout");
  revalidatePath("/findings", "layout");
  const plural = (n: number) => `${n} finding${n === 1 ? "" : "s"}`;
  return { ok: true, message: `Changed ${plural(changed)}: ${CHANGE_DONE[input.change]}${unchanged ? `; ${plural(unchanged)} already so` : ""}.` };
});

const serviceId = z.uuid();
const platformId = z.uuid();
const contextNow = async () => requestContextOf(await headers());

export const setPlatformAction = signedInAction(
  "platform.set",
  withChecked("item-", "items", itemIdSchema, { serviceId, kind: z.union([platformKindSchema, z.literal("")]) }, 80),
  async (principal, input) => {
    await setPlatform(principal, { serviceId: input.serviceId, kind: input.kind || null, items: input.items }, await contextNow());
    revalidatePath("/services", "layout");
    return { ok: true, message: input.kind ? `A platform covering ${input.items.length} items.` : "No longer a platform." };
  },
);

export const usePlatformAction = signedInAction("platform.use", z.object({ serviceId, platformId }), async (principal, input) => {
  await usePlatform(principal, input, await contextNow());
  revalidatePath("/services", "layout");
  return { ok: true, message: "Runs on it now; the score takes its answers." };
});

export const stopUsingPlatformAction = signedInAction("platform.stop", z.object({ serviceId, platformId }), async (principal, input) => {
  await stopUsingPlatform(principal, input, await contextNow());
  revalidatePath("/services", "layout");
  return { ok: true, message: "No longer runs on it." };
});

/** Fields `mode-<itemId>` = inherited | shared | own, one per item the platform covers. */
const modeFields = z.preprocess(
  (fields) => {
    if (!fields || typeof fields !== "object" || Array.isArray(fields)) return fields;
    const record = fields as Record<string, unknown>;
    const modes = Object.fromEntries(
      Object.entries(record)
        .filter(([k]) => k.startsWith("mode-"))
        .map(([k, v]) => [k.slice(5), v]),
    );
    return { serviceId: record.serviceId, platformId: record.platformId, modes };
  },
  z.object({ serviceId, platformId, modes: modesSchema }),
);

export const setInheritanceModesAction = signedInAction("platform.modes", modeFields, async (principal, input) => {
  await setInheritanceModes(principal, input, await contextNow());
  revalidatePath("/services", "layout");
  return { ok: true, message: "Saved; the score follows." };
});
