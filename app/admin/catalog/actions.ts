"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, type ActionState } from "@/lib/actions/action";
import { TOKEN_LIFETIME_DAYS } from "@/lib/api/token-format";
import { MAX_IMPORT_BYTES } from "@/lib/catalog/limits";
import { planJson, type PlanJson } from "@/lib/catalog/report";
import { createIntegrationToken, revokeIntegrationToken } from "@/lib/data/admin/integration-tokens";
import { applyImport, previewImport, type ImportSource } from "@/lib/data/catalog/import";
import { mapOwner, unmapOwner } from "@/lib/data/catalog/owners";
import { requestContextOf } from "@/lib/security/client-address";
import { integrationPurposes } from "@/lib/vocabulary/records";

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const uploadSchema = z
  .object({
    mode: z.enum(["catalog", "csv"]),
    // Typed data from the page; a form (or a script) may send the same list as JSON text.
    files: z.preprocess(
      (value) => (typeof value === "string" ? parseJsonOrNull(value) : value),
      z
        .array(z.object({ path: z.string().min(1).max(1000), content: z.string() }))
        .min(1, "Choose a file.")
        .max(2000, "At most 2,000 files at once; sync a larger catalogue with the command line."),
    ),
    // A form's empty field means none.
    digest: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
    ),
  })
  .refine((input) => input.files.reduce((size, f) => size + f.content.length, 0) <= MAX_IMPORT_BYTES, {
    error: `At most ${MAX_IMPORT_BYTES / 1024 / 1024} MB at once here; sync a larger catalogue with the command line or the API.`,
    path: ["files"],
  })
  .refine((input) => input.mode === "catalog" || input.files.length === 1, { error: "Choose one CSV file.", path: ["files"] });

const sourceOf = (input: z.infer<typeof uploadSchema>): ImportSource =>
  input.mode === "catalog" ? { mode: "catalog", files: input.files } : { mode: "csv", file: input.files[0]! };

export const previewImportAction = adminAction("services.import_preview", uploadSchema, async (principal, input): Promise<ActionState<PlanJson>> => {
  const preview = await previewImport(principal, sourceOf(input));
  return { ok: true, message: null, data: planJson(preview.plan, preview.digest, preview.teams) };
});

export const applyImportAction = adminAction(
  "services.import_apply",
  uploadSchema.refine((input) => input.digest, { error: "Preview first, then apply.", path: ["files"] }),
  async (principal, input) => {
    const result = await applyImport(principal, sourceOf(input), { expectedDigest: input.digest, context: requestContextOf(await headers()) });
    revalidatePath("/", "layout");
    const c = result.counts;
    return {
      ok: true,
      message: result.wrote
        ? `Done: ${c.created} created, ${c.updated} updated${input.mode === "catalog" ? `, ${c.markedMissing} marked missing from the catalogue` : ""}.`
        : "Nothing to change: the services already match.",
    };
  },
);

export const mapOwnerAction = adminAction(
  "catalog_owner.map",
  z.object({ ownerRef: z.string().trim().min(1, "Enter the owner.").max(200), teamId: z.uuid("Choose a team.") }),
  async (principal, input) => {
    const ownerRef = await mapOwner(principal, input, requestContextOf(await headers()));
    revalidatePath("/admin/catalog");
    return { ok: true, message: `${ownerRef} now answers as the chosen team.` };
  },
);

export const unmapOwnerAction = adminAction("catalog_owner.unmap", z.object({ ownerRef: z.string().min(1).max(200) }), async (principal, input) => {
  await unmapOwner(principal, input.ownerRef, requestContextOf(await headers()));
  revalidatePath("/admin/catalog");
  return { ok: true, message: `Removed the mapping of ${input.ownerRef}.` };
});

export const createIntegrationTokenAction = adminAction(
  "integration_token.create",
  z.object({
    name: z.string().trim().min(2, "Name it after where it is used, e.g. backstage-sync.").max(80),
    purpose: z.enum(integrationPurposes.values),
    expiresInDays: z.coerce
      .number()
      .int()
      .refine((days) => (TOKEN_LIFETIME_DAYS as readonly number[]).includes(days), "Choose an expiry from the list."),
  }),
  async (principal, input): Promise<ActionState<{ token: string; name: string }>> => {
    const created = await createIntegrationToken(principal, input, requestContextOf(await headers()));
    revalidatePath("/admin", "layout");
    return { ok: true, message: "Token created.", data: { token: created.token, name: input.name } };
  },
);

export const revokeIntegrationTokenAction = adminAction("integration_token.revoke", z.object({ tokenId: z.uuid() }), async (principal, input) => {
  await revokeIntegrationToken(principal, input.tokenId, requestContextOf(await headers()));
  revalidatePath("/admin", "layout");
  return { ok: true, message: "Token revoked. Requests with it are refused from now on." };
});
