"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/actions/action";
import { grantOrgAuditor, revokeOrgAuditor, setMembership } from "@/lib/data/admin/manage-access";
import { createUser, resetUserPassword, setUserDisabled } from "@/lib/data/admin/manage-users";
import { teamRoles } from "@/lib/vocabulary/roles";

const createSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  name: z.string().trim().min(1, "Enter a name.").max(120),
  isAdmin: z.literal("on").optional(),
});
const userSchema = z.object({ userId: z.uuid() });
const disableSchema = userSchema.extend({ disabled: z.enum(["true", "false"]) });

const membershipSchema = userSchema.extend({ teamId: z.uuid(), role: z.enum([...teamRoles.values, "none"]) });
const grantSchema = userSchema.extend({
  expiresOn: z.iso.date("Choose an expiry date."),
  reason: z.string().trim().min(3, "Say why (e.g. the audit it is for).").max(200),
});

export const createUserAction = adminAction("user.create", createSchema, async (principal, input) => {
  const created = await createUser(principal, { email: input.email, name: input.name, isAdmin: input.isAdmin === "on" });
  revalidatePath("/admin/users");
  return { ok: true, message: `Created ${input.email}.`, data: { temporaryPassword: created.temporaryPassword } };
});

export const setUserDisabledAction = adminAction("user.set_disabled", disableSchema, async (principal, input) => {
  await setUserDisabled(principal, { userId: input.userId, disabled: input.disabled === "true" });
  revalidatePath("/admin/users");
  return { ok: true, message: input.disabled === "true" ? "User disabled; their sessions have ended." : "User enabled." };
});

export const resetUserPasswordAction = adminAction("user.reset_password", userSchema, async (principal, input) => {
  const reset = await resetUserPassword(principal, input);
  revalidatePath("/admin/users");
  return { ok: true, message: "Password reset; their sessions have ended.", data: { temporaryPassword: reset.temporaryPassword } };
});

export const setMembershipAction = adminAction("membership.set", membershipSchema, async (principal, input) => {
  await setMembership(principal, { userId: input.userId, teamId: input.teamId, role: input.role === "none" ? null : input.role });
  revalidatePath("/admin/users");
  return { ok: true, message: input.role === "none" ? "Removed from the team." : "Team role saved." };
});

export const grantAuditorAction = adminAction("auditor_grant.create", grantSchema, async (principal, input) => {
  await grantOrgAuditor(principal, input);
  revalidatePath("/admin/users");
  return { ok: true, message: `Org-wide read access granted until ${input.expiresOn}.` };
});

export const revokeAuditorAction = adminAction("auditor_grant.revoke", userSchema, async (principal, input) => {
  await revokeOrgAuditor(principal, input);
  revalidatePath("/admin/users");
  return { ok: true, message: "Org-wide read access revoked." };
});
