// Hostile input at every edge: over ten thousand generated malformed requests
// to every server action, every route handler and the pages that read the
// address (wrong types, huge and broken strings, unicode edge cases,
// prototype-pollution keys, SQL and HTML injection, oversized and broken
// bodies). Each must be answered without a 5xx; a refused one must change no
// row; no injected markup may reach a page as markup. It counts every row
// changed in its database, so it runs on an app and a database of its own.
// Its requests are the same on every database server (a fixed seed) and test
// the app's input handling, so CI's second database path leaves it out
// (@database-independent, see scripts/test.ts).
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import pg from "pg";
import { hashApiToken, newApiToken, newIntegrationToken } from "../lib/api/token-format";
import { hashPassword } from "../lib/auth/password";
import { freePort } from "../lib/db/embedded";
import { startScratchServer } from "../lib/db/scratch";
import { signInOverHttp } from "../tests/http-sign-in";
import { startAppUnderTest, type AppUnderTest } from "./app-under-test";
import { actionsInBuild, routesInBuild } from "./build-manifest";

const SEED = 20261123;
const PER_ACTION = 160;
const PER_ROUTE = 220;
const PAGE_REQUESTS = 1800;
const CONCURRENCY = 4;

const INJECTED = [
  `<img data-fuzz-injected src=x onerror="window.__fuzzInjected=1">`,
  `<script>window.__fuzzInjected=1</script>`,
  `"><svg data-fuzz-injected onload="window.__fuzzInjected=1">`,
];
const HOSTILE = [
  "",
  " ",
  "\u0000",
  "a".repeat(70_000),
  "ü".repeat(5_000),
  "\uD800",
  "\uDFFF\uD800",
  "\u202Eevil.exe",
  "\u200B\u200D\uFEFF",
  "🧨".repeat(600),
  "e\u0301".repeat(400),
  "__proto__",
  "constructor",
  "prototype",
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  "1; SELECT pg_sleep(5)",
  "$1::text",
  "%00",
  "../../../../etc/passwd",
  ...INJECTED,
  "javascript:window.__fuzzInjected=1",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "9007199254740993",
  "true",
  "null",
  "[]",
  "{}",
  "[object Object]",
  "00000000-0000-0000-0000-000000000000",
  "not-a-uuid",
  "2026-02-30",
  "9999-99-99",
  "F01-",
  "critical,high",
  // Strings Postgres cannot hold as given (the pen test's class): NUL and lone surrogates inside text, control characters.
  "before\u0000after",
  "x\uD800y",
  "\uDBFF",
  "z\uDC00",
  "\u0001\u0002\u001b[31m\u007f\u0085",
  "line\r\nbreak\r\n",
  "tab\tand\u000bvertical",
];

/**
 * Over-long strings whose every cut position in the limits we enforce (48, 120,
 * 254, 300, 500, 1000, 2000, 4000 code units) lands, for some length, inside a
 * surrogate pair, in a combining sequence or on a NUL.
 */
const overLong = () =>
  fc
    .tuple(
      fc.constantFrom(47, 119, 253, 299, 499, 999, 1999, 3999),
      fc.integer({ min: -2, max: 2 }),
      fc.constantFrom("😀", "e\u0301", "\u0000", "\uD800", "👩‍👩‍👧"),
    )
    .map(([limit, offset, tail]) => `${"a".repeat(limit + offset)}${tail.repeat(4)}@x.test`);
