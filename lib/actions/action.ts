import "server-only";
import { z } from "zod";
import { recordRefusal } from "../audit/refusal";
import { getPrincipal } from "../auth/current";
import { can, type Principal } from "../auth/policy";
import { cleanDeep, cleanText } from "../text/clean";
import { ForbiddenError, NotFoundError, ValidationError } from "../data/errors";

export interface ActionState<T = unknown> {
  ok: boolean;
  message: string | null;
  fieldErrors?: Record<string, string[] | undefined>;
  data?: T;
}

export const NOT_FOUND = "Not found, or you do not have access to it.";
export const FORBIDDEN = "Your role does not allow this.";

type Permit = (principal: Principal) => boolean;

/**
 * The chokepoint for server actions: re-checks the caller on every call (a
 * page check does not cover its actions), validates the form with zod,
 * records refusals, and turns expected failures into a message. It takes a
 * form's FormData, or the same fields as typed data from a client component. The data
 * functions it calls check the principal again.
 */
function guardedAction<S extends z.ZodType, T>(
  name: string,
  permit: Permit,
  schema: S,
  run: (principal: Principal, input: z.infer<S>) => Promise<ActionState<T>>,
) {
  return async (_previous: ActionState<T>, input: FormData | z.input<S>): Promise<ActionState<T>> => {
    const principal = await getPrincipal();
    if (!principal || !permit(principal)) {
      await recordRefusal(principal, "action", name);
      return { ok: false, message: NOT_FOUND };
    }
    // Strings are made storable here, once, before any rule reads them (lib/text/clean.ts).
    // A form posts FormData; a client component may pass the input as typed data instead.
    const fields =
      input instanceof FormData ? Object.fromEntries([...input].map(([k, v]) => [cleanText(k), typeof v === "string" ? cleanText(v) : v])) : cleanDeep(input);
    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      return { ok: false, message: "Check the fields marked below.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
    }
    try {
      return await run(principal, parsed.data);
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ForbiddenError) {
        // The data layer refused: as much an access refusal as the chokepoint's own.
        await recordRefusal(principal, "action", name);
        return { ok: false, message: error instanceof ForbiddenError ? FORBIDDEN : NOT_FOUND };
      }
      if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
      throw error;
    }
  };
}

/** An action for org admins only. */
export function adminAction<S extends z.ZodType, T>(name: string, schema: S, run: (principal: Principal, input: z.infer<S>) => Promise<ActionState<T>>) {
  return guardedAction(name, (principal) => can(principal, "admin.manage", "org"), schema, run);
}

/**
 * An action any signed-in, enabled user may call: on their own account, or on
 * a team's records, where the data function decides by the policy.
 */
export function signedInAction<S extends z.ZodType, T>(name: string, schema: S, run: (principal: Principal, input: z.infer<S>) => Promise<ActionState<T>>) {
  return guardedAction(name, () => true, schema, run);
}
