"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signedInAction } from "@/lib/actions/action";
import { withChecked } from "@/lib/actions/checked";
import { createWebhook, enableWebhook, removeWebhook } from "@/lib/data/notifications/webhooks";
import { NOTIFICATION_KIND_NAMES } from "@/lib/notify/kinds";
import { requestContextOf } from "@/lib/security/client-address";

const kind = z.enum(NOTIFICATION_KIND_NAMES as [string, ...string[]]);

const createSchema = withChecked("kind_", "kinds", kind, {
  teamId: z.uuid("Choose a team."),
  name: z.string().trim().min(2, "At least 2 characters.").max(80, "At most 80 characters."),
  url: z.string().trim().min(1, "Enter the endpoint's address.").max(2000, "At most 2,000 characters."),
  format: z.enum(["standard", "slack", "teams"]),
});

export const createWebhookAction = signedInAction("webhook.create", createSchema, async (principal, input) => {
  if (input.kinds.length === 0) return { ok: false, message: "Choose at least one kind of event.", fieldErrors: { kinds: ["Choose at least one."] } };
  const created = await createWebhook(
    principal,
    { ...input, kinds: input.kinds as (typeof NOTIFICATION_KIND_NAMES)[number][] },
    requestContextOf(await headers()),
  );
  revalidatePath("/webhooks");
  return { ok: true, message: "Registered.", data: { name: input.name, token: created.secret } };
});

export const removeWebhookAction = signedInAction("webhook.remove", z.object({ webhookId: z.uuid() }), async (principal, input) => {
  await removeWebhook(principal, input.webhookId, requestContextOf(await headers()));
  revalidatePath("/webhooks");
  return { ok: true, message: "Removed." };
});

export const enableWebhookAction = signedInAction("webhook.enable", z.object({ webhookId: z.uuid() }), async (principal, input) => {
  await enableWebhook(principal, input.webhookId, requestContextOf(await headers()));
  revalidatePath("/webhooks");
  return { ok: true, message: "Enabled." };
});
