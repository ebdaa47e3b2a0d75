// One entry for every format: SARIF is recognised while it streams; anything
// else is parsed whole (up to MAX_DOCUMENT_BYTES) and recognised by its fields.
import { TooDeepError } from "../../text/clean";
import { readDocument } from "./formats";
import { readSarif } from "./sarif";
import { ImportRefusal, type ParsedImport } from "./types";

/** The largest upload the import takes (SARIF streams; other formats are parsed whole). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

export function parseImport(bytes: Uint8Array): ParsedImport {
  if (bytes.length === 0) throw new ImportRefusal("The file is empty.");
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportRefusal(`The file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  const start = Buffer.from(bytes.subarray(0, 256))
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (start.startsWith("<")) throw new ImportRefusal("XML is not read (CycloneDX XML, SPDX RDF, JUnit): send the tool's JSON output.");
  if (/^SPDXVersion:/i.test(start)) throw new ImportRefusal("SPDX tag-value is not read: send SPDX 2.3 JSON.");
  if (!start.startsWith("{")) throw new ImportRefusal("The file is not a JSON object.");
  const sarif = readSarif(bytes);
  if (sarif) return { format: "sarif", formatVersion: "2.1.0", runs: sarif };
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new ImportRefusal(`Only SARIF may be over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; this file is not SARIF.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (error) {
    throw new ImportRefusal(`The file is not valid JSON: ${(error as Error).message.slice(0, 200)}`);
  }
  try {
    return readDocument(value);
  } catch (error) {
    if (error instanceof TooDeepError) throw new ImportRefusal(error.message);
    throw error;
  }
}
