"use server";

import { createHash } from "node:crypto";
import { z } from "zod";
import { signedInAction, type ActionState } from "@/lib/actions/action";
import { verifyExport, type Verification } from "@/lib/data/exports/verify-export";

// Exports are far smaller; the action body limit (next.config.ts) is 6 MB anyway.
const MAX_BYTES = 6 * 1024 * 1024;

const schema = z
  .object({
    file: z.instanceof(File).optional(),
    sha256: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((value) => value || undefined)
      .pipe(
        z
          .string()
          .regex(/^[0-9a-f]{64}$/, "A SHA-256 is 64 hexadecimal characters.")
          .optional(),
      ),
  })
  .refine((input) => (input.file && input.file.size > 0) || input.sha256, { message: "Choose a file or paste its SHA-256.", path: ["file"] });

/** Checks a file (or its hash) against the record of exports; reads only, changes nothing. */
export const verifyExportAction = signedInAction("export.verify", schema, async (principal, input): Promise<ActionState<Verification & { sha256: string }>> => {
  let sha256 = input.sha256 ?? "";
  if (input.file && input.file.size > 0) {
    if (input.file.size > MAX_BYTES) return { ok: false, message: "That file is larger than any Twelvefold export." };
    sha256 = createHash("sha256")
      .update(new Uint8Array(await input.file.arrayBuffer()))
      .digest("hex");
  }
  const result = await verifyExport(principal, sha256);
  return { ok: true, message: null, data: { ...result, sha256 } };
});
