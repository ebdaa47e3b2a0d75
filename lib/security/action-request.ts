// The shape a server action request must have before Next decodes it. Next
// answers any body it cannot decode (broken multipart, a body that is not
// JSON, a reference to a part that was never sent) with a 500, as if the
// server had failed; these are the client's mistakes, or an attacker's, and get
// a 4xx here instead. The rules follow what React's client encodes for our
// forms: the arguments are one JSON array (the whole body, or the multipart
// field "0"); a string in it that starts with "$" is an escaped string ("$$"),
// a form's fields ("$K1", sent as "1_name" parts) or a scalar React spells that
// way (undefined, a date, a bigint, NaN, the infinities, minus zero). Anything
// else a reply could hold (outlined parts, promises, streams, server
// references, temporary references) none of our forms sends.

/** The most a server action request may carry: an evidence file (5 MB) and the form around it. */
export const ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
/** Next refuses more arguments than this; so do we, before it tries. */
const MAX_ARGUMENTS = 1000;
/** Deep enough for any state our forms pass back, far short of a stack overflow. */
const MAX_DEPTH = 32;

const REFERENCE = /^\$(?:\$|K[0-9a-f]+$|undefined$|D|n-?\d+$|NaN$|-?Infinity$|-0$)/;

export interface Refusal {
  status: 400 | 413;
  reason: string;
}

function refuse(reason: string, status: 400 | 413 = 400): Refusal {
  return { status, reason };
}

/** Whether a decoded JSON value holds only what React's client sends for our forms. */
function plain(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === "string") return !value.startsWith("$") || REFERENCE.test(value);
  if (Array.isArray(value)) return value.every((item) => plain(item, depth + 1));
  if (value && typeof value === "object") return Object.values(value).every((item) => plain(item, depth + 1));
  return true;
}

/** Checks the arguments' JSON: an array of plain values. */
export function checkActionArguments(text: string): Refusal | null {
  let args: unknown;
  try {
    args = JSON.parse(text);
  } catch {
    return refuse("the arguments are not JSON");
  }
  if (!Array.isArray(args)) return refuse("the arguments are not a list");
  if (args.length > MAX_ARGUMENTS) return refuse("too many arguments");
  if (!plain(args, 0)) return refuse("the arguments hold a reference no form sends, or nest too deeply");
  return null;
}

/** Whether `request` is a server action call (React's client sets the header on every one). */
export function isActionRequest(request: Request): boolean {
  return request.method === "POST" && request.headers.has("next-action");
}

/** Whether `request` may be a form posted without JavaScript (multipart, no header): Next looks inside for an action. */
export function isFormPost(request: Request): boolean {
  return request.method === "POST" && !request.headers.has("next-action") && /^multipart\/form-data/i.test(request.headers.get("content-type") ?? "");
}

const BOUND = /^\$@[0-9a-f]+$/;

/**
 * Checks the fields a form posted without JavaScript names its action by, as
 * React reads them: the last "$ACTION_ID_<id>" or "$ACTION_REF_<n>" field wins;
 * a reference's "$ACTION_<n>:0" field holds {id, bound}, and "bound" points to
 * the field with the bound arguments (the form's previous state).
 */
export function checkFormAction(form: FormData): Refusal | null {
  let key: string | null = null;
  for (const name of form.keys()) if (name.startsWith("$ACTION_REF_") || name.startsWith("$ACTION_ID_")) key = name;
  if (!key?.startsWith("$ACTION_REF_")) return null; // not an action, or one Next looks up by id
  const prefix = `$ACTION_${key.slice("$ACTION_REF_".length)}:`;
  const meta = form.get(`${prefix}0`);
  let parsed: unknown;
  try {
    parsed = typeof meta === "string" ? JSON.parse(meta) : null;
  } catch {
    return refuse("the form's action reference is not JSON");
  }
  const { id, bound } = (parsed ?? {}) as { id?: unknown; bound?: unknown };
  if (typeof id !== "string" || !(bound === null || (typeof bound === "string" && BOUND.test(bound)))) {
    return refuse("the form's action reference is malformed");
  }
  if (bound === null) return null;
  const args = form.get(`${prefix}${bound.slice(2)}`);
  return typeof args === "string" ? checkActionArguments(args) : refuse("the form's bound arguments are missing");
}

/**
 * Checks a server action call, or a form posted without JavaScript, reading a
 * copy of its body (Next keeps its own). Null when Next can decode it;
 * otherwise the status and the reason.
 */
export async function checkActionRequest(request: Request): Promise<Refusal | null> {
  const formPost = isFormPost(request);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > ACTION_BODY_LIMIT_BYTES) return refuse("the body is larger than any form sends", 413);
  let body: ArrayBuffer;
  try {
    body = await request.arrayBuffer();
  } catch {
    return refuse("the body could not be read");
  }
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return refuse("the body is larger than any form sends", 413);
  const contentType = request.headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(contentType)) {
    if (!/;\s*boundary=/i.test(contentType)) return refuse("the multipart body names no boundary");
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch {
      return refuse("the multipart body is malformed");
    }
    if (formPost) return checkFormAction(form);
    const root = form.get("0");
    if (typeof root !== "string") return refuse("the multipart body has no arguments field");
    return checkActionArguments(root);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return refuse("the body is not UTF-8 text");
  }
  return checkActionArguments(text);
}