const FIELDS = [
  "assessmentId",
  "itemId",
  "serviceId",
  "teamId",
  "findingId",
  "findingIds",
  "change",
  "userId",
  "attachmentId",
  "exportId",
  "tokenId",
  "evidenceId",
  "baseVersion",
  "status",
  "justification",
  "notes",
  "evidenceLinks",
  "severity",
  "reason",
  "comment",
  "body",
  "name",
  "slug",
  "description",
  "criticality",
  "repositoryUrl",
  "email",
  "role",
  "expiresOn",
  "dueOn",
  "until",
  "scope",
  "ownerId",
  "currentPassword",
  "newPassword",
  "password",
  "file",
  "sha256",
  "format",
  "team",
  "teamSlug",
  "decision",
  "mode",
  "files",
  "digest",
  "ownerRef",
  "purpose",
  "expiresInDays",
  "groupName",
  "grant",
  "untilOn",
  "mappingId",
  "notificationId",
  "webhookId",
  "url",
  "kind_assessment.submitted",
  "note",
  "checklistVersionId",
  "deadlineOn",
  "team_",
  "tier_critical",
  "critical",
  "high",
  "fourEyes_high",
  "finding.assigned",
  "version",
  "factor",
  "assigneeId",
  "percent",
  "minimum",
  "severity-critical",
  "platformId",
  "kind",
  "item-F01-REPO-ACCESS",
  "mode-F01-REPO-ACCESS",
  "asOf",
  "opensFindings",
];
const PATH_PARAM = /\[(?:\.\.\.)?(\w+)\]/g;

interface Sent {
  what: string;
  status: number;
  refused: boolean;
  html: string | null;
}

let db: pg.Client;
let base = "";
let admin = "";
let reviewer = "";
let token = "";
/** Integration tokens for the catalogue sync and SCIM, the only keys to their endpoints. */
let catalogToken = "";
let scimToken = "";
let realIds: string[] = [];

const enc = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80"; // a lone surrogate, as raw bytes
  }
};
const ascii = (value: string) => value.replace(/[^\x20-\x7e]/g, "?").slice(0, 4000);

test.describe.configure({ mode: "serial" });
test.setTimeout(900_000);

let own: AppUnderTest | undefined;

