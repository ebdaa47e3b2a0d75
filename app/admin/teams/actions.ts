"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, type ActionState } from "@/lib/actions/action";
import { createTeam, updateTeam } from "@/lib/data/admin/manage-teams";

const teamFields = z.object({
  name: z.string().trim().min(2, "Enter a name of at least 2 characters.").max(80, "At most 80 characters."),
  description: z.string().trim().max(300, "At most 300 characters.").default(""),
});

const create = adminAction("admin.teams.create", teamFields, async (principal, input) => {
  await createTeam(principal, input);
  revalidatePath("/admin", "layout");
  return { ok: true, message: `Created team ${input.name}.` };
});

const update = adminAction("admin.teams.update", teamFields.extend({ teamId: z.uuid() }), async (principal, input) => {
  await updateTeam(principal, input);
  revalidatePath("/admin", "layout");
  return { ok: true, message: `Saved ${input.name}.` };
});

export async function createTeamAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return create(previous, form);
}

export async function updateTeamAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return update(previous, form);
}
