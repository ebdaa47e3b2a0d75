"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signedInAction, type ActionState } from "@/lib/actions/action";
import { TOKEN_LIFETIME_DAYS } from "@/lib/api/token-format";
import { createToken, revokeToken } from "@/lib/data/api/tokens";
import { setDriftPolicy } from "@/lib/data/teams/drift-policy";
import { requestContextOf } from "@/lib/security/client-address";
import { tokenScopes } from "@/lib/vocabulary/records";

const createSchema = z.object({
  teamId: z.uuid("Choose a team."),
  name: z.string().trim().min(2, "Name it after where it is used, e.g. ci-checkout.").max(80),
  scope: z.enum(tokenScopes.values, "Choose what the token may do."),
  expiresInDays: z.coerce
    .number()
    .int()
    .refine((days) => (TOKEN_LIFETIME_DAYS as readonly number[]).includes(days), "Choose an expiry from the list."),
});

export const createTokenAction = signedInAction(
  "api_token.create",
  createSchema,
  async (principal, input): Promise<ActionState<{ token: string; name: string }>> => {
    const created = await createToken(principal, input, requestContextOf(await headers()));
    revalidatePath("/tokens");
    return { ok: true, message: "Token created.", data: { token: created.token, name: input.name } };
  },
);

export const revokeTokenAction = signedInAction("api_token.revoke", z.object({ tokenId: z.uuid() }), async (principal, input) => {
  await revokeToken(principal, input, requestContextOf(await headers()));
  revalidatePath("/tokens");
  return { ok: true, message: "Token revoked. Requests with it are refused from now on." };
});

export const setDriftPolicyAction = signedInAction(
  "team.drift_policy",
  z.object({ teamId: z.uuid(), opensFindings: z.enum(["on", "off"]).default("off") }),
  async (principal, input) => {
    await setDriftPolicy(principal, { teamId: input.teamId, opensFindings: input.opensFindings === "on" });
    revalidatePath("/tokens");
    return {
      ok: true,
      message:
        input.opensFindings === "on"
          ? "A drift on a critical or high item now opens its finding at once."
          : "Drift is shown and told, and findings wait for the next approval.",
    };
  },
);