test.beforeAll(async () => {
  // Starting a database server and an app of its own takes a while on a busy machine;
  // a hook's time is its own, not the tests' above.
  test.setTimeout(180_000);
  // The fuzzer counts every row changed in its database, so it gets an app and a
  // database of its own: other specs may run beside it, in any order.
  own = await startAppUnderTest({ server: await startScratchServer(process.env.E2E_DATABASE_SERVER_URL), port: await freePort(), worker: false });
  base = own.baseURL;
  db = new pg.Client({ connectionString: own.ownerUrl });
  await db.connect();
  // Test scaffolding, owner only: a counter of rows changed in the domain's
  // tables. Left out: what a refusal writes by design (its own audit event,
  // a failed sign-in's attempt, a token's rate window, a session's last-seen time)
  // and what the worker does in the background (an accepted export's progress).
  await db.query(`
    CREATE TABLE IF NOT EXISTS fuzz_changes (change text PRIMARY KEY, n bigint NOT NULL);
    CREATE OR REPLACE FUNCTION fuzz_count() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
      $$ BEGIN
        INSERT INTO fuzz_changes VALUES (TG_OP || ' ' || TG_TABLE_NAME, 1) ON CONFLICT (change) DO UPDATE SET n = fuzz_changes.n + 1;
        RETURN NULL;
      END $$;`);
  const tables = (
    await db.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'
        AND tablename NOT IN ('fuzz_changes', '_prisma_migrations', 'audit_events', 'sign_in_attempts', 'api_rate_windows', 'sessions', 'api_tokens', 'integration_tokens', 'exports')`,
    )
  ).rows.map((r) => r.tablename);
  for (const table of tables) {
    await db.query(`DROP TRIGGER IF EXISTS fuzz_count ON "${table}"`);
    await db.query(`CREATE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION fuzz_count()`);
  }
  await db.query(
    `DROP TRIGGER IF EXISTS fuzz_count ON sessions; CREATE TRIGGER fuzz_count AFTER INSERT ON sessions FOR EACH ROW EXECUTE FUNCTION fuzz_count()`,
  );
  // A token's last use is bookkeeping, not a change; making or deleting one is.
  for (const table of ["api_tokens", "integration_tokens", "exports"]) {
    await db.query(
      `DROP TRIGGER IF EXISTS fuzz_count ON ${table}; CREATE TRIGGER fuzz_count AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION fuzz_count()`,
    );
  }
  await db.query(
    `DROP TRIGGER IF EXISTS fuzz_count ON audit_events; CREATE TRIGGER fuzz_count AFTER INSERT ON audit_events FOR EACH ROW WHEN (NEW.category = 'change') EXECUTE FUNCTION fuzz_count()`,
  );

  // The fuzzer's own people: an admin (the deepest reach) and a reviewer of payments, and a token.
  const run = Date.now().toString(36);
  const password = `fuzz-password-${run}`;
  const hash = await hashPassword(password);
  const payments = (await db.query<{ id: string }>("SELECT id FROM teams WHERE slug = 'payments'")).rows[0]!.id;
  await db.query("INSERT INTO users (email, name, password_hash, is_admin, updated_at) VALUES ($1, 'Fuzz Admin', $2, true, now())", [
    `fuzz-admin.${run}@fuzz.test`,
    hash,
  ]);
  const reviewerRow = (
    await db.query<{ id: string }>("INSERT INTO users (email, name, password_hash, updated_at) VALUES ($1, 'Fuzz Reviewer', $2, now()) RETURNING id", [
      `fuzz-reviewer.${run}@fuzz.test`,
      hash,
    ])
  ).rows[0]!;
  await db.query("INSERT INTO memberships (user_id, team_id, role) VALUES ($1, $2, 'reviewer')", [reviewerRow.id, payments]);
  token = newApiToken();
  await db.query(
    "INSERT INTO api_tokens (name, prefix, token_hash, team_id, scope, created_by_id, expires_at) VALUES ('fuzz', $1, $2, $3, 'submit_evidence', (SELECT user_id FROM memberships WHERE team_id = $3 AND role = 'lead' LIMIT 1), now() + interval '1 day')",
    [token.slice(0, 10), hashApiToken(token), payments],
  );
  catalogToken = newIntegrationToken();
  await db.query(
    "INSERT INTO integration_tokens (name, prefix, token_hash, purpose, created_by_id, expires_at) VALUES ('fuzz', $1, $2, 'catalog', (SELECT id FROM users WHERE email = $3), now() + interval '1 day')",
    [catalogToken.slice(0, 10), hashApiToken(catalogToken), `fuzz-admin.${run}@fuzz.test`],
  );
  scimToken = newIntegrationToken();
  await db.query(
    "INSERT INTO integration_tokens (name, prefix, token_hash, purpose, created_by_id, expires_at) VALUES ('fuzz scim', $1, $2, 'scim', (SELECT id FROM users WHERE email = $3), now() + interval '1 day')",
    [scimToken.slice(0, 10), hashApiToken(scimToken), `fuzz-admin.${run}@fuzz.test`],
  );
  admin = await signInOverHttp(base, `fuzz-admin.${run}@fuzz.test`, password);
  reviewer = await signInOverHttp(base, `fuzz-reviewer.${run}@fuzz.test`, password);
  // Real ids and slugs reach past the first check into the data layer. The fuzzers' own ids are left out,
  // so that an admin action accepted on generated input cannot lock the fuzzer out halfway.
  const ids = await db.query<{ v: string }>(`
    (SELECT id::text AS v FROM assessments ORDER BY started_at DESC LIMIT 6) UNION ALL
    (SELECT id::text FROM services LIMIT 4) UNION ALL (SELECT slug FROM services LIMIT 4) UNION ALL
    (SELECT id::text FROM teams LIMIT 3) UNION ALL (SELECT id::text FROM findings LIMIT 4) UNION ALL
    (SELECT id::text FROM users WHERE email NOT LIKE 'fuzz-%' LIMIT 3) UNION ALL (SELECT DISTINCT item_id FROM responses LIMIT 4) UNION ALL
    (SELECT id::text FROM exports LIMIT 2) UNION ALL (SELECT sha256 FROM exports LIMIT 2)`);
  realIds = ids.rows.map((r) => r.v);
});

test.afterAll(async () => {
  // Its database goes with it, counter and all.
  await db?.end();
  await own?.stop();
});

/** Rows changed so far, by operation and table ("UPDATE findings"). */
async function changes(): Promise<Map<string, number>> {
  const rows = (await db.query<{ change: string; n: string }>("SELECT change, n FROM fuzz_changes")).rows;
  return new Map(rows.map((r) => [r.change, Number(r.n)]));
}
function changedSince(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([change, n]) => n !== (before.get(change) ?? 0)).map(([change, n]) => `${change} ×${n - (before.get(change) ?? 0)}`);
}

const value = () =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 3, arbitrary: fc.constantFrom(...realIds) },
    { weight: 2, arbitrary: overLong() },
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.integer().map(String),
    fc.double().map(String),
    fc.json({ maxDepth: 3 }),
  );
const key = () =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...FIELDS) },
    fc.constantFrom("__proto__", "constructor", "prototype", "0", "1_x", "$ACTION_ID"),
    fc.string({ maxLength: 12 }),
  );
const fields = () => fc.dictionary(key(), value(), { maxKeys: 9 });

/** Multipart text; `broken` leaves it unterminated or mismatched. */
function multipart(parts: [string, string][], broken = 0, boundary = "fuzzboundary"): { type: string; body: string } {
  const quote = (name: string) => name.replace(/["\r\n]/g, "_");
  let body = parts.map(([name, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${v}\r\n`).join("");
  if (broken === 1) return { type: `multipart/form-data; boundary=${boundary}`, body }; // no closing boundary
  if (broken === 2) return { type: "multipart/form-data; boundary=another", body: `${body}--${boundary}--\r\n` };
  if (broken === 3) return { type: "multipart/form-data", body: `${body}--${boundary}--\r\n` }; // no boundary at all
  body += `--${boundary}--\r\n`;
  return { type: `multipart/form-data; boundary=${boundary}`, body };
}

/** Bodies this large a server may refuse by closing the connection before it has read them all. */
const OVERSIZED = 1024 * 1024;
/** Stands for "the server never answered" (a reset, a hang-up) in a result. */
const NO_ANSWER = -1;

async function send(
  what: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
  refusedWhen: (status: number, text: string, headers: Headers) => boolean,
): Promise<Sent> {
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, { redirect: "manual", ...init, headers: { Origin: base, ...init.headers } });
  } catch (error) {
    // An answer (a 401, a 405, a redirect) sent before an oversized upload ends closes the connection
    // under the writer: a refusal, not a failure. For any other request it is a failure.
    const code = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
    const closed = (init.body?.length ?? 0) > OVERSIZED && (code === "ECONNRESET" || code === "EPIPE");
    return { what: closed ? what : `${what}: no answer (${code})`, status: closed ? 0 : NO_ANSWER, refused: true, html: null };
  }
  const text = await response.text();
  const html = (response.headers.get("content-type") ?? "").includes("text/html") ? text : null;
  return { what, status: response.status, refused: refusedWhen(response.status, text, response.headers), html };
}

