// `npm run bench`: Twelvefold's server times at scale. Serves a production build
// (the way `npm start` does) on the database `npm run seed:scale` filled, signs
// in as the demo auditor (who sees every team), and measures each page over many
// requests: p50, p95, max and the server's peak memory. Each page's SQL is then
// run alone for its floor (scripts/bench/floor.ts). Prints a table and writes
// bench/results.json. Never part of `npm test`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { signInOverHttp } from "../tests/http-sign-in";
import { measureFloors, type Floor } from "./bench/floor";
import { currentMemoryMb, firstLoadJsKb, peakMemoryMb, repeat, resetPeakMemory, type Timings } from "./bench/measure";
import { DOSSIER_SLUG } from "../lib/demo/dossier";
import { autosaveOverHttp, type SaveTarget } from "./bench/autosave";
import { pdfPressure } from "./bench/pdf-pressure";
import { benchCatalog } from "./bench/catalog";
import { benchNotifications } from "./bench/notify";
import { benchPlatformChange } from "./bench/platform";
import { benchEvidenceImport, driftCheckTimings } from "./bench/evidence-import";
import { benchPasswordFile, SCALE_DATA_DIR } from "./bench/data-dir";
import { embeddedOwnerUrl, serveApp } from "./served-app";

const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://localhost:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const say = (line: string) => console.log(`bench: ${line}`);

interface PageResult extends Timings {
  page: string;
  path: string;
  peakMemoryMb: number;
  /** Peak over the server's resident memory just before the runs: what the page itself costs. */
  memoryIncreaseMb: number;
  floor: Floor | null;
  ratio: number | null;
  note?: string;
}

const dataDir = process.env.DATA_DIR ?? SCALE_DATA_DIR;
const env = { ...process.env, ...(process.env.DATABASE_URL ? {} : { DATA_DIR: dataDir }) };
const passwordFile = benchPasswordFile(process.env.DATABASE_URL, dataDir);
const password = process.env.DEMO_PASSWORD ?? (existsSync(passwordFile) ? readFileSync(passwordFile, "utf8").trim() : "");
if (!password) {
  console.error("bench: run `npm run seed:scale` first (or set DEMO_PASSWORD for a database seeded elsewhere)");
  process.exit(2);
}

say(`starting the production server on ${BASE} (${process.env.DATABASE_URL ? "DATABASE_URL" : `embedded Postgres in ${dataDir}`})…`);
const app = await serveApp(PORT, env).catch((error: unknown) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(1);
});

