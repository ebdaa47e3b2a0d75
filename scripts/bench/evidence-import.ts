// Evidence at scale, for `npm run bench`: a generated SARIF file of about 50 MB
// with 100,000 results imported through POST /api/v1/services/{slug}/evidence/imports
// on the served app (time, and the web server's memory over its resident memory
// just before), then drift: one-item submissions against the service's approved
// assessment, each contradicting or agreeing with it, timed whole (the drift check
// is one part of each). Removes what it made afterwards.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { hashApiToken, newApiToken, tokenPrefix } from "../../lib/api/token-format";
import { currentMemoryMb, peakMemoryMb, repeat, resetPeakMemory, type Timings } from "./measure";

export interface EvidenceImportBench {
  bytes: number;
  results: number;
  importMs: number;
  /** The server's peak during the import over its resident memory just before it. */
  importMemoryMb: number;
  /** A one-item submission to a service with an approved assessment, alternately contradicting and agreeing with it (each one drifts or clears). */
  driftSubmission: Timings;
}

/**
 * A SARIF log of `results` results, padded to about `bytes` the way a SAST tool's
 * log is large: code flows with snippets, fingerprints and related locations,
 * not long messages.
 */
export function generatedSarif(results: number, bytes: number): Buffer {
  const rules = Array.from({ length: 200 }, (_, i) => ({
    id: `bench.rule-${i}`,
    shortDescription: { text: `Bench rule ${i}` },
    defaultConfiguration: { level: i % 3 ? "warning" : "error" },
    properties: { tags: [`CWE-${[89, 79, 78, 22, 798, 400][i % 6]}: bench`, "security"], "security-severity": String((i % 10) + 0.5) },
  }));
  const step = (i: number, n: number, text: string) => ({
    location: { physicalLocation: { artifactLocation: { uri: `src/module-${(i + n) % 997}/file-${n}.ts` }, region: { startLine: n + 1, snippet: { text } } } },
  });
  const sample = (i: number, flowSteps: number, snippet: string) =>
    JSON.stringify({
      ruleId: `bench.rule-${i % 200}`,
      ruleIndex: i % 200,
      message: { text: `Finding ${i}: user input reaches a sensitive call.` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `src/module-${i % 997}/file-${i % 89}.ts`, uriBaseId: "%SRCROOT%" },
            region: { startLine: (i % 700) + 1, startColumn: 5 },
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: `${i.toString(16).padStart(16, "0")}:1` },
      codeFlows: [{ threadFlows: [{ locations: Array.from({ length: flowSteps }, (_, n) => step(i, n, snippet)) }] }],
    });
  // As many code-flow steps as bring each result to its share of the file.
  const snippet = "const value = request.query.value; await db.query(`SELECT * FROM t WHERE v = ${value}`);";
  const perStep = sample(0, 2, snippet).length - sample(0, 1, snippet).length;
  const flowSteps = Math.max(1, Math.floor((bytes / results - sample(0, 0, snippet).length) / perStep));
  const parts: string[] = [
    `{"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[{"tool":{"driver":{"name":"Semgrep OSS","semanticVersion":"1.97.0","rules":${JSON.stringify(rules)}}},"results":[`,
  ];
  for (let i = 0; i < results; i++) parts.push(`${i ? "," : ""}${sample(i, flowSteps, snippet)}`);
  parts.push("]}]}");
  return Buffer.from(parts.join(""));
}

