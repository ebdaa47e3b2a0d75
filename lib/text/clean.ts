// Strings as Postgres and a hash can both hold them. JavaScript strings may carry
// lone UTF-16 surrogates (which Postgres cannot store: the driver's UTF-8 turns
// them into U+FFFD, so what was hashed is not what was stored) and NUL (which
// Postgres refuses in text and jsonb, a 500). Every string from outside passes
// through here once, at the edge (server actions, the API's JSON, sign-in), and
// the audit writer passes its whole event through it again before hashing.

/** Well-formed Unicode (a lone surrogate becomes U+FFFD, as Postgres would store it) with no NUL. */
export function cleanText(value: string): string {
  const wellFormed = value.isWellFormed() ? value : value.toWellFormed();
  return wellFormed.includes("\u0000") ? wellFormed.replaceAll("\u0000", "") : wellFormed;
}

/** Deeper than any input Twelvefold takes, far short of a stack overflow. */
export const MAX_NESTING = 64;

/** Input nested deeper than MAX_NESTING: the client's mistake (or an attack), refused as such by each edge. */
export class TooDeepError extends Error {
  constructor() {
    super(`The input is nested more than ${MAX_NESTING} levels deep.`);
    this.name = "TooDeepError";
  }
}

/**
 * `cleanText` over every string in a JSON-like value: object keys, array items,
 * nested values. Other values as they are. A value nested deeper than
 * MAX_NESTING throws TooDeepError, rather than overflowing the stack (a 500).
 */
export function cleanDeep<T>(value: T, depth = 0): T {
  if (typeof value === "string") return cleanText(value) as T;
  if (depth > MAX_NESTING && value && typeof value === "object") throw new TooDeepError();
  if (Array.isArray(value)) return value.map((item) => cleanDeep(item, depth + 1)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanDeep(v, depth + 1)])) as T;
  }
  return value;
}

/**
 * At most `max` UTF-16 code units of `value`, never ending in half of a
 * surrogate pair (the limit zod's `.max()` and the database columns count in).
 */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const end = max > 0 && isHighSurrogate(value.charCodeAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
