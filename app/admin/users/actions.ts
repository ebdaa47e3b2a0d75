"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, type ActionState } from "@/lib/actions/action";
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

type PasswordResult = ActionState<{ temporaryPassword: string }>;

const create = adminAction("admin.users.create", createSchema, async (principal, input) => {
  const created = await createUser(principal, { email: input.email, name: input.name, isAdmin: input.isAdmin === "on" });
  revalidatePath("/admin/users");
  return { ok: true, message: `Created ${input.email}.`, data: { temporaryPassword: created.temporaryPassword } };
});

const setDisabled = adminAction("admin.users.set_disabled", disableSchema, async (principal, input) => {
  await setUserDisabled(principal, { userId: input.userId, disabled: input.disabled === "true" });
  revalidatePath("/admin/users");
  return { ok: true, message: input.disabled === "true" ? "User disabled; their sessions have ended." : "User enabled." };
});

const resetPassword = adminAction("admin.users.reset_password", userSchema, async (principal, input) => {
  const reset = await resetUserPassword(principal, input);
  revalidatePath("/admin/users");
  return { ok: true, message: "Password reset; their sessions have ended.", data: { temporaryPassword: reset.temporaryPassword } };
});

const changeMembership = adminAction("admin.memberships.set", membershipSchema, async (principal, input) => {
  await setMembership(principal, { userId: input.userId, teamId: input.teamId, role: input.role === "none" ? null : input.role });
  revalidatePath("/admin/users");
  return { ok: true, message: input.role === "none" ? "Removed from the team." : "Team role saved." };
});

const grantAuditor = adminAction("admin.auditor_grants.create", grantSchema, async (principal, input) => {
  await grantOrgAuditor(principal, input);
  revalidatePath("/admin/users");
  return { ok: true, message: `Org-wide read access granted until ${input.expiresOn}.` };
});

const revokeAuditor = adminAction("admin.auditor_grants.revoke", userSchema, async (principal, input) => {
  await revokeOrgAuditor(principal, input);
  revalidatePath("/admin/users");
  return { ok: true, message: "Org-wide read access revoked." };
});

export async function setMembershipAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return changeMembership(previous, form);
}

export async function grantAuditorAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return grantAuditor(previous, form);
}

export async function revokeAuditorAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return revokeAuditor(previous, form);
}

export async function createUserAction(previous: PasswordResult, form: FormData): Promise<PasswordResult> {
  return create(previous, form);
}

export async function setUserDisabledAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return setDisabled(previous, form);
}

export async function resetUserPasswordAction(previous: PasswordResult, form: FormData): Promise<PasswordResult> {
  return resetPassword(previous, form);
}
