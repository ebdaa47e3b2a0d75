// A page's SQL floor: the queries its data functions send, run alone. We call the
// same lib/data functions the page's server components call (as the demo
// auditor), record every read at the pg driver, then replay the recording on one
// connection many times, one after another (the page may run some at once, so
// the floor can exceed what the page waits for).
import pg from "pg";
import type { SaveTarget } from "./autosave";
import { percentiles, type Timings } from "./measure";

export type Floor = Timings & { queries: number; slowest: { meanMs: number; sql: string }[] };

interface Recorded {
  text: string;
  values: unknown[];
}

let recording: Recorded[] | null = null;
let recordWrites = false;
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;
const original = pg.Client.prototype.query;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
(pg.Client.prototype as any).query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
  if (recording) {
    const text = typeof config === "string" ? config : (config as { text?: string })?.text;
    const params = typeof config === "object" && config && "values" in config ? (config as { values: unknown[] }).values : Array.isArray(values) ? values : [];
    // Pages: reads only. Their writes (the PDF's export record, audit events)
    // are bookkeeping, and a page's floor is what it needs to read. A save:
    // everything but transaction control, replayed in a transaction rolled back.
    // (An audit event is appended by SELECT audit_append(…): a write, and one that must follow the chain's head.)
    const read = text && /^\s*(SELECT|WITH)\b/i.test(text) && !/\b(INSERT|UPDATE|DELETE)\b|\baudit_append\(/i.test(text) && !/^\s*SELECT 1\b/i.test(text);
    if (text && (read || (recordWrites && !TRANSACTION_CONTROL.test(text)))) recording.push({ text, values: params });
  }
  // A recorded save never lands: its COMMIT becomes a ROLLBACK, so the replays
  // (each in a transaction rolled back) start from the same state and audit chain.
  const text = typeof config === "string" ? config : (config as { text?: string })?.text;
  if (recording && recordWrites && text && /^\s*COMMIT\b/i.test(text)) config = "ROLLBACK";
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (original as any).call(this, config, values, callback);
};

async function record(fn: () => Promise<unknown>, writes = false): Promise<Recorded[]> {
  recording = [];
  recordWrites = writes;
  try {
    await fn();
    return recording;
  } finally {
    recording = null;
    recordWrites = false;
  }
}

/** The three statements that cost the most on average, so a slow floor says where to look. */
function slowest(statements: Recorded[], totals: number[], runs: number): Floor["slowest"] {
  return statements
    .map((statement, i) => ({ meanMs: Math.round((totals[i]! / runs) * 10) / 10, sql: statement.text.replace(/\s+/g, " ").slice(0, 300) }))
    .sort((a, b) => b.meanMs - a.meanMs)
    .slice(0, 3);
}

async function replay(url: string, statements: Recorded[], runs: number, rolledBack = false): Promise<Floor> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const samples: number[] = [];
    const each = statements.map(() => 0);
    for (let run = 0; run < runs + 2; run++) {
      const started = performance.now();
      if (rolledBack) await client.query("BEGIN");
      for (const [i, statement] of statements.entries()) {
        const one = performance.now();
        await client.query(statement.text, statement.values as unknown[]);
        if (run >= 2) each[i]! += performance.now() - one;
      }
      if (rolledBack) await client.query("ROLLBACK");
      if (run >= 2) samples.push(performance.now() - started);
    }
    return { ...percentiles(samples), queries: statements.length, slowest: slowest(statements, each, runs) };
  } finally {
    await client.end();
  }
}

export interface FloorTargets {
  slug: string;
  assessmentId: string;
  /** The draft answer the autosave writes, as it stands. */
  save: SaveTarget;
}

