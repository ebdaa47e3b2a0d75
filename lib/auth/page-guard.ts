import "server-only";
import { notFound } from "next/navigation";
import { recordRefusal } from "../audit/refusal";
import { requirePrincipal } from "./current";
import type { Principal } from "./policy";

/**
 * For pages: the signed-in principal if `allowed` says yes; otherwise the
 * refusal is audited and the page answers 404, as if it did not exist.
 * The page's data functions check again; this only decides what to render.
 */
export async function requirePagePermission(page: string, allowed: (principal: Principal) => boolean): Promise<Principal> {
  const principal = await requirePrincipal();
  if (!allowed(principal)) {
    await recordRefusal(principal, "page", page);
    notFound();
  }
  return principal;
}
