// What a penetration test of the running app found, each tried again over HTTP
// against the production server as an outside attacker would: forged client
// addresses, strings Postgres cannot hold, writes from another site or from no
// page at all, exports made by following a link. Each must now be refused or
// handled cleanly (never a 5xx), and the audit chain must still verify.
import { createRequire } from "node:module";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { knownAuditKeys } from "../lib/audit/key";
import { verifyAuditChain } from "../lib/audit/verify";
import { hashApiToken, newApiToken } from "../lib/api/token-format";
import { hashPassword } from "../lib/auth/password";
import { signInOverHttp } from "../tests/http-sign-in";
import { actionsInBuild } from "./build-manifest";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

let db: pg.Client;
let base = "";
let run = "";
let password = "";
let reviewer = "";
let findingId = "";
let assessmentId = "";
let serviceSlug = "";
let token = "";
let reviewerId = "";
let itemId = "";

const query = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL }) => {
  base = baseURL!;
  db = new pg.Client({ connectionString: process.env.E2E_OWNER_DATABASE_URL });
  await db.connect();
  run = Date.now().toString(36);
  password = `attacker-findings-${run}`;
  const hash = await hashPassword(password);
  const [payments] = await query("SELECT id FROM teams WHERE slug = 'payments'");
  const [user] = await query("INSERT INTO users (email, name, password_hash, updated_at) VALUES ($1, 'Pen Test Reviewer', $2, now()) RETURNING id", [
    `pentest.${run}@demo.test`,
    hash,
  ]);
  await query("INSERT INTO memberships (user_id, team_id, role) VALUES ($1, $2, 'reviewer')", [user.id, payments.id]);
  reviewerId = user.id;
  [{ item_id: itemId }] = await query("SELECT item_id FROM responses LIMIT 1");
  reviewer = await signInOverHttp(base, `pentest.${run}@demo.test`, password);
  [{ id: findingId }] = await query("SELECT f.id FROM findings f JOIN services s ON s.id = f.service_id WHERE s.team_id = $1 ORDER BY f.opened_at LIMIT 1", [
    payments.id,
  ]);
  [{ id: assessmentId, slug: serviceSlug }] = await query(
    "SELECT a.id, s.slug FROM assessments a JOIN services s ON s.id = a.service_id WHERE s.team_id = $1 AND a.status = 'completed' ORDER BY a.approved_at DESC LIMIT 1",
    [payments.id],
  );
  token = newApiToken();
  await query(
    "INSERT INTO api_tokens (name, prefix, token_hash, team_id, scope, created_by_id, expires_at) VALUES ('pen test', $1, $2, $3, 'submit_evidence', (SELECT user_id FROM memberships WHERE team_id = $3 AND role = 'lead' LIMIT 1), now() + interval '1 day')",
    [token.slice(0, 10), hashApiToken(token), payments.id],
  );
});

test.afterAll(async () => {
  await db?.end();
});

