import "server-only";
import { notFound } from "next/navigation";
import type { Principal } from "../auth/policy";
import { requirePrincipal } from "../auth/current";
import { NotFoundError } from "./errors";

/** For pages: a record missing or out of the caller's scope renders the 404 page. */
export async function notFoundOnMissing<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

const RECORD_ID = /^[0-9a-f-]{36}$/;

/**
 * For a page at `…/[id]`: the signed-in principal and the record its address
 * names, read in the principal's scope. A malformed id, or a record missing or
 * out of scope, renders the 404 page; `valid` may refuse the address's other parts.
 */
export async function pageRecord<P extends { id: string }, T>(
  params: Promise<P>,
  read: (principal: Principal, id: string) => Promise<T>,
  valid: (params: P) => boolean = () => true,
): Promise<{ principal: Principal; params: P; record: T }> {
  const principal = await requirePrincipal();
  const address = await params;
  if (!RECORD_ID.test(address.id) || !valid(address)) notFound();
  return { principal, params: address, record: await notFoundOnMissing(read(principal, address.id)) };
}
