// `twelvefold scan --import <file>…`: each tool output is sent as it is to the
// import route, which parses and maps it; without --url it is parsed and mapped
// here, and what it would suggest is printed.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { allItems, latestChecklist } from "../checklist";
import { applyMapping } from "../evidence/imports/mapper";
import { BUILT_IN_MAPPING } from "../evidence/imports/mapping";
import { MAX_IMPORT_BYTES, parseImport } from "../evidence/imports/parse";
import { ImportRefusal } from "../evidence/imports/types";
import { postToTwelvefold, SubmitError } from "./submit";

interface ImportOptions {
  imports: string[];
  url?: string;
  service?: string;
  token?: string;
}

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

interface ImportAnswer {
  import: { format: string; formatVersion: string; results: number; mapped: number; notes: string[] };
  suggested: { itemId: string; status: string }[];
  drifted: { itemId: string; kind: string }[];
}

/** 0 when every file was read (and sent), 2 when one was refused; the rest are still tried. */
export async function runImports(options: ImportOptions, base: string, io: Io): Promise<0 | 2> {
  let status: 0 | 2 = 0;
  for (const given of options.imports) {
    const file = path.resolve(base, given);
    try {
      const size = statSync(file).size;
      if (size > MAX_IMPORT_BYTES) throw new ImportRefusal(`it is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      const bytes = readFileSync(file);
      const answer = options.url && options.service && options.token ? await send(options, bytes, path.basename(file)) : locally(bytes);
      io.stderr(describe(given, answer, Boolean(options.url)));
    } catch (error) {
      const reason =
        error instanceof ImportRefusal || error instanceof SubmitError
          ? error.message
          : `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      io.stderr(`${given}: not imported: ${reason}\n`);
      status = 2;
    }
  }
  return status;
}

function locally(bytes: Uint8Array): ImportAnswer {
  const parsed = parseImport(bytes);
  const mapped = applyMapping(parsed, BUILT_IN_MAPPING, new Set(allItems(latestChecklist()).map((i) => i.id)));
  return {
    import: { format: parsed.format, formatVersion: parsed.formatVersion, results: mapped.total, mapped: mapped.mapped, notes: mapped.notes },
    suggested: mapped.results.map((r) => ({ itemId: r.itemId, status: r.status })),
    drifted: [],
  };
}

async function send(options: ImportOptions, bytes: Uint8Array, name: string): Promise<ImportAnswer> {
  const endpoint = new URL(`/api/v1/services/${encodeURIComponent(options.service!)}/evidence/imports`, options.url);
  endpoint.searchParams.set("name", name);
  return postToTwelvefold<ImportAnswer>(endpoint, options.token!, new Blob([new Uint8Array(bytes)]), 300_000);
}

function describe(given: string, answer: ImportAnswer, sent: boolean): string {
  const { import: imp } = answer;
  const lines = [
    `${given}: ${imp.format} ${imp.formatVersion}, ${imp.results} results, ${imp.mapped} mapped to items; ${sent ? "submitted" : "would suggest"}: ${
      answer.suggested.map((s) => `${s.itemId} ${s.status.replace("_", " ")}`).join(", ") || "nothing"
    }`,
    ...imp.notes.map((note) => `  note: ${note}`),
    ...answer.drifted.map((d) => `  drift: ${d.itemId} (${d.kind.replace("_", " ")}) no longer agrees with its approved answer`),
  ];
  return `${lines.join("\n")}\n`;
}
