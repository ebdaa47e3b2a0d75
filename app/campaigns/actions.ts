"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signedInAction } from "@/lib/actions/action";
import { checkedValues } from "@/lib/actions/checked";
import { launchCampaign } from "@/lib/data/campaigns/launch";
import { requestContextOf } from "@/lib/security/client-address";
import { tiers } from "@/lib/vocabulary/levels";

const schema = z.preprocess(
  (fields) => {
    const record = (fields ?? {}) as Record<string, unknown>;
    return { ...record, teamIds: record.teamIds ?? checkedValues(record, "team_"), tiers: record.tiers ?? checkedValues(record, "tier_") };
  },
  z.object({
    name: z.string().trim().min(3, "At least 3 characters.").max(120, "At most 120 characters."),
    teamIds: z.array(z.uuid()).max(500),
    tiers: z.array(z.enum(tiers.values)).max(4),
    checklistVersionId: z.uuid("Choose a checklist version."),
    deadlineOn: z.iso.date("Choose the deadline."),
  }),
);

export const launchCampaignAction = signedInAction("campaign.launch", schema, async (principal, input) => {
  const launched = await launchCampaign(
    principal,
    {
      name: input.name,
      teamIds: input.teamIds,
      tiers: input.tiers,
      checklistVersionId: input.checklistVersionId,
      deadline: new Date(`${input.deadlineOn}T23:59:59.999Z`),
    },
    requestContextOf(await headers()),
  );
  revalidatePath("/campaigns");
  return { ok: true, message: `Launched over ${launched.targets} services.`, data: { id: launched.id } };
});