/** Calls a server action the way React's client does, with the given headers (cookie, Origin…). */
async function callAction(name: string, fields: Record<string, string>, headers: Record<string, string>) {
  const { id, path } = actionsInBuild().get(name)!;
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return fetch(`${base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": id, Accept: "text/x-component", ...headers },
    body: (await encodeReply([{ ok: false, message: null }, form])) as FormData,
  });
}

const comments = async (body: string) =>
  (await query("SELECT body FROM comments WHERE finding_id = $1 AND body LIKE $2", [findingId, `${body}%`])).map((r) => r.body as string);

test("a forged X-Forwarded-For is not believed: throttles and audit events see the connection's address", async () => {
  const email = `nobody.${run}@demo.test`;
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "X-Forwarded-For": "203.0.113.99", "X-Real-IP": "203.0.113.98" },
    body: new URLSearchParams({ csrfToken, email, password: "wrong" }),
  });
  const [event] = await query("SELECT ip_address FROM audit_events WHERE action = 'auth.sign_in_failed' AND actor_label = $1", [email]);
  expect(event.ip_address).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
  const attempts = await query("SELECT ip_address FROM sign_in_attempts WHERE email = $1", [email]);
  expect(attempts.map((a) => a.ip_address)).toEqual([event.ip_address]);
});

test("over-long emails cut at every position around an emoji, NUL and lone surrogates leave the audit chain whole", async () => {
  const { id, path } = actionsInBuild().get("app/sign-in/actions.ts#signInWithPassword")!;
  for (let k = 0; k < 8; k++) {
    for (const email of [`${"a".repeat(248 + k)}😀😀@x.test`, `x\u0000y.${k}@demo.test`, `x\uD800${k}@demo.test`]) {
      const form = new FormData();
      form.set("email", email);
      form.set("password", "not the password");
      const response = await fetch(`${base}${path}`, {
        method: "POST",
        headers: { "Next-Action": id, Accept: "text/x-component", Origin: base },
        body: (await encodeReply([{ message: null }, form])) as FormData,
      });
      expect(response.status, JSON.stringify(email).slice(0, 40)).toBeLessThan(500);
      expect(await response.text()).toContain("Sign-in failed");
    }
  }
  const report = await verifyAuditChain(db, { keys: knownAuditKeys() });
  expect(report.breaks).toEqual([]);
});

test("a NUL in a comment is dropped, not a 500", async () => {
  const response = await callAction(
    "app/findings/[id]/actions.ts#addCommentAction",
    { findingId, body: `nul ${run} before\u0000after` },
    { cookie: reviewer, Origin: base },
  );
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('"ok":true');
  expect(await comments(`nul ${run}`)).toEqual([`nul ${run} beforeafter`]);
});

test("a lone surrogate in the API's evidence source is stored as U+FFFD, not a 500", async () => {
  const body = JSON.stringify({ source: `scanner \uD800 ${run}`, results: [{ itemId, status: "met", summary: "\uDC00 lone" }] });
  const response = await fetch(`${base}/api/v1/services/${serviceSlug}/evidence`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body,
  });
  expect(response.status).toBeLessThan(500);
  expect(response.status).toBe(201);
  const stored = await query("SELECT source FROM evidence WHERE source LIKE $1", [`scanner % ${run}`]);
  expect(stored.map((r) => r.source)).toEqual([`scanner \uFFFD ${run}`]);
});

test("a newline in the sign-in callbackUrl sends the user home, not a 500", async () => {
  for (const callbackUrl of ["/\n/evil.test", "/services\r\nSet-Cookie: x=1", "/\t/evil.test"]) {
    const response = await callAction(
      "app/sign-in/actions.ts#signInWithPassword",
      { email: `pentest.${run}@demo.test`, password, callbackUrl },
      { Origin: base },
    );
    expect(response.status, JSON.stringify(callbackUrl)).toBeLessThan(500);
    expect(response.headers.get("x-action-redirect") ?? "/").not.toContain("evil.test");
  }
});

test("a server action from another site, or from no page at all, is refused with 403 and changes nothing", async () => {
  for (const origin of [{ Origin: "https://evil.test" }, { Origin: "null" }, {}] as Record<string, string>[]) {
    const response = await callAction("app/findings/[id]/actions.ts#addCommentAction", { findingId, body: `csrf ${run}` }, { cookie: reviewer, ...origin });
    expect(response.status, JSON.stringify(origin)).toBe(403);
  }
  expect(await comments(`csrf ${run}`)).toEqual([]);
});

test("exports are made only by POST: following a link to one makes nothing", async () => {
  const mine = async () => (await query("SELECT count(*)::int AS n FROM exports WHERE requested_by_id = $1", [reviewerId]))[0].n as number;
  const before = await mine();
  for (const path of ["/findings/export?status=all", `/assessments/${assessmentId}/report`, `/assessments/${assessmentId}/data?format=csv`]) {
    const response = await fetch(`${base}${path}`, { redirect: "manual", headers: { cookie: reviewer } });
    expect(response.status, path).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  }
  // A cross-site form post to one is refused at the door.
  const forged = await fetch(`${base}/findings/export?status=all`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: reviewer, Origin: "https://evil.test" },
  });
  expect(forged.status).toBe(403);
  expect(await mine()).toBe(before);
});

test("a reviewer may not export the findings list", async () => {
  const response = await fetch(`${base}/findings/export?status=all`, { method: "POST", redirect: "manual", headers: { cookie: reviewer, Origin: base } });
  expect(response.status).toBe(403);
});
