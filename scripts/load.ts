// `npm run load`: fifty signed-in reviewers on loopback for sixty seconds, each
// going round the dashboard, a service's report and an autosave of their own
// answer, against a production build on its own embedded database (or
// DATABASE_URL). Any error (a refused or failed request, a non-2xx answer, an
// autosave not saved, a timeout) fails the run. Prints p50/p95/p99 per request
// and writes bench/load.json. Never part of `npm test`.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { signInOverHttp } from "../tests/http-sign-in";
import { actionId, autosaveMultipart, autosaveOutcome, autosavePath } from "../tests/http-autosave";
import { percentiles } from "./bench/measure";
import { embeddedOwnerUrl, serveApp } from "./served-app";

const root = path.resolve(import.meta.dirname, "..");
const USERS = Number(process.env.LOAD_USERS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PORT = Number(process.env.LOAD_PORT ?? 3400);
const TEAM = "payments";
const say = (line: string) => console.log(`load: ${line}`);

const dataDir = process.env.DATA_DIR ?? ".data-load";
// The demo accounts' password: the environment's, or one kept beside the load's own database.
const passwordFile = path.join(root, ".data-load", "load-password");
function demoPassword(): string {
  if (process.env.DEMO_PASSWORD) return process.env.DEMO_PASSWORD;
  if (process.env.DATABASE_URL) throw new Error("set DEMO_PASSWORD to the demo accounts' password of the database in DATABASE_URL");
  if (existsSync(passwordFile)) return readFileSync(passwordFile, "utf8").trim();
  mkdirSync(path.dirname(passwordFile), { recursive: true });
  const password = randomBytes(18).toString("base64url");
  writeFileSync(passwordFile, password, { mode: 0o600 });
  return password;
}

interface User {
  email: string;
  cookie: string;
  service: string;
  item: string;
  version: number;
}

/** Fifty reviewers of one team, each with an answer of the same draft to own (so their saves never conflict). */
async function prepareUsers(ownerUrl: string, password: string): Promise<{ assessmentId: string; users: Omit<User, "cookie">[] }> {
  process.env.DATABASE_URL = ownerUrl;
  const { getPrisma } = await import("../lib/db/prisma");
  const { hashPassword } = await import("../lib/auth/password");
  const { principalForUser } = await import("../lib/auth/sessions");
  const { startAssessment } = await import("../lib/data/assessments/start-assessment");
  const prisma = getPrisma();
  try {
    const team = await prisma.team.findUniqueOrThrow({ where: { slug: TEAM } });
    const hash = await hashPassword(password);
    const emails = Array.from({ length: USERS }, (_, i) => `load-reviewer-${i + 1}@load.test`);
    for (const [i, email] of emails.entries()) {
      await prisma.user.upsert({
        where: { email },
        update: {},
        create: { email, name: `Load Reviewer ${i + 1}`, passwordHash: hash, memberships: { create: { teamId: team.id, role: "REVIEWER" } } },
      });
    }
    const services = await prisma.service.findMany({
      where: { teamId: team.id, archivedAt: null },
      orderBy: { slug: "asc" },
      select: { id: true, slug: true },
    });
    let draft = await prisma.assessment.findFirst({ where: { status: "DRAFT", service: { teamId: team.id } }, select: { id: true } });
    if (!draft) {
      const first = await prisma.user.findUniqueOrThrow({ where: { email: emails[0]! } });
      draft = await startAssessment((await principalForUser(prisma, first.id))!, { serviceId: services[0]!.id });
    }
    const responses = await prisma.response.findMany({
      where: { assessmentId: draft.id },
      orderBy: { itemId: "asc" },
      select: { itemId: true, version: true },
    });
    if (responses.length < USERS) throw new Error(`the draft has ${responses.length} answers, fewer than ${USERS} users`);
    return {
      assessmentId: draft.id,
      users: emails.map((email, i) => ({ email, service: services[i % services.length]!.slug, item: responses[i]!.itemId, version: responses[i]!.version })),
    };
  } finally {
    await prisma.$disconnect();
  }
}

type Kind = "dashboard" | "service" | "autosave";
const KINDS: Kind[] = ["dashboard", "service", "autosave"];

/** One user's minute: the three requests in turn, on one connection, for SECONDS. */
function runUser(base: string, saveAction: string, assessmentId: string, user: User, times: Record<Kind, number[]>, problems: string[]) {
  let turn = 0;
  // Without a callback autocannon returns its event emitter, made thenable (its types only say Promise).
  const instance = autocannon({
    url: base,
    connections: 1,
    duration: SECONDS,
    timeout: 10,
    headers: { cookie: user.cookie },
    requests: [
      { method: "GET", path: "/" },
      { method: "GET", path: `/services/${user.service}` },
      {
        method: "POST",
        path: autosavePath({ assessmentId, itemId: user.item }),
        setupRequest: (request) => {
          const { contentType, body } = autosaveMultipart({
            assessmentId,
            itemId: user.item,
            baseVersion: user.version,
            values: { status: "met", justification: `Checked under load by ${user.email}, save ${turn}.`, notes: "", evidenceLinks: [] },
          });
          return {
            ...request,
            body,
            headers: {
              ...request.headers,
              cookie: user.cookie,
              "content-type": contentType,
              "Next-Action": saveAction,
              Accept: "text/x-component",
              Origin: base,
            },
          };
        },
        onResponse: (status, body) => {
          const outcome = autosaveOutcome(status, body);
          if (outcome.outcome === "saved") user.version = outcome.version;
          else problems.push(`${user.email}: autosave ${JSON.stringify(outcome).slice(0, 200)}`);
        },
      },
    ],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  // One connection, one request at a time: responses come back in the order the requests went.
  (instance as unknown as NodeJS.EventEmitter).on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    const kind = KINDS[turn++ % KINDS.length]!;
    times[kind].push(ms);
    if (status < 200 || status >= 300) problems.push(`${user.email}: ${kind} answered ${status}`);
  });
  return instance;
}

const env = { ...process.env, ...(process.env.DATABASE_URL ? {} : { DATA_DIR: dataDir }) };
let app: Awaited<ReturnType<typeof serveApp>> | undefined;
try {
  const password = demoPassword();
  say(`starting the production server (${process.env.DATABASE_URL ? "DATABASE_URL" : `embedded Postgres in ${dataDir}`})…`);
  app = await serveApp(PORT, { ...env, DEMO_PASSWORD: password });
  const ownerUrl = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL ?? embeddedOwnerUrl(dataDir);
  const { assessmentId, users: prepared } = await prepareUsers(ownerUrl, password);
  say(`signing in ${USERS} reviewers…`);
  const users: User[] = [];
  for (const user of prepared) users.push({ ...user, cookie: await signInOverHttp(app.base, user.email, password) });
  const saveAction = actionId(root, "saveResponseAction");
  const times: Record<Kind, number[]> = { dashboard: [], service: [], autosave: [] };
  const problems: string[] = [];
  say(`${USERS} users for ${SECONDS} s: dashboard, a service report, an autosave, in turn…`);
  const results = await Promise.all(users.map((user) => runUser(app!.base, saveAction, assessmentId, user, times, problems)));
  const errors = results.reduce((sum, r) => sum + r.errors + r.timeouts, 0);
  const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
  const all = [...times.dashboard, ...times.service, ...times.autosave];
  const rows = [["all", all] as const, ...KINDS.map((k) => [k, times[k]] as const)].map(([name, list]) => ({ request: name, ...percentiles(list) }));
  console.log("");
  console.log(["request", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms"].map((h) => h.padEnd(10)).join(""));
  for (const row of rows) console.log([row.request, row.runs, row.p50, row.p95, row.p99, row.max].map((c) => String(c).padEnd(10)).join(""));
  console.log("");
  const failed = errors + problems.length;
  say(`${requests} requests in ${SECONDS} s (${Math.round(requests / SECONDS)} per second), ${failed} errors`);
  for (const problem of problems.slice(0, 10)) say(`  ${problem}`);
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", node: process.version, os: `${os.type()} ${os.release()}` };
  mkdirSync(path.join(root, "bench"), { recursive: true });
  writeFileSync(
    path.join(root, "bench", "load.json"),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, users: USERS, seconds: SECONDS, requests, errors: failed, latency: rows }, null, 2)}\n`,
  );
  say("written to bench/load.json");
  if (failed > 0) process.exitCode = 1;
} catch (error) {
  console.error(`load: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await app?.stop();
}
