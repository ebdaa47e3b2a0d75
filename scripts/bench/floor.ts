// A page's SQL floor: the queries its data functions send, run alone. We call the
// same lib/data functions the page's server components call (as the demo
// auditor), record every read at the pg driver, then replay the recording on one
// connection many times, one after another (the page may run some at once, so
// the floor can exceed what the page waits for).
import pg from "pg";
import { percentiles, type Timings } from "./measure";

export type Floor = Timings & { queries: number };

interface Recorded {
  text: string;
  values: unknown[];
}

let recording: Recorded[] | null = null;
const original = pg.Client.prototype.query;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
(pg.Client.prototype as any).query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
  if (recording) {
    const text = typeof config === "string" ? config : (config as { text?: string })?.text;
    const params = typeof config === "object" && config && "values" in config ? (config as { values: unknown[] }).values : Array.isArray(values) ? values : [];
    // Reads only: writes (the PDF's export record and audit event) cannot be
    // replayed as they were, and a floor is what the page needs to read.
    if (text && /^\s*(SELECT|WITH)\b/i.test(text) && !/\b(INSERT|UPDATE|DELETE)\b/i.test(text) && !/^\s*SELECT 1\b/i.test(text)) {
      recording.push({ text, values: params });
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (original as any).call(this, config, values, callback);
};

async function record(fn: () => Promise<unknown>): Promise<Recorded[]> {
  recording = [];
  try {
    await fn();
    return recording;
  } finally {
    recording = null;
  }
}

async function replay(url: string, statements: Recorded[], runs: number): Promise<Floor> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const samples: number[] = [];
    for (let run = 0; run < runs + 2; run++) {
      const started = performance.now();
      for (const statement of statements) await client.query(statement.text, statement.values as unknown[]);
      if (run >= 2) samples.push(performance.now() - started);
    }
    return { ...percentiles(samples), queries: statements.length };
  } finally {
    await client.end();
  }
}

export async function measureFloors(url: string, targets: { slug: string; assessmentId: string }, runs = 40): Promise<Record<string, Floor>> {
  // The data layer reads DATABASE_URL through lib/env; point it at the bench database.
  process.env.DATABASE_URL = url;
  const { getPrisma } = await import("../../lib/db/prisma");
  const { principalInclude, toPrincipal } = await import("../../lib/auth/sessions");
  const { listServiceSummaries } = await import("../../lib/data/list-service-summaries");
  const { countOpenFindings } = await import("../../lib/data/count-open-findings");
  const { listVisibleTeams } = await import("../../lib/data/list-visible-teams");
  const { getPortfolioTrend } = await import("../../lib/data/reports/portfolio-trend");
  const { listAssessmentGaps } = await import("../../lib/data/reports/list-assessment-gaps");
  const { comparePeriods, defaultPeriods } = await import("../../lib/data/reports/compare-periods");
  const { getService } = await import("../../lib/data/services/get-service");
  const { getServiceReport } = await import("../../lib/data/reports/service-report");
  const { listFindings } = await import("../../lib/data/findings/list-findings");
  const { parseFindingFilter } = await import("../../lib/findings/filter");
  const { exportAssessmentPdf } = await import("../../lib/data/exports/export-assessment-pdf");

  const prisma = getPrisma();
  const now = new Date();
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "auditor@demo.test" }, include: principalInclude(now) });
  const principal = toPrincipal(user);
  const context = { origin: "http://localhost", ipAddress: "127.0.0.1", userAgent: "bench" };

  const pages: Record<string, () => Promise<unknown>> = {
    dashboard: () =>
      Promise.all([
        listServiceSummaries(principal),
        countOpenFindings(principal),
        listVisibleTeams(principal),
        getPortfolioTrend(principal, { months: 18 }),
        listAssessmentGaps(principal),
        comparePeriods(principal, defaultPeriods(now)),
      ]),
    service: async () => {
      const service = await getService(principal, targets.slug);
      await getServiceReport(principal, service.id);
    },
    findings: () => Promise.all([listFindings(principal, parseFindingFilter({ severity: "high", page: "3" })), listVisibleTeams(principal), listServiceSummaries(principal)]),
    pdf: () => exportAssessmentPdf(principal, { assessmentId: targets.assessmentId }, context),
  };
  const floors: Record<string, Floor> = {};
  for (const [key, run] of Object.entries(pages)) {
    await run(); // warm the client and the caches, as the server's are
    const statements = await record(run);
    floors[key] = await replay(url, statements, key === "pdf" ? 10 : runs);
  }
  await prisma.$disconnect();
  return floors;
}
