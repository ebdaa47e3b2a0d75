"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, type ActionState } from "@/lib/actions/action";
import { createUser, resetUserPassword, setUserDisabled } from "@/lib/data/admin/manage-users";

const createSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  name: z.string().trim().min(1, "Enter a name.").max(120),
  isAdmin: z.literal("on").optional(),
});
const userSchema = z.object({ userId: z.uuid() });
const disableSchema = userSchema.extend({ disabled: z.enum(["true", "false"]) });

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

export async function createUserAction(previous: PasswordResult, form: FormData): Promise<PasswordResult> {
  return create(previous, form);
}

export async function setUserDisabledAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return setDisabled(previous, form);
}

export async function resetUserPasswordAction(previous: PasswordResult, form: FormData): Promise<PasswordResult> {
  return resetPassword(previous, form);
}
