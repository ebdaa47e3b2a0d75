// `twelvefold catalog sync <path>`: finds every catalog-info.yaml under a path
// (a monorepo, or a checkout of many repositories) and syncs the services they
// describe into Twelvefold, through POST /api/v1/catalog with an integration
// token. It previews first and applies only that plan (its digest), so what it
// printed is what changed. Nothing changes when any row is refused.
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { findCatalogFiles } from "./files";
import type { PlanJson } from "./report";

export const CATALOG_USAGE = `Usage: twelvefold catalog sync <path> [options]

Finds every catalog-info.yaml under <path> and syncs the services its
components describe: new ones are created, changed ones updated in place,
and services whose entity is gone are marked "missing from catalogue".
The files found are taken as the whole catalogue.

Options:
  --url <url>      Twelvefold to sync into (or TWELVEFOLD_URL)
  --token <token>  integration token for the catalogue sync
                   (prefer TWELVEFOLD_CATALOG_TOKEN: arguments are visible to other users)
  --dry-run        say what would change, and change nothing
  --format text|json  (default: text)
  --help

Exit status: 0 synced (or previewed) with nothing refused, 1 rows refused
(nothing changed), 2 bad usage or a failed request.
`;

const optionsSchema = z.object({
  path: z.string().min(1, "Say where the catalogue is: twelvefold catalog sync <path>"),
  url: z.url({ protocol: /^https?$/, error: "--url (or TWELVEFOLD_URL) must be an http(s) address" }),
  token: z
    .string({ error: "Give an integration token for the catalogue sync (an admin makes one on the catalogue page): TWELVEFOLD_CATALOG_TOKEN=tfi_…" })
    .regex(/^tfi_[A-Za-z0-9_-]{43}$/, "That is not an integration token for the catalogue sync: it starts tfi_ (an admin makes one on the catalogue page)."),
  dryRun: z.boolean().default(false),
  format: z.enum(["text", "json"], { error: "--format is text or json" }).default("text"),
});

export interface CatalogIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

type Answer = PlanJson & { applied: boolean; error?: { code?: string; message?: string } };

async function post(url: string, token: string, body: unknown): Promise<{ status: number; answer: Answer | null }> {
  const response = await fetch(new URL("/api/v1/catalog", url), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(300_000),
  });
  return { status: response.status, answer: (await response.json().catch(() => null)) as Answer | null };
}

/** The plan in lines a person reads: the counts, then each row with its place. */
export function formatPlan(answer: PlanJson): string {
  const c = answer.counts;
  const lines = [
    `${c.created} to create, ${c.updated} to update, ${c.markedMissing} to mark missing, ${c.unchanged} unchanged, ${c.ignored} passed over, ${c.refused} refused.`,
    ...answer.create.map((r) => `  create   ${r.ref}  "${r.name}" in ${r.team} (${r.tier})`),
    ...answer.update.map((r) => `  update   ${r.ref}  "${r.name}" in ${r.team}: ${r.changes.join(", ")}`),
    ...answer.markMissing.map((r) => `  missing  ${r.ref}  "${r.name}" in ${r.team}`),
    ...answer.refused.map((r) => `  refused  ${r.file}:${r.line}  ${r.reason}`),
  ];
  return `${lines.join("\n")}\n`;
}

export async function catalogMain(argv: string[], io: CatalogIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: "string" },
        token: { type: "string" },
        "dry-run": { type: "boolean" },
        format: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${CATALOG_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(CATALOG_USAGE);
    return 0;
  }
  if (positionals[0] !== "sync" || positionals.length > 2) {
    io.stderr(CATALOG_USAGE);
    return 2;
  }
  const options = optionsSchema.safeParse({
    path: positionals[1] ?? "",
    url: values.url ?? io.env.TWELVEFOLD_URL,
    token: values.token ?? io.env.TWELVEFOLD_CATALOG_TOKEN,
    dryRun: values["dry-run"],
    format: values.format,
  });
  if (!options.success) {
    io.stderr(`${options.error.issues.map((issue) => issue.message).join("\n")}\n\n${CATALOG_USAGE}`);
    return 2;
  }
  const o = options.data;
  let files;
  try {
    files = findCatalogFiles(path.resolve(io.env.INIT_CWD ?? io.cwd, o.path));
  } catch (error) {
    io.stderr(`Cannot read ${o.path}: ${(error as Error).message}\n`);
    return 2;
  }
  if (!files.length) {
    io.stderr(`No catalog-info.yaml under ${o.path}.\n`);
    return 2;
  }
  io.stderr(`Found ${files.length} catalogue file${files.length === 1 ? "" : "s"} under ${o.path}.\n`);
  try {
    const preview = await post(o.url, o.token, { files });
    if (preview.status !== 200 || !preview.answer?.counts) {
      io.stderr(`Twelvefold refused the catalogue (HTTP ${preview.status}): ${preview.answer?.error?.message ?? "no reason given"}\n`);
      return 2;
    }
    const show = (answer: Answer) => io.stdout(o.format === "json" ? `${JSON.stringify(answer, null, 2)}\n` : formatPlan(answer));
    if (o.dryRun || preview.answer.refused.length) {
      show(preview.answer);
      if (preview.answer.refused.length) io.stderr("Nothing was changed: fix the refused rows and sync again.\n");
      return preview.answer.refused.length ? 1 : 0;
    }
    const applied = await post(o.url, o.token, { files, apply: true, expectedDigest: preview.answer.digest });
    if (applied.status !== 200 || !applied.answer?.counts) {
      io.stderr(`Nothing was changed (HTTP ${applied.status}): ${applied.answer?.error?.message ?? "no reason given"}\n`);
      return applied.status === 422 ? 1 : 2;
    }
    show(applied.answer);
    io.stderr(applied.answer.applied ? "Synced.\n" : "Already in sync: nothing to change.\n");
    return 0;
  } catch (error) {
    io.stderr(`Could not reach ${new URL(o.url).origin}: ${(error as Error).message}\n`);
    return 2;
  }
}
