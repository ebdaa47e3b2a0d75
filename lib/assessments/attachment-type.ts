// Which evidence files are accepted, judged by their bytes as well as their
// name: a file whose content is not what its extension claims is refused.
// Whatever passes is still served only as a download (see the route handler).
import { cleanText } from "../text/clean";

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_NAME_MAX = 200;

interface Kind {
  contentType: string;
  extensions: readonly string[];
  matches: (bytes: Uint8Array) => boolean;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, i) => bytes[i] === byte);

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const KINDS: readonly Kind[] = [
  { contentType: "application/pdf", extensions: ["pdf"], matches: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { contentType: "image/png", extensions: ["png"], matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { contentType: "image/jpeg", extensions: ["jpg", "jpeg"], matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { contentType: "image/gif", extensions: ["gif"], matches: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) },
  { contentType: "text/plain", extensions: ["txt", "log", "md"], matches: isPlainText },
  { contentType: "text/csv", extensions: ["csv"], matches: isPlainText },
  { contentType: "application/json", extensions: ["json", "sarif"], matches: isPlainText },
  { contentType: "application/yaml", extensions: ["yaml", "yml"], matches: isPlainText },
];

export const ACCEPTED_EXTENSIONS = KINDS.flatMap((kind) => kind.extensions);

export type AttachmentCheck = { ok: true; contentType: string; fileName: string } | { ok: false; reason: string };

/** Keeps a name printable and short; the stored name is only ever shown and offered as a download name. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const printable = cleanText(base)
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim();
  const tail = printable.slice(-ATTACHMENT_NAME_MAX);
  // Kept from the end (the extension matters), never starting with half of a surrogate pair.
  return (/^[\uDC00-\uDFFF]/.test(tail) ? tail.slice(1) : tail) || "attachment";
}

export function checkAttachment(name: string, bytes: Uint8Array): AttachmentCheck {
  if (bytes.byteLength === 0) return { ok: false, reason: "The file is empty." };
  if (bytes.byteLength > ATTACHMENT_MAX_BYTES) return { ok: false, reason: `The file is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.` };
  const fileName = cleanFileName(name);
  const extension = fileName.includes(".") ? fileName.split(".").pop()!.toLowerCase() : "";
  const kind = KINDS.find((k) => k.extensions.includes(extension));
  if (!kind) return { ok: false, reason: `Files of this type are not accepted. Use one of: ${ACCEPTED_EXTENSIONS.join(", ")}.` };
  if (!kind.matches(bytes)) return { ok: false, reason: `The file's content is not a ${extension.toUpperCase()} file, whatever its name says.` };
  return { ok: true, contentType: kind.contentType, fileName };
}
