import "server-only";
import { notFound } from "next/navigation";
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