try {
  const serverPid = app.serverPid();
  const ownerUrl = process.env.DATABASE_URL ?? embeddedOwnerUrl(dataDir);
  const targets = await pickTargets(ownerUrl);
  say(`${targets.services} services, ${targets.assessments} assessments, ${targets.responses} responses, ${targets.findings} findings`);
  const auditor = await signInOverHttp(BASE, "auditor@demo.test", password);
  const reviewer = await signInOverHttp(BASE, "reviewer@demo.test", password);

  const autosave = autosaveOverHttp(BASE, root, reviewer, targets.save);
  const get =
    (cookie: string, url: string, expect = "text/html", method: "GET" | "POST" = "GET") =>
    async () => {
      const response = await fetch(`${BASE}${url}`, { method, headers: { cookie, Origin: BASE }, redirect: "manual" });
      const body = await response.arrayBuffer();
      if (response.status !== 200 || !(response.headers.get("content-type") ?? "").includes(expect)) {
        throw new Error(`${url} answered ${response.status} ${response.headers.get("content-type")} (${body.byteLength} bytes)`);
      }
    };
  const pages: { page: string; path: string; run: () => Promise<void>; runs?: number; floorKey: string }[] = [
    { page: "Portfolio dashboard", path: "/", run: get(auditor, "/"), floorKey: "dashboard" },
    { page: "Service report", path: `/services/${targets.slug}`, run: get(auditor, `/services/${targets.slug}`), floorKey: "service" },
    // For reference: a small signed-in page (the layout, the session check, a few
    // rows), i.e. what any page costs before its own data.
    { page: "Your account (reference)", path: "/account", run: get(auditor, "/account"), floorKey: "account" },
    { page: "Findings (high, page 3)", path: "/findings?severity=high&page=3", run: get(auditor, "/findings?severity=high&page=3"), floorKey: "findings" },
    { page: "Chart series (18 months)", path: "/series/portfolio-trend", run: get(auditor, "/series/portfolio-trend", "application/json"), floorKey: "series" },
    {
      page: "Chart series (a service, 5 years)",
      path: `/series/service-trend?service=${targets.slug}`,
      run: get(auditor, `/series/service-trend?service=${targets.slug}`, "application/json"),
      floorKey: "serviceSeries",
    },
    { page: "Autosave (one answer)", path: `POST /assessments/${targets.save.assessmentId}/factors/1`, run: autosave.save, floorKey: "autosave" },
    {
      page: "Assessment PDF",
      path: `POST /assessments/${targets.assessmentId}/report`,
      run: get(auditor, `/assessments/${targets.assessmentId}/report`, "application/pdf", "POST"),
      runs: 5,
      floorKey: "pdf",
    },
  ];
  const floors = await measureFloors(ownerUrl, { slug: targets.slug, assessmentId: targets.assessmentId, save: targets.save });
  const results: PageResult[] = [];
  for (const p of pages) {
    resetPeakMemory(serverPid);
    const baseline = currentMemoryMb(serverPid);
    const timings = await repeat(p.runs ?? RUNS, 2, p.run);
    const peak = peakMemoryMb(serverPid);
    const floor = floors[p.floorKey] ?? null;
    results.push({
      page: p.page,
      path: p.path,
      ...timings,
      peakMemoryMb: peak,
      memoryIncreaseMb: Math.max(0, peak - baseline),
      floor,
      ratio: floor ? Math.round((timings.p95 / floor.p95) * 10) / 10 : null,
    });
    say(`${p.page}: p95 ${timings.p95} ms`);
  }
  await autosave.restore();
  // Everyone else's requests while four reports are laid out (two people at their limit of two).
  const admin = await signInOverHttp(BASE, "admin@demo.test", password);
  const pressure = await pdfPressure(BASE, [auditor, admin], auditor, targets.assessmentId, RUNS);
  say(
    `while 4 PDFs render: liveness p95 ${pressure.whileRendering.live.p95} ms (idle ${pressure.idle.live.p95}), dashboard p95 ${pressure.whileRendering.dashboard.p95} ms (idle ${pressure.idle.dashboard.p95}); ${pressure.whileRendering.reportsMade} reports made, ${pressure.whileRendering.reportsBusy} told to wait`,
  );
  const pdf = Buffer.from(
    await (await fetch(`${BASE}/assessments/${targets.assessmentId}/report`, { method: "POST", headers: { cookie: auditor, Origin: BASE } })).arrayBuffer(),
  );
  const pdfPages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  results.find((r) => r.page === "Assessment PDF")!.note = `${pdfPages} pages, ${Math.round(pdf.length / 1024)} KiB`;
  const js = {
    dashboardKb: await firstLoadJsKb(BASE, "/", auditor),
    checklistWalkKb: await firstLoadJsKb(BASE, `/assessments/${targets.draftId}/factors/1`, reviewer),
  };
  printTable(results, js);
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    postgres: targets.postgres,
  };
  say("catalogue sync: 10,000 generated components through POST /api/v1/catalog…");
  const catalog = await benchCatalog(BASE, ownerUrl, serverPid);
  say(
    `catalogue sync of ${catalog.components} components (${Math.round(catalog.bytes / 1024 / 1024)} MB): preview ${catalog.previewMs} ms, apply ${catalog.applyMs} ms, ` +
      `re-sync ${catalog.resyncMs} ms writing ${catalog.rowsChangedByResync} rows (${catalog.resyncWrote ? "it wrote" : "nothing to write"}); ` +
      `server memory +${catalog.previewMemoryMb} / +${catalog.applyMemoryMb} / +${catalog.resyncMemoryMb} MB per request, +${catalog.overallMemoryMb} MB over all three`,
  );
  say("notifications: the daily scan and digests over the scale data, then 10,000 emails to a loopback SMTP server…");
  const notify = await benchNotifications(BASE, ownerUrl, auditor);
  say(
    `daily scan and digests: ${notify.scanMs} ms (${notify.raised} events, ${notify.notifications} in-app notifications); dashboard p95 ${notify.dashboardDuringScan.p95} ms during it (idle ${notify.dashboardIdle.p95}); ` +
      `${notify.emails} emails sent in ${notify.emailsMs} ms`,
  );
  say("platforms: one platform's change flowing to 500 services on it…");
  const platform = await benchPlatformChange(BASE, ownerUrl, auditor);
  say(
    `platform change to ${platform.services} services: ${platform.ms} ms in one job (${platform.fell} fell); dashboard p95 ${platform.dashboardDuring.p95} ms during it (idle ${platform.dashboardIdle.p95})`,
  );
  say("evidence: a 50 MB SARIF file with 100,000 results imported, then drift checks…");
  const evidence = await benchEvidenceImport(BASE, ownerUrl, serverPid);
  const drift = await driftCheckTimings(ownerUrl);
  say(
    `SARIF import of ${evidence.results} results (${Math.round(evidence.bytes / 1024 / 1024)} MB): ${evidence.importMs} ms, server memory +${evidence.importMemoryMb} MB; ` +
      `drift check p50 ${drift.p50} ms, p95 ${drift.p95} ms (a whole one-item submission over HTTP: p95 ${evidence.driftSubmission.p95} ms)`,
  );
  mkdirSync(path.join(root, "bench"), { recursive: true });
  writeFileSync(
    path.join(root, "bench", "results.json"),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, data: targets, runs: RUNS, pages: results, firstLoadJs: js, whilePdfsRender: pressure, catalogSync: catalog, notifications: notify, platformChange: platform, evidenceImport: evidence, driftCheck: drift }, null, 2)}\n`,
  );
  say("written to bench/results.json");
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await app.stop();
}
// Exit explicitly: the floors ran the data layer in this process (its database
// pool, the PDF render thread's tsx service), which need not outlive the figures.
process.exit(process.exitCode ?? 0);

async function pickTargets(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async <T>(sql: string, values: unknown[] = []) => (await client.query(sql, values)).rows[0] as T;
    const service = await one<{ slug: string; id: string }>(
      "SELECT s.slug, s.id FROM services s JOIN assessments a ON a.service_id = s.id GROUP BY s.id ORDER BY count(*) DESC, s.slug LIMIT 1",
    );
    // The PDF: the dossier service's latest assessment, every answer written out in full.
    const assessment = await one<{ id: string } | undefined>(
      "SELECT a.id FROM assessments a JOIN services s ON s.id = a.service_id WHERE s.slug = $1 AND a.status = 'completed' ORDER BY a.approved_at DESC LIMIT 1",
      [DOSSIER_SLUG],
    );
    if (!assessment) throw new Error(`no assessment of ${DOSSIER_SLUG}: run \`npm run seed:scale\` again on an empty database`);
    const draft = await one<{ id: string }>(
      "SELECT a.id FROM assessments a JOIN services s ON s.id = a.service_id WHERE s.slug = 'checkout-api' AND a.status = 'draft' LIMIT 1",
    );
    const answer = await one<{
      item_id: string;
      version: number;
      status: SaveTarget["answer"]["status"];
      justification: string;
      notes: string;
      evidence_links: string[];
    }>("SELECT item_id, version, status::text, justification, notes, evidence_links FROM responses WHERE assessment_id = $1 ORDER BY item_id LIMIT 1", [
      draft.id,
    ]);
    const save: SaveTarget = {
      assessmentId: draft.id,
      itemId: answer.item_id,
      version: answer.version,
      answer: { status: answer.status, justification: answer.justification, notes: answer.notes, evidenceLinks: answer.evidence_links },
    };
    const counts = await one<Record<string, string>>(
      "SELECT (SELECT count(*) FROM services) AS services, (SELECT count(*) FROM assessments) AS assessments, (SELECT count(*) FROM responses) AS responses, (SELECT count(*) FROM findings) AS findings",
    );
    const version = await one<{ server_version: string }>("SHOW server_version");
    return {
      slug: service.slug,
      assessmentId: assessment.id,
      draftId: draft.id,
      save,
      services: Number(counts.services),
      assessments: Number(counts.assessments),
      responses: Number(counts.responses),
      findings: Number(counts.findings),
      postgres: version.server_version,
    };
  } finally {
    await client.end();
  }
}

function printTable(results: PageResult[], js: { dashboardKb: number; checklistWalkKb: number }): void {
  const rows = [
    ["Page", "p50 ms", "p95 ms", "max ms", "SQL floor p95 ms", "ratio", "peak RSS MB", "+MB", "note"],
    ...results.map((r) => [r.page, r.p50, r.p95, r.max, r.floor?.p95 ?? "-", r.ratio ?? "-", r.peakMemoryMb, r.memoryIncreaseMb, r.note ?? ""].map(String)),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  console.log("");
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
  console.log("");
  console.log(`First-load JavaScript (gzip): dashboard ${js.dashboardKb} kB, checklist walk ${js.checklistWalkKb} kB`);
}
