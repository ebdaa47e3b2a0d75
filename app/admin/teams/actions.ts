"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/action";
import { createTeam, updateTeam } from "@/lib/data/admin/manage-teams";

const teamFields = z.object({
  name: z.string().trim().min(2, "Enter a name of at least 2 characters.").max(80, "At most 80 characters."),
  description: z.string().trim().max(300, "At most 300 characters.").default(""),
});

export const createTeamAction = adminAction("team.create", teamFields, async (principal, input) => {
  await createTeam(principal, input);
  revalidatePath("/admin", "layout");
  return { ok: true, message: `Created team ${input.name}.` };
});

export const updateTeamAction = adminAction("team.update", teamFields.extend({ teamId: z.uuid() }), async (principal, input) => {
  await updateTeam(principal, input);
  revalidatePath("/admin", "layout");
  return { ok: true, message: `Saved ${input.name}.` };
});
