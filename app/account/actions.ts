"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { signedInAction } from "@/lib/actions/action";
import { currentSessionSecret } from "@/lib/auth/current";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password";
import { changeOwnPassword } from "@/lib/data/account/change-password";
import { requestContextOf } from "@/lib/security/client-address";

const passwordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
    newPassword: z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`).max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
    confirmPassword: z.string().max(PASSWORD_MAX),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    message: "The two new passwords differ.",
    path: ["confirmPassword"],
  });

export const changePasswordAction = signedInAction("user.change_password", passwordSchema, async (principal, input) => {
  const request = await headers();
  await changeOwnPassword(principal, input, {
    ...requestContextOf(request),
    sessionSecret: await currentSessionSecret(),
  });
  return { ok: true, message: "Password changed. You stay signed in here; every other session has ended." };
});
