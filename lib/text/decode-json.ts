// A JSON body as every JSON edge takes it (the API, SCIM, the catalogue sync):
// parsed, made storable once (lib/text/clean.ts, which also bounds its depth),
// then validated. Each edge turns the outcome into its own error format.
import type { z } from "zod";
import { cleanDeep, TooDeepError } from "./clean";

export type Decoded<T> =
  { ok: true; data: T } | { ok: false; reason: "not_json" | "too_deep"; message: string } | { ok: false; reason: "invalid"; error: z.ZodError };

export function decodeJson<S extends z.ZodType>(text: string, schema: S): Decoded<z.infer<S>> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not_json", message: "The body is not JSON." };
  }
  let clean: unknown;
  try {
    clean = cleanDeep(body);
  } catch (error) {
    if (error instanceof TooDeepError) return { ok: false, reason: "too_deep", message: error.message };
    throw error;
  }
  const parsed = schema.safeParse(clean);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, reason: "invalid", error: parsed.error };
}
