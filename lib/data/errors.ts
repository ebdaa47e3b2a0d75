// Errors the data layer throws for expected failures. Actions turn them into
// messages; anything else is unexpected and goes to error.tsx.

/** Missing, or out of the caller's scope: the same answer, so nobody learns what exists. */
export class NotFoundError extends Error {
  constructor() {
    super("not found");
    this.name = "NotFoundError";
  }
}

/** A request that cannot be carried out as asked; the message is safe to show. */
export class ValidationError extends Error {
  constructor(
    message: string,
    /** Per-field messages, when the problem belongs to one field of a form. */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

/** In the caller's scope, but their role does not allow this change. */
export class ForbiddenError extends Error {
  constructor() {
    super("forbidden");
    this.name = "ForbiddenError";
  }
}

/** Allowed, but not now: too much of this is under way (the caller's own, or everyone's). The message is safe to show. */
export class BusyError extends Error {
  constructor(
    message: string,
    /** When to try again, in seconds. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "BusyError";
  }
}
