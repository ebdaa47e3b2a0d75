import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { recordAuditEvent } from "../audit/record";
import { getPrincipal } from "../auth/current";
import { can, type Principal } from "../auth/policy";
import { getPrisma } from "../db/prisma";
import { NotFoundError, ValidationError } from "../data/errors";
import { clientAddress } from "../security/client-address";

export interface ActionState<T = unknown> {
  ok: boolean;
  message: string | null;
  fieldErrors?: Record<string, string[] | undefined>;
  data?: T;
}

export const NOT_FOUND = "Not found, or you do not have access to it.";

async function recordRefusal(principal: Principal | null, action: string): Promise<void> {
  const request = await headers();
  await getPrisma().$transaction((tx) =>
    recordAuditEvent(tx, {
      category: "access",
      action: "access.refused",
      actorId: principal?.userId ?? null,
      actorLabel: principal?.email ?? "(anonymous)",
      targetType: "action",
      targetId: action,
      ipAddress: clientAddress(request),
      userAgent: request.get("user-agent"),
    }),
  );
}

/**
 * The chokepoint for admin server actions: re-checks the caller on every call
 * (a page check does not cover its actions), validates the form with zod,
 * records refusals, and turns expected failures into a message. The data
 * functions it calls check the principal again.
 */
export function adminAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  run: (principal: Principal, input: z.infer<S>) => Promise<ActionState<T>>,
) {
  return async (_previous: ActionState<T>, form: FormData): Promise<ActionState<T>> => {
    const principal = await getPrincipal();
    if (!principal || !can(principal, "admin.manage", "org")) {
      await recordRefusal(principal, name);
      return { ok: false, message: NOT_FOUND };
    }
    const parsed = schema.safeParse(Object.fromEntries(form instanceof FormData ? form : []));
    if (!parsed.success) {
      return { ok: false, message: "Check the fields marked below.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
    }
    try {
      return await run(principal, parsed.data);
    } catch (error) {
      if (error instanceof NotFoundError) return { ok: false, message: NOT_FOUND };
      if (error instanceof ValidationError) return { ok: false, message: error.message };
      throw error;
    }
  };
}
