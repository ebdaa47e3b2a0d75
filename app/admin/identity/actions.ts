"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/action";
import { createGroupMapping, removeGroupMapping } from "@/lib/data/admin/group-mappings";
import { requestContextOf } from "@/lib/security/client-address";
import { teamRoles } from "@/lib/vocabulary/roles";

const groupName = z.string().trim().min(1, "Enter the group's name as the identity provider sends it.").max(256, "At most 256 characters.");

const mappingSchema = z.discriminatedUnion("grant", [
  z.object({ groupName, grant: z.literal("team_role"), teamId: z.uuid("Choose a team."), role: z.enum(teamRoles.values, "Choose a role.") }),
  z.object({ groupName, grant: z.literal("org_auditor"), untilOn: z.iso.date("Choose the day the access ends.") }),
  z.object({ groupName, grant: z.literal("admin") }),
]);

export const createGroupMappingAction = adminAction("group_mapping.create", mappingSchema, async (principal, input) => {
  const applied = await createGroupMapping(principal, input, requestContextOf(await headers()));
  revalidatePath("/admin/identity");
  return {
    ok: true,
    message: `Mapped. ${applied ? `${applied} known member${applied === 1 ? " has" : "s have"} it now; others` : "Members"} get it at their next sign-in.`,
  };
});

export const removeGroupMappingAction = adminAction("group_mapping.remove", z.object({ mappingId: z.uuid() }), async (principal, input) => {
  const applied = await removeGroupMapping(principal, input.mappingId, requestContextOf(await headers()));
  revalidatePath("/admin/identity");
  return { ok: true, message: `Removed. ${applied} known member${applied === 1 ? "" : "s"} lost what it gave; others, at their next sign-in.` };
});