/** Sends the requests a few at a time; after each batch made only of refusals, no row may have changed. */
async function fire(title: string, requests: (() => Promise<Sent>)[], failures: string[]): Promise<number> {
  let sent = 0;
  const statuses = new Map<string, number>();
  let accepted = 0;
  for (let i = 0; i < requests.length; i += CONCURRENCY) {
    const before = await changes();
    const results = await Promise.all(requests.slice(i, i + CONCURRENCY).map((r) => r()));
    sent += results.length;
    for (const r of results) {
      const band = r.status === 0 ? "closed" : `${String(r.status).slice(0, 1)}xx`;
      statuses.set(band, (statuses.get(band) ?? 0) + 1);
      if (!r.refused) accepted += 1;
    }
    for (const r of results) {
      if (r.status === NO_ANSWER) failures.push(r.what);
      else if (r.status >= 500) failures.push(`${r.status} from ${r.what}`);
      for (const markup of INJECTED) if (r.html?.includes(markup)) failures.push(`markup rendered raw by ${r.what}`);
    }
    if (results.every((r) => r.refused)) {
      const changed = changedSince(before, await changes());
      if (changed.length) failures.push(`${changed.join(", ")} by refused requests: ${results.map((r) => r.what).join(" | ")}`);
    }
  }
  // What the run reached: a fuzzer that never gets past the first check proves little.
  const bands = [...statuses]
    .sort()
    .map(([band, n]) => `${band} ${n}`)
    .join(", ");
  console.log(`fuzz: ${title}: ${sent} requests (${bands}); ${accepted} taken as accepted, ${sent - accepted} as refused (no row may change)`);
  return sent;
}

