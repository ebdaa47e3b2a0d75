// One entry for every format: SARIF is recognised and read while it streams;
// anything else is kept (up to MAX_DOCUMENT_BYTES), parsed whole at the end and
// recognised by its fields. The upload is never held whole when it is SARIF.
import { createHash } from "node:crypto";
import { TooDeepError } from "../../text/clean";
import { readDocument } from "./formats";
import { createSarifReader, type FindingSink } from "./sarif";
import { ImportRefusal, type ParsedImport } from "./types";

/** The largest upload the import takes (SARIF streams; other formats are parsed whole). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** The upload passed MAX_IMPORT_BYTES: the API answers 413. */
export class ImportTooLarge extends Error {
  constructor() {
    super(`Send at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
    this.name = "ImportTooLarge";
  }
}

/** The upload stopped arriving for longer than the import waits, or took too long in all: the API answers 408. */
export class ImportStalled extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportStalled";
  }
}

/** How long an upload may send nothing before it is dropped (its results are written as they come, on a held connection). */
export const IMPORT_IDLE_MS = 30_000;
/** How long a whole upload may take (100 MB at about 170 KB/s). */
export const IMPORT_TOTAL_MS = 600_000;

/** How long to wait for each chunk, and how to let go of a source that stalled (a pending read cannot be returned from). */
export interface IdleLimit {
  idleMs?: number;
  totalMs?: number;
  onStall?: () => void;
}

/** Each chunk, or ImportStalled when none comes within `idleMs` (after `onStall`); the source is closed either way. */
async function* untilIdle(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  { idleMs = IMPORT_IDLE_MS, totalMs = IMPORT_TOTAL_MS, onStall }: IdleLimit,
): AsyncGenerator<Uint8Array> {
  const source = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : (chunks as Iterable<Uint8Array>)[Symbol.iterator]();
  let done = false;
  const deadline = performance.now() + totalMs;
  try {
    for (;;) {
      const left = deadline - performance.now();
      const wait = Math.max(0, Math.min(idleMs, left));
      let timer: NodeJS.Timeout | undefined;
      const idle = new Promise<"idle">((resolve) => (timer = setTimeout(() => resolve("idle"), wait)));
      const next = await Promise.race([Promise.resolve(source.next()), idle]).finally(() => clearTimeout(timer));
      if (next === "idle") {
        onStall?.();
        throw new ImportStalled(
          wait < idleMs
            ? `The upload took longer than ${Math.round(totalMs / 60_000)} minutes; send the file again over a faster link, or split it.`
            : `The upload sent nothing for ${Math.round(idleMs / 1000)} s; send the file again.`,
        );
      }
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // A stalled or refused upload is cancelled, so the request's body is let go.
    if (!done) void Promise.resolve(source.return?.()).catch(() => undefined);
  }
}

export interface ReadImport {
  parsed: ParsedImport;
  sha256: string;
  byteSize: number;
}

/** Where SARIF's results go as they are read, and a wait after each chunk (for the writer to catch up). */
export interface ImportSink {
  finding: FindingSink;
  settle(): Promise<void>;
}

/**
 * Reads an upload chunk by chunk: counted against the limit, hashed, and parsed
 * as it comes. With a sink, SARIF's results go to it as they are read (and the
 * runs come back without them); the next chunk is read once the sink has settled.
 */
export async function readImport(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, sink?: ImportSink, limit: IdleLimit = {}): Promise<ReadImport> {
  const hash = createHash("sha256");
  const sarif = createSarifReader(sink?.finding);
  let kept: Uint8Array[] | null = [];
  let size = 0;
  let head = "";
  for await (const chunk of untilIdle(chunks, limit)) {
    size += chunk.byteLength;
    if (size > MAX_IMPORT_BYTES) throw new ImportTooLarge();
    if (head.length < 256) head += Buffer.from(chunk.subarray(0, 256)).toString("utf8");
    hash.update(chunk);
    sarif.write(chunk);
    // Once it is SARIF, nothing else will parse it: the chunks are let go.
    if (kept && size <= MAX_DOCUMENT_BYTES && !sarif.isSarif) kept.push(chunk);
    else kept = null;
    if (sink) await sink.settle();
  }
  return { parsed: finish(head, size, sarif.finish.bind(sarif), () => Buffer.concat(kept ?? [])), sha256: hash.digest("hex"), byteSize: size };
}

function finish(head: string, size: number, sarif: () => ReturnType<ReturnType<typeof createSarifReader>["finish"]>, whole: () => Buffer): ParsedImport {
  if (size === 0) throw new ImportRefusal("The file is empty.");
  const start = head.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("<")) throw new ImportRefusal("XML is not read (CycloneDX XML, SPDX RDF, JUnit): send the tool's JSON output.");
  if (/^SPDXVersion:/i.test(start)) throw new ImportRefusal("SPDX tag-value is not read: send SPDX 2.3 JSON.");
  if (!start.startsWith("{")) throw new ImportRefusal("The file is not a JSON object.");
  const runs = sarif();
  if (runs) return { format: "sarif", formatVersion: "2.1.0", runs };
  if (size > MAX_DOCUMENT_BYTES) throw new ImportRefusal(`Only SARIF may be over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; this file is not SARIF.`);
  let value: unknown;
  try {
    value = JSON.parse(whole().toString("utf8"));
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

/** The same, for bytes already in memory (tests, the command line). */
export function parseImport(bytes: Uint8Array): ParsedImport {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportTooLarge();
  const sarif = createSarifReader();
  for (let at = 0; at < bytes.length; at += 64 * 1024) sarif.write(bytes.subarray(at, at + 64 * 1024));
  return finish(
    Buffer.from(bytes.subarray(0, 256)).toString("utf8"),
    bytes.length,
    () => sarif.finish(),
    () => Buffer.from(bytes),
  );
}
