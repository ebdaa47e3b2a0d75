import "server-only";
import { z } from "zod";
import type { Principal } from "../auth/policy";
import { recordRefusal } from "../audit/refusal";
import { getPrincipal } from "../auth/current";
import { NotFoundError } from "../data/errors";
import { apiJson } from "./route";

const NOT_FOUND = "Not found, or you do not have access to it.";
// Per user: no shared cache may keep it.
const json = (body: unknown, status = 200) => apiJson(body, status, { "Cache-Control": "private, no-store" });

/**
 * A chart's series as JSON, for the signed-in user's scope: what a page's
 * charts fetch once the page is on screen, so no page waits for its history.
 * Anonymous callers, and readers outside the record's scope, are told "not
 * found" and the refusal is audited; a bad query gets a 400 saying how to ask.
 */
export function seriesRoute<S extends z.ZodType>(name: string, query: S, usage: string, read: (principal: Principal, query: z.infer<S>) => Promise<object>) {
  return async function GET(request: Request): Promise<Response> {
    const principal = await getPrincipal();
    if (!principal) {
      await recordRefusal(null, "page", name);
      return json({ error: NOT_FOUND }, 404);
    }
    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return json({ error: usage }, 400);
    try {
      return json(await read(principal, parsed.data));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      await recordRefusal(principal, "page", name);
      return json({ error: NOT_FOUND }, 404);
    }
  };
}