/** Distinct problems, most frequent first, each with how often it happened. */
function report(failures: string[]) {
  const counted = new Map<string, number>();
  for (const f of failures) counted.set(f, (counted.get(f) ?? 0) + 1);
  const distinct = [...counted].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${n}× ${f}`);
  expect(distinct.slice(0, 40), `${failures.length} problem(s), ${distinct.length} distinct`).toEqual([]);
}
let total = 0;

test("every server action survives malformed input", { tag: "@database-independent" }, async () => {
  const failures: string[] = [];
  const requests: (() => Promise<Sent>)[] = [];
  const actions = [...actionsInBuild().entries()];
  for (const [index, [name, action]] of actions.entries()) {
    const samples = fc.sample(fc.tuple(fields(), fc.nat(11), fc.nat(2), fc.string({ unit: "binary", maxLength: 200 })), {
      seed: SEED + index,
      numRuns: PER_ACTION,
    });
    for (const [values, shape, who, raw] of samples) {
      // Signing out everywhere would end the fuzzer's session: that one only ever goes anonymous.
      const cookie = name.endsWith("#signOutEverywhere") ? "" : [admin, reviewer, ""][who]!;
      const entries = Object.entries(values);
      let type: string;
      let body: string;
      if (shape <= 4) {
        // As React encodes a form action's arguments (with or without a previous state).
        ({ type, body } = multipart([
          ...entries.map(([k, v]): [string, string] => [`_1_${k}`, v]),
          ["0", shape % 2 ? '[{"ok":false,"message":null},"$K1"]' : '["$K1"]'],
        ]));
      } else if (shape === 5) {
        ({ type, body } = multipart([["0", raw], ...entries]));
      } else if (shape === 6) {
        ({ type, body } = multipart(entries, 1 + (raw.length % 3)));
      } else if (shape === 7) {
        ({ type, body } = { type: "text/plain;charset=UTF-8", body: JSON.stringify([values, raw]) });
      } else if (shape === 8) {
        ({ type, body } = { type: "text/plain;charset=UTF-8", body: "x".repeat(3 * 1024 * 1024) });
      } else if (shape === 9) {
        ({ type, body } = { type: "application/x-www-form-urlencoded", body: entries.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&") });
      } else {
        // As a browser without JavaScript posts the form: the action named by id (10) or by reference (11).
        const boundary = ["b", "fuzzboundary", "----WebKitFormBoundary7MA4YWxkTrZu0gW"][raw.length % 3];
        const meta = raw.length % 4 === 3 ? raw : JSON.stringify({ id: action.id, bound: raw.length % 5 === 4 ? null : "$@1" });
        const bound = raw.length % 7 === 6 ? raw : '[{"ok":false,"message":null}]';
        const naming: [string, string][] =
          shape === 10
            ? [[`$ACTION_ID_${action.id}`, ""]]
            : [
                ["$ACTION_REF_1", ""],
                ["$ACTION_1:0", meta],
                ["$ACTION_1:1", bound],
                ["$ACTION_KEY", "k0"],
              ];
        ({ type, body } = multipart([...naming, ...entries], raw.length % 11 === 10 ? 1 : 0, boundary));
      }
      const id = shape === 9 && raw.length % 2 ? ascii(raw) || "00" : action.id;
      const headers: Record<string, string> = { cookie, "Content-Type": type };
      if (shape < 10) Object.assign(headers, { "Next-Action": id, Accept: "text/x-component" });
      requests.push(() =>
        send(`${name} (shape ${shape})`, action.path, { method: "POST", headers, body }, (status, text, headers) =>
          // Accepted: a result that says ok (in the RSC payload, or embedded in the page), or a redirect after success.
          shape < 10
            ? status >= 400 || (!/"ok":true/.test(text) && !headers.get("x-action-redirect"))
            : status >= 400 || (status < 300 && !/\\?"ok\\?":true/.test(text)),
        ),
      );
    }
  }
  total += await fire("server actions", requests, failures);
  report(failures);
});

test("every route handler survives malformed paths, queries, bodies and tokens", { tag: "@database-independent" }, async () => {
  const failures: string[] = [];
  const requests: (() => Promise<Sent>)[] = [];
  const routes = routesInBuild().filter((r) => !r.startsWith("/api/auth/"));
  for (const [index, route] of routes.entries()) {
    const samples = fc.sample(
      fc.tuple(
        fc.array(value(), { minLength: 3, maxLength: 3 }),
        fields(),
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"),
        fc.nat(6),
        fc.nat(4),
        fc.string({ unit: "binary", maxLength: 300 }),
      ),
      { seed: SEED + 1000 + index, numRuns: PER_ROUTE },
    );
    for (const [params, query, method, auth, bodyKind, raw] of samples) {
      let n = 0;
      const path = route.replace(/\/route$/, "").replace(PATH_PARAM, () => enc(params[n++ % params.length]!)) || "/";
      const search = Object.entries(query)
        .map(([k, v]) => `${enc(k)}=${enc(v)}`)
        .join("&");
      const headers: Record<string, string> = {};
      if (auth === 1) headers.Authorization = `Bearer ${token}`;
      if (auth === 2) headers.Authorization = `Bearer ${ascii(raw).slice(0, 80)}`;
      if (auth === 3) headers.cookie = admin;
      if (auth === 4) headers.Authorization = "Basic Og==";
      if (auth === 5) headers.Authorization = `Bearer ${catalogToken}`;
      if (auth === 6) headers.Authorization = `Bearer ${scimToken}`;
      let body: string | undefined;
      if (method !== "GET") {
        headers["Content-Type"] = bodyKind === 3 ? "multipart/form-data; boundary=x" : "application/json";
        // Well-formed but nested 5,000 deep: once a stack overflow (a 500) in every JSON route.
        body = [JSON.stringify(query), raw, `{"a":${"[".repeat(5000)}`, "x".repeat(2 * 1024 * 1024), `{"a":${"[".repeat(5000)}${"]".repeat(5000)}}`][bodyKind];
      }
      requests.push(() =>
        send(
          `${method} ${route} (auth ${auth}, body ${bodyKind}, path ${path.slice(0, 160)}, query ${search.slice(0, 160)})`,
          `${path}${search ? `?${search}` : ""}`,
          { method, headers, body },
          (status) => status >= 400,
        ),
      );
    }
  }
  total += await fire("route handlers", requests, failures);
  report(failures);
});

test("pages that read the address survive malformed ones", { tag: "@database-independent" }, async () => {
  const failures: string[] = [];
  const templates = [
    "/?",
    "/services?",
    "/services/{}",
    "/findings?",
    "/findings/{}",
    "/assessments/{}",
    "/assessments/{}/factors/{}",
    "/audit?",
    "/admin?",
    "/verify?",
    "/exports?",
    "/tokens?",
  ];
  const samples = fc.sample(fc.tuple(fc.constantFrom(...templates), fc.array(value(), { minLength: 2, maxLength: 2 }), fields(), fc.nat(1)), {
    seed: SEED + 2000,
    numRuns: PAGE_REQUESTS,
  });
  const requests = samples.map(([template, params, query, who]) => {
    let n = 0;
    const path = template.replace(/\{\}/g, () => enc(params[n++]!)).replace(/\?$/, "");
    const search = Object.entries(query)
      .map(([k, v]) => `${enc(k)}=${enc(v)}`)
      .join("&");
    return () => send(`GET ${template}`, `${path}${search ? `?${search}` : ""}`, { headers: { cookie: who ? reviewer : admin } }, () => true);
  });
  total += await fire("pages", requests, failures);
  report(failures);
});

test("no injected markup reaches a page as markup, and the total passes ten thousand", { tag: "@database-independent" }, async ({ browser }) => {
  expect(total).toBeGreaterThanOrEqual(10_000);
  const context = await browser.newContext({ baseURL: base });
  await context.addCookies(
    admin.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
    }),
  );
  const page = await context.newPage();
  const ran: string[] = [];
  page.on("dialog", (dialog) => void dialog.dismiss());
  for (const path of ["/", "/services", "/findings", "/admin", "/audit", "/tokens", "/exports"]) {
    await page.goto(path);
    ran.push(path);
    expect(await page.locator("[data-fuzz-injected]").count(), path).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __fuzzInjected?: number }).__fuzzInjected), path).toBeUndefined();
  }
  expect(ran).toHaveLength(7);
  await context.close();
});
