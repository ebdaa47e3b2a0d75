// `twelvefold scan <path>`: the command a pipeline runs. The report goes to
// stdout (or --output); progress and errors go to stderr, so JSON and SARIF
// can be piped. The token is read from TWELVEFOLD_TOKEN so it stays out of the
// process list and shell history; --token exists for a quick try by hand.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { catalogMain } from "../catalog/cli";
import { formatSarif } from "./format-sarif";
import { formatText } from "./format-text";
import { scanRepository, TOOL_NAME, TOOL_VERSION } from "./scan";
import { runImports } from "./imports";
import { submitEvidence, SubmitError } from "./submit";

export const USAGE = `Usage: twelvefold scan <path> [options]
       twelvefold scan [<path>] --import <file> [--import <file>…] [options]
       twelvefold catalog sync <path> [options]   (see twelvefold catalog --help)

Reads a repository and reports evidence for the Twelvefold checklist items it
can judge, each with the file and line it saw. With --import, also takes other
tools' outputs (SARIF 2.1.0, CycloneDX or SPDX JSON, OpenSSF Scorecard JSON,
npm audit --json, OSV-Scanner JSON) and submits each as evidence.

Options:
  --import <file>           a tool's output to submit as evidence (repeatable);
                            without --url, prints what it would suggest
  --format text|json|sarif  report format (default: text)
  --output <file>           write the report to a file instead of stdout
  --exclude <path>          leave out a folder or file (repeatable)
  --url <url>               Twelvefold to submit to (or TWELVEFOLD_URL)
  --service <slug>          the service the evidence is for
  --token <token>           API token with the "submit evidence" role
                            (prefer TWELVEFOLD_TOKEN: arguments are visible to other users)
  --fail-on-findings        exit with 1 when any item is not met
  --help, --version

Exit status: 0 done, 1 findings with --fail-on-findings, 2 bad usage or a failed submission.
`;

const optionsSchema = z
  .object({
    path: z.string(),
    imports: z.array(z.string().min(1)).default([]),
    format: z.enum(["text", "json", "sarif"], { error: "--format is text, json or sarif" }).default("text"),
    output: z.string().min(1).optional(),
    exclude: z.array(z.string().min(1)).default([]),
    url: z.url({ protocol: /^https?$/, error: "--url must be an http(s) address" }).optional(),
    service: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "--service is a service slug such as checkout-api")
      .optional(),
    token: z.string().min(1).optional(),
    failOnFindings: z.boolean().default(false),
  })
  .refine((o) => o.path || o.imports.length, { error: "Say which folder to scan (twelvefold scan <path>), or give --import <file>" })
  .refine((o) => !(o.url || o.service || o.token) || (o.url && o.service && o.token), {
    error: "To submit, give all of --url, --service and a token (TWELVEFOLD_TOKEN or --token)",
  });

const environmentSchema = z.object({
  TWELVEFOLD_URL: z.string().optional(),
  TWELVEFOLD_TOKEN: z.string().optional(),
  INIT_CWD: z.string().optional(),
});

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The command's whole outside world, given by scripts/twelvefold.mjs (and by tests). */
export async function main(argv: string[], io: Io): Promise<number> {
  if (argv[0] === "catalog") return catalogMain(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string" },
        output: { type: "string" },
        exclude: { type: "string", multiple: true },
        import: { type: "string", multiple: true },
        url: { type: "string" },
        service: { type: "string" },
        token: { type: "string" },
        "fail-on-findings": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || values.version) {
    io.stdout(values.help ? USAGE : `${TOOL_NAME} ${TOOL_VERSION}\n`);
    return 0;
  }
  if (positionals[0] !== "scan" || positionals.length > 2) {
    io.stderr(`${positionals[0] && positionals[0] !== "scan" ? `Unknown command "${positionals[0]}".\n\n` : ""}${USAGE}`);
    return 2;
  }
  const env = environmentSchema.parse(io.env);
  const options = optionsSchema.safeParse({
    path: positionals[1] ?? "",
    format: values.format,
    output: values.output,
    exclude: values.exclude,
    imports: values.import,
    url: values.url ?? env.TWELVEFOLD_URL,
    service: values.service,
    token: values.token ?? env.TWELVEFOLD_TOKEN,
    failOnFindings: values["fail-on-findings"],
  });
  if (!options.success) {
    io.stderr(`${options.error.issues.map((issue) => issue.message).join("\n")}\n\n${USAGE}`);
    return 2;
  }
  const o = options.data;
  // `npm run scan -- <path>` runs from the package folder; the path is the user's.
  const base = env.INIT_CWD ?? io.cwd;
  const imported = o.imports.length ? await runImports(o, base, io) : 0;
  if (!o.path) return imported;
  let report;
  try {
    report = scanRepository(path.resolve(base, o.path), { exclude: o.exclude });
  } catch (error) {
    io.stderr(`Cannot scan ${o.path}: ${(error as Error).message}\n`);
    return 2;
  }
  const rendered =
    o.format === "json"
      ? `${JSON.stringify(report, null, 2)}\n`
      : o.format === "sarif"
        ? `${JSON.stringify(formatSarif(report), null, 2)}\n`
        : formatText(report);
  if (o.output) {
    writeFileSync(path.resolve(base, o.output), rendered);
    io.stderr(`Report written to ${o.output}\n`);
  } else {
    io.stdout(rendered);
  }
  if (o.url && o.service && o.token) {
    if (!report.results.length) {
      io.stderr("Nothing to submit: no item could be judged.\n");
    } else {
      try {
        const source = `${TOOL_NAME} ${TOOL_VERSION}`;
        const sent = await submitEvidence({ url: o.url, token: o.token, service: o.service, source, results: report.results });
        const where = sent.assessmentUnderWay
          ? `they wait as suggestions in ${new URL(`/assessments/${sent.assessmentUnderWay}`, o.url)}`
          : "they will be suggested in the next assessment";
        io.stderr(`Submitted ${sent.accepted} results for ${sent.service}; ${where}\n`);
      } catch (error) {
        io.stderr(`${error instanceof SubmitError ? error.message : `Submission failed: ${(error as Error).message}`}\n`);
        return 2;
      }
    }
  }
  if (imported === 2) return 2;
  return o.failOnFindings && report.results.some((r) => r.status === "not_met") ? 1 : 0;
}