export async function measureFloors(url: string, targets: FloorTargets, runs = 40): Promise<Record<string, Floor>> {
  // The data layer reads DATABASE_URL through lib/env; point it at the bench database.
  process.env.DATABASE_URL = url;
  const { getPrisma } = await import("../../lib/db/prisma");
  const { principalInclude, readSession, toPrincipal } = await import("../../lib/auth/sessions");
  const { listServiceScores } = await import("../../lib/data/services/list-service-summaries");
  const { countOpenFindings } = await import("../../lib/data/findings/count-open-findings");
  const { listVisibleTeams } = await import("../../lib/data/teams/list-visible-teams");
  const { listServicePicker } = await import("../../lib/data/services/list-service-picker");
  const { getPortfolioTrend } = await import("../../lib/data/reports/portfolio-trend");
  const { listAssessmentGaps } = await import("../../lib/data/reports/list-assessment-gaps");
  const { comparePeriods, defaultPeriods } = await import("../../lib/data/reports/compare-periods");
  const { getService } = await import("../../lib/data/services/get-service");
  const { getServiceFigures, getServiceTrend } = await import("../../lib/data/reports/service-report");
  const { listFindings } = await import("../../lib/data/findings/list-findings");
  const { parseFindingFilter } = await import("../../lib/findings/filter");
  const { exportAssessmentPdf } = await import("../../lib/data/exports/export-assessment-pdf");
  const { saveResponse } = await import("../../lib/data/assessments/save-response");
  const { getAccount } = await import("../../lib/data/account/get-account");

  const prisma = getPrisma();
  const now = new Date();
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "auditor@demo.test" }, include: principalInclude(now) });
  const principal = toPrincipal(user);
  const reviewer = toPrincipal(await prisma.user.findUniqueOrThrow({ where: { email: "reviewer@demo.test" }, include: principalInclude(now) }));
  // Every signed-in request reads its session (with the user's roles and
  // grants) before anything else: part of each page's floor. The bench signed
  // in over HTTP before this, so each account has a live session to read.
  const sessionRead = async (email: string) => {
    const live = await prisma.session.findFirstOrThrow({
      where: { user: { email }, endedAt: null },
      orderBy: { createdAt: "desc" },
      select: { tokenHash: true },
    });
    return () => readSession(prisma, live.tokenHash, now);
  };
  const [auditorSession, reviewerSession] = await Promise.all([sessionRead("auditor@demo.test"), sessionRead("reviewer@demo.test")]);
  const { assessmentId, itemId, version, answer } = targets.save;
  const save = async () => {
    await reviewerSession();
    await saveResponse(reviewer, { assessmentId, itemId, baseVersion: version, values: answer });
  };
  const context = { origin: "http://localhost", ipAddress: "127.0.0.1", userAgent: "bench" };

  const reads: Record<string, () => Promise<unknown>> = {
    dashboard: () =>
      Promise.all([
        listServiceScores(principal),
        countOpenFindings(principal),
        listVisibleTeams(principal),
        // The trend is not here: the page leaves it to the chart series, below.
        listAssessmentGaps(principal),
        comparePeriods(principal, defaultPeriods(now)),
      ]),
    service: async () => {
      const service = await getService(principal, targets.slug);
      // The charts' history is not here: the page leaves it to the service series.
      await getServiceFigures(principal, { id: service.id });
    },
    account: () => getAccount(principal, null),
    findings: () =>
      Promise.all([
        listFindings(principal, parseFindingFilter({ severity: "high", page: "3" })),
        listVisibleTeams(principal),
        listServicePicker(principal, { limit: 200 }),
      ]),
    pdf: () => exportAssessmentPdf(principal, { assessmentId: targets.assessmentId }, context),
    series: () => getPortfolioTrend(principal, { months: 18 }),
    serviceSeries: () => getServiceTrend(principal, { slug: targets.slug }),
  };
  const pages = Object.fromEntries(
    Object.entries(reads).map(([key, read]) => [
      key,
      async () => {
        await auditorSession();
        await read();
      },
    ]),
  );
  const floors: Record<string, Floor> = {};
  for (const [key, run] of Object.entries(pages)) {
    await run(); // warm the client and the caches, as the server's are
    const statements = await record(run);
    floors[key] = await replay(url, statements, key === "pdf" ? 10 : runs);
  }
  // One save, recorded as it runs and rolled back (see above).
  const saveStatements = await record(save, true);
  floors.autosave = await replay(url, saveStatements, runs, true);
  await prisma.$disconnect();
  return floors;
}