export async function benchEvidenceImport(base: string, ownerUrl: string, serverPid: number, runs = 20): Promise<EvidenceImportBench> {
  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  const token = newApiToken();
  let serviceId = "";
  try {
    const [target] = (
      await db.query<{ id: string; slug: string; team_id: string; lead: string; current: number | null }>(
        `SELECT s.id, s.slug, s.team_id, s.current_score AS current, (SELECT user_id FROM memberships m WHERE m.team_id = s.team_id AND m.role = 'lead' LIMIT 1) AS lead
         FROM services s WHERE s.archived_at IS NULL AND s.latest_score IS NOT NULL
           AND EXISTS (SELECT 1 FROM memberships m WHERE m.team_id = s.team_id AND m.role = 'lead')
           AND NOT EXISTS (SELECT 1 FROM drifts d WHERE d.service_id = s.id AND d.resolved_at IS NULL)
         ORDER BY s.slug LIMIT 1`,
      )
    ).rows;
    if (!target) throw new Error("the evidence bench needs an assessed service whose team has a lead");
    serviceId = target.id;
    await db.query(
      "INSERT INTO api_tokens (name, prefix, token_hash, team_id, scope, created_by_id, expires_at) VALUES ('bench-evidence', $1, $2, $3, 'submit_evidence', $4, now() + interval '1 hour')",
      [tokenPrefix(token), hashApiToken(token), target.team_id, target.lead],
    );
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const sarif = generatedSarif(100_000, 50 * 1024 * 1024);
    resetPeakMemory(serverPid);
    const before = currentMemoryMb(serverPid);
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/services/${target.slug}/evidence/imports?name=bench.sarif`, {
      method: "POST",
      headers,
      body: new Blob([new Uint8Array(sarif)]),
    });
    const answer = (await response.json()) as { import?: { results: number } };
    const importMs = Math.round(performance.now() - started);
    const importMemoryMb = peakMemoryMb(serverPid) - before;
    if (response.status !== 201) throw new Error(`the import was refused (${response.status}): ${JSON.stringify(answer).slice(0, 300)}`);

    const item = (
      await db.query<{ item_id: string }>(
        `SELECT r.item_id FROM responses r WHERE r.status = 'met' AND r.assessment_id =
           (SELECT id FROM assessments WHERE service_id = $1 AND status = 'completed' ORDER BY approved_at DESC LIMIT 1) ORDER BY r.item_id LIMIT 1`,
        [target.id],
      )
    ).rows[0]?.item_id;
    if (!item) throw new Error("the evidence bench needs an approved answer that is met");
    let flip = 0;
    const driftSubmission = await repeat(runs, 3, async () => {
      const status = flip++ % 2 ? "met" : "not_met";
      const sent = await fetch(`${base}/api/v1/services/${target.slug}/evidence`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          source: "bench",
          results: [{ itemId: item, status, summary: `bench ${status}`, observations: [{ file: "Dockerfile", line: 1, message: "bench" }] }],
        }),
      });
      if (sent.status !== 201) throw new Error(`a drift submission was refused (${sent.status})`);
    });
    return { bytes: sarif.length, results: answer.import?.results ?? 0, importMs, importMemoryMb, driftSubmission };
  } finally {
    if (serviceId) {
      await db.query("DELETE FROM drifts WHERE service_id = $1", [serviceId]);
      await db.query(
        "DELETE FROM evidence WHERE service_id = $1 AND (source = 'bench' OR import_id IN (SELECT id FROM evidence_imports WHERE service_id = $1 AND file_name = 'bench.sarif'))",
        [serviceId],
      );
      await db.query("DELETE FROM evidence_imports WHERE service_id = $1 AND file_name = 'bench.sarif'", [serviceId]);
      await db.query(
        "UPDATE services SET current_score = NULL, current_factor_scores = NULL WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM platform_uses WHERE service_id = $1)",
        [serviceId],
      );
    }
    await db.query("DELETE FROM api_tokens WHERE name = 'bench-evidence'");
    await db.end();
  }
}

/** The drift check alone, in the data layer (scripts/bench/drift-run.ts, a child process on the bench's database). */
export async function driftCheckTimings(ownerUrl: string, runs = 40): Promise<Timings> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/worker-register.mjs", "scripts/bench/drift-run.ts", String(runs)],
    { env: { ...process.env, DATABASE_URL: ownerUrl, LOG_LEVEL: "warn" } },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Timings;
}
