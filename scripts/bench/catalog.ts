// The catalogue sync at scale, for `npm run bench`: a generated catalogue of
// 10,000 components (one file each, across the database's teams) previewed and
// applied through POST /api/v1/catalog on the served app, then synced again
// unchanged, which must write nothing. Reports each step's time and the
// server's memory increase; then removes what it made, so the next bench
// starts from the same database.
import pg from "pg";
import { hashApiToken, newIntegrationToken } from "../../lib/api/token-format";
import { currentMemoryMb, peakMemoryMb, resetPeakMemory } from "./measure";

export interface CatalogBench {
  components: number;
  bytes: number;
  previewMs: number;
  applyMs: number;
  resyncMs: number;
  resyncWrote: boolean;
  rowsChangedByResync: number;
  /** Each request's peak over the server's resident memory just before it. */
  previewMemoryMb: number;
  applyMemoryMb: number;
  resyncMemoryMb: number;
  /** The peak over the resident memory before the first of the three: what the server kept between them counts too. */
  overallMemoryMb: number;
}

function componentFile(i: number, team: string): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: bench-svc-${i}
  title: Bench service ${i}
  description: A generated component for the catalogue bench.
  annotations:
    twelvefold.dev/tier: ${["critical", "high", "medium", "low"][i % 4]}
    github.com/project-slug: bench-org/bench-svc-${i}
spec:
  type: service
  lifecycle: production
  owner: group:default/${team}
`;
}

export async function benchCatalog(base: string, ownerUrl: string, serverPid: number, components = 10_000): Promise<CatalogBench> {
  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  const token = newIntegrationToken();
  try {
    const teams = (await db.query<{ slug: string }>("SELECT slug FROM teams ORDER BY slug")).rows.map((r) => r.slug);
    const admin = (await db.query<{ id: string }>("SELECT id FROM users WHERE is_admin AND disabled_at IS NULL ORDER BY created_at LIMIT 1")).rows[0];
    if (!admin || !teams.length) throw new Error("the catalogue bench needs an admin and a team");
    await db.query(
      "INSERT INTO integration_tokens (name, prefix, token_hash, purpose, created_by_id, expires_at) VALUES ('bench', $1, $2, 'catalog', $3, now() + interval '1 hour')",
      [token.slice(0, 10), hashApiToken(token), admin.id],
    );
    // The whole catalogue as it stands, plus the generated components: a sync takes all of it.
    const existing = (await db.query<{ ref: string }>("SELECT catalog_ref AS ref FROM services WHERE catalog_ref IS NOT NULL")).rows;
    if (existing.length) throw new Error(`the database already has ${existing.length} catalogue services; the bench needs none`);
    const files = Array.from({ length: components }, (_, i) => ({
      path: `repos/bench-svc-${i}/catalog-info.yaml`,
      content: componentFile(i, teams[i % teams.length]!),
    }));
    const body = (extra: object) => JSON.stringify({ files, ...extra });
    const post = async (payload: string) => {
      const before = currentMemoryMb(serverPid);
      resetPeakMemory(serverPid);
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/catalog`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: payload,
      });
      const json = (await response.json()) as { applied: boolean; digest: string; counts: Record<string, number>; error?: { message: string } };
      if (response.status !== 200) throw new Error(`catalogue sync answered ${response.status}: ${json.error?.message ?? ""}`);
      const peak = peakMemoryMb(serverPid);
      overallPeak = Math.max(overallPeak, peak);
      return { ms: Math.round(performance.now() - started), json, memoryMb: Math.max(0, peak - before) };
    };
    const baseline = currentMemoryMb(serverPid);
    let overallPeak = baseline;
    const preview = await post(body({}));
    if (preview.json.counts.refused) throw new Error(`${preview.json.counts.refused} components refused`);
    const apply = await post(body({ apply: true, expectedDigest: preview.json.digest }));
    const stamp = (await db.query<{ t: Date }>("SELECT max(updated_at) AS t FROM services")).rows[0]!.t;
    const events = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM audit_events WHERE action = 'catalog.synced'")).rows[0]!.n);
    const resync = await post(body({ apply: true }));
    const changed = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM services WHERE updated_at > $1", [stamp])).rows[0]!.n);
    const eventsAfter = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM audit_events WHERE action = 'catalog.synced'")).rows[0]!.n);
    return {
      components,
      bytes: Buffer.byteLength(body({})),
      previewMs: preview.ms,
      applyMs: apply.ms,
      resyncMs: resync.ms,
      resyncWrote: resync.json.applied,
      rowsChangedByResync: changed + (eventsAfter - events),
      previewMemoryMb: preview.memoryMb,
      applyMemoryMb: apply.memoryMb,
      resyncMemoryMb: resync.memoryMb,
      overallMemoryMb: Math.max(0, overallPeak - baseline),
    };
  } finally {
    await db.query("DELETE FROM services WHERE catalog_ref LIKE 'component:default/bench-svc-%'");
    await db.query("DELETE FROM integration_tokens WHERE token_hash = $1", [hashApiToken(token)]);
    await db.end();
  }
}
