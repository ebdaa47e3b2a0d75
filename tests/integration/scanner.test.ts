// The scanner against repositories made for it: a clean one and a deliberately
// bad one, read through git (as in CI) and by a plain folder walk. The command
// runs as a user runs it; its JSON and SARIF are checked against their schemas.
import { createHash } from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Ajv from "ajv";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { afterAll, describe, expect, it } from "vitest";
import { ANSWERS_1_TO_6 } from "@/lib/demo/self-answers/factors-1-6";
import { ANSWERS_7_TO_12 } from "@/lib/demo/self-answers/factors-7-12";
import { evidenceSubmissionSchema } from "@/lib/evidence/schema";
import { scanRepository, type ScanReport } from "@/lib/scanner/scan";

const root = path.resolve(import.meta.dirname, "../..");
const CLEAN = path.join(root, "tests/fixtures/scan-clean");
const BAD = path.join(root, "tests/fixtures/scan-bad");
const temporary: string[] = [];
afterAll(() => temporary.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function scratch(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "twelvefold-scan-"));
  temporary.push(folder);
  return folder;
}

function cli(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ["scripts/twelvefold.mjs", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Each item's suggestion as "status" and its observations as "file:line". */
function compact(report: ScanReport) {
  return Object.fromEntries(
    report.results.map((r) => [r.itemId, { status: r.status, at: r.observations.map((o) => `${o.file}${o.line ? `:${o.line}` : ""}`) }]),
  );
}

const BAD_EXPECTED = {
  "F03-NO-SECRETS-IN-CODE": {
    status: "not_met",
    at: [".env:1", ".env:1", "deploy/id_rsa:1", "Dockerfile:4", "Dockerfile:5", ".github/workflows/deploy.yml:7"],
  },
  // No scanner on push either (the partial finding), besides what is already committed.
  "F01-SECRET-SCANNING": { status: "not_met", at: [".env:1", ".env:1", "deploy/id_rsa:1", "(whole repository)"] },
  "F03-ROTATION": { status: "not_met", at: [".env:1", ".env:1", "deploy/id_rsa:1"] },
  "F02-DECLARED-LOCKED": { status: "not_met", at: ["package.json:1", ".github/workflows/deploy.yml:10", "Dockerfile:7"] },
  "F02-TRUSTED-SOURCES": { status: "partially_met", at: [".github/workflows/deploy.yml:9"] },
  "F02-NO-IMPLICIT-TOOLS": { status: "met", at: ["Dockerfile:7"] },
  "F05-HARDENED-BUILDS": { status: "not_met", at: ["Dockerfile:4", "Dockerfile:5", ".github/workflows/deploy.yml:7", ".github/workflows/deploy.yml:1"] },
  "F04-TLS": { status: "not_met", at: [".env:1", "src/db.js:3"] },
  "F07-UNPRIVILEGED-PORT": { status: "not_met", at: ["Dockerfile:2", "Dockerfile:8"] },
  "F05-MINIMAL-RUNTIME": { status: "not_met", at: ["Dockerfile:2"] },
  // No handler seen judges nothing (a framework may handle it); the shell-form CMD is a problem on a line.
  "F09-GRACEFUL-SHUTDOWN": { status: "partially_met", at: ["Dockerfile:9"] },
  "F11-CENTRAL-TAMPER-EVIDENT": { status: "not_met", at: ["logs/app.log", "src/server.js:5"] },
};

const CLEAN_EXPECTED = {
  "F03-NO-SECRETS-IN-CODE": { status: "met", at: [] },
  "F01-SECRET-SCANNING": { status: "met", at: [".github/workflows/ci.yml:10"] },
  "F02-DECLARED-LOCKED": { status: "met", at: [] },
  "F02-NO-IMPLICIT-TOOLS": { status: "met", at: ["Dockerfile:6"] },
  // Actions pinned to commits, and a lockfile with checksums.
  "F02-TRUSTED-SOURCES": { status: "met", at: [".github/workflows/ci.yml:9", "package-lock.json:11"] },
  // A fresh GitHub-hosted runner and a token with declared, read-only permissions.
  "F05-HARDENED-BUILDS": { status: "met", at: [".github/workflows/ci.yml:4", ".github/workflows/ci.yml:7"] },
  "F04-TLS": { status: "met", at: [".env.example:2"] },
  "F07-UNPRIVILEGED-PORT": { status: "met", at: ["Dockerfile:12", "Dockerfile:13", "Dockerfile:14"] },
  "F09-GRACEFUL-SHUTDOWN": { status: "met", at: ["src/server.js:10"] },
  "F11-EXTRACTABLE": { status: "met", at: ["src/log.js:1"] },
  "F11-LOG-INJECTION": { status: "met", at: ["src/log.js:1"] },
  // Logs go to stdout; the central, tamper-evident store is the platform's and never in a repository.
  "F11-CENTRAL-TAMPER-EVIDENT": { status: "partially_met", at: ["src/log.js:1"] },
};

describe("the scanner on its fixture repositories", () => {
  it("finds every planted problem in the bad repository, with file and line", () => {
    const report = scanRepository(BAD);
    expect(report.fileSource).toBe("git");
    expect(compact(report)).toEqual(BAD_EXPECTED);
    const messages = report.results.flatMap((r) => r.observations.map((o) => o.message)).join("\n");
    expect(messages).toContain("Environment file committed; it sets DATABASE_URL, STRIPE_SECRET_KEY");
    expect(messages).toContain("EXPOSE 80, a privileged port below 1024");
    expect(messages).toContain("sslmode=require encrypts without checking the host name");
    // It names what it found but never repeats a secret's value.
    expect(JSON.stringify(report)).not.toMatch(/hunter2|not-a-real-key|not-a-real-token/);
  });

  it("suggests met for what the clean repository does right, and claims nothing it cannot see", () => {
    const report = scanRepository(CLEAN);
    expect(compact(report)).toEqual(CLEAN_EXPECTED);
    // Every check either finds it right or has nothing to judge (no Kubernetes, no Terraform here), except
    // the one whose item a repository can only ever show part of.
    expect(report.checks.filter((check) => check.verdict !== "met" && check.verdict !== null).map((c) => c.rule.id)).toEqual(["log-stream"]);
  });

  it("reads the whole deployment (Kubernetes, Helm values, Compose, workflows, GitLab CI, Terraform) and the code's signals, with documentation and fixtures apart", () => {
    const report = scanRepository(path.join(root, "tests/fixtures/scan-deploy"));
    expect(compact(report)).toEqual({
      "F03-NO-SECRETS-IN-CODE": { status: "met", at: [] },
      "F01-SECRET-SCANNING": { status: "met", at: [".github/workflows/ci.yml:19", ".gitlab-ci.yml:2"] },
      "F03-ROTATION": { status: "partially_met", at: ["deploy/k8s/external-secret.yaml:2"] },
      "F01-DEPLOY-TRACEABLE": { status: "met", at: [".github/workflows/ci.yml:20"] },
      "F02-DECLARED-LOCKED": { status: "met", at: [] },
      "F02-SBOM": { status: "met", at: [".github/workflows/ci.yml:17"] },
      "F02-COMPOSITION-ANALYSIS": { status: "met", at: [".github/workflows/ci.yml:15"] },
      "F02-REMEDIATION-SLA": { status: "partially_met", at: [".github/dependabot.yml:3"] },
      "F02-TRUSTED-SOURCES": {
        status: "partially_met",
        at: [".github/workflows/ci.yml:10", ".github/workflows/ci.yml:16", ".github/workflows/ci.yml:17", ".github/workflows/ci.yml:19", "package-lock.json:1"],
      },
      "F02-NO-IMPLICIT-TOOLS": { status: "met", at: ["Dockerfile:4"] },
      "F03-ENV-VALIDATED": { status: "met", at: ["src/config.js:1", "src/config.js:3"] },
      "F03-SECRET-STORE": { status: "met", at: ["deploy/k8s/external-secret.yaml:2"] },
      "F05-HARDENED-BUILDS": { status: "not_met", at: [".github/workflows/ci.yml:5", ".github/workflows/ci.yml:10"] },
      "F03-NO-CONFIG-LEAK": { status: "not_met", at: ["app/settings.py:3"] },
      "F04-TLS": { status: "not_met", at: ["infra/main.tf:26"] },
      "F05-IMMUTABLE-RELEASES": { status: "not_met", at: ["deploy/k8s/deployment.yaml:22"] },
      "F05-PROVENANCE": { status: "partially_met", at: [".github/workflows/ci.yml:18"] },
      "F05-SECURITY-GATES": { status: "partially_met", at: [".github/workflows/ci.yml:16"] },
      "F05-MINIMAL-RUNTIME": { status: "not_met", at: ["deploy/k8s/deployment.yaml:22", "deploy/k8s/deployment.yaml:22", "Dockerfile:1"] },
      "F06-ATTACK-SURFACE": { status: "not_met", at: ["infra/main.tf:4"] },
      "F07-UNPRIVILEGED-PORT": { status: "not_met", at: ["deploy/k8s/deployment.yaml:22", "Dockerfile:1"] },
      "F07-TLS-AT-EDGE": { status: "not_met", at: ["infra/main.tf:10"] },
      "F08-RESOURCE-LIMITS": { status: "partially_met", at: ["charts/web/values.yaml:5", "deploy/k8s/deployment.yaml:22", "deploy/k8s/deployment.yaml:37"] },
      "F08-RATE-LIMITS": { status: "met", at: ["src/auth.js:4", "src/auth.js:7", "src/auth.js:3", "src/auth.js:7"] },
      "F09-SIGNED-ASSERTIONS": { status: "not_met", at: ["src/auth.js:10"] },
      "F09-EXPIRY": { status: "not_met", at: ["src/auth.js:10"] },
      "F09-GRACEFUL-SHUTDOWN": { status: "met", at: ["server.js:4"] },
      "F11-EXTRACTABLE": { status: "met", at: ["src/auth.js:2"] },
      "F11-LOG-INJECTION": { status: "met", at: ["src/auth.js:2"] },
      "F11-CENTRAL-TAMPER-EVIDENT": { status: "partially_met", at: ["src/auth.js:2"] },
      "F12-RELEASE-ENVIRONMENT": { status: "met", at: ["deploy/k8s/deployment.yaml:30"] },
      "F12-LEAST-PRIVILEGE": { status: "partially_met", at: ["deploy/k8s/deployment.yaml:30"] },
    });
    // Each cited line carries its digest, so a later scan can tell it changed.
    const exposed = report.results.find((r) => r.itemId === "F06-ATTACK-SURFACE")!.observations[0]!;
    expect(exposed).toMatchObject({ file: "infra/main.tf", line: 4, digest: createHash("sha256").update("publicly_accessible = true").digest("hex") });
    // The placeholder in the docs and the fixture's URL are set apart, never counted as credentials or connections.
    const credentials = report.checks.find((check) => check.rule.id === "committed-credentials")!;
    expect(credentials.summary).toMatch(/2 more in documentation, examples or tests, not counted \(docs\/setup\.mdx:6, tests\/fixtures\/db\.env\.ts:1\)/);
    const tls = report.checks.find((check) => check.rule.id === "database-tls")!;
    expect(tls.verdict).toBeNull();
    expect(tls.summary).toMatch(/2 more in documentation/);
  });

  it("reads what the cluster manifests, the server code and the pipeline say beyond each container (tests/fixtures/scan-cluster)", () => {
    const report = scanRepository(path.join(root, "tests/fixtures/scan-cluster"));
    expect(compact(report)).toEqual({
      // Code owners for every path: review is asked for, but whether the branch requires it is the host's setting.
      "F01-BRANCH-PROTECTION": { status: "partially_met", at: [".github/CODEOWNERS:2"] },
      "F05-HARDENED-BUILDS": { status: "met", at: [".github/workflows/deploy.yml:6", ".github/workflows/deploy.yml:9"] },
      // A Secret committed with a value, and a Terraform password literal; AWS's documented example key and an empty value are not credentials.
      "F03-NO-SECRETS-IN-CODE": { status: "not_met", at: ["deploy/secret.yaml:4", "infra/db.tf:4"] },
      "F01-SECRET-SCANNING": { status: "not_met", at: ["deploy/secret.yaml:4", "infra/db.tf:4", "(whole repository)"] },
      // A committed secret can only be rotated by changing the code.
      "F03-ROTATION": { status: "not_met", at: ["deploy/secret.yaml:4", "infra/db.tf:4"] },
      // Redis deployed with nothing that turns TLS on serves plain text only.
      "F04-TLS": { status: "not_met", at: ["deploy/redis.yaml:9"] },
      "F05-IMMUTABLE-RELEASES": { status: "met", at: ["deploy/api.yaml:9", "deploy/migrate.yaml:10", "deploy/redis.yaml:9", "deploy/web.yaml:13"] },
      // The deploy job holds the pipeline's own secrets: no environment keeps them apart.
      "F05-SEPARATE-STAGES": { status: "partially_met", at: [".github/workflows/deploy.yml:8"] },
      "F05-AUTOMATED-HANDOFF": { status: "met", at: [".github/workflows/deploy.yml:11"] },
      // web/Dockerfile has no USER but its deployment makes it non-root; api's deployment does not; the cache is writable.
      "F05-MINIMAL-RUNTIME": { status: "not_met", at: ["deploy/redis.yaml:9", "api/Dockerfile:1"] },
      "F06-STATELESS": { status: "met", at: ["web/server.js:4"] },
      "F06-INPUT-UNTRUSTED": { status: "met", at: ["api/main.go:6", "web/server.js:11"] },
      // A plain gRPC dial inside a mesh that permits plain text.
      "F06-SERVICE-AUTH": { status: "partially_met", at: ["deploy/mesh.yaml:4", "api/orders.go:12"] },
      "F07-UNPRIVILEGED-PORT": { status: "not_met", at: ["api/Dockerfile:1"] },
      "F07-PORT-FORWARDING": { status: "partially_met", at: ["deploy/services.yaml:4"] },
      "F07-TLS-AT-EDGE": { status: "partially_met", at: ["deploy/services.yaml:4"] },
      "F07-SERVER-HARDENED": { status: "met", at: ["api/main.go:7", "api/main.go:11", "web/server.js:2", "web/server.js:8"] },
      "F07-BIND-SCOPE": { status: "partially_met", at: ["deploy/services.yaml:14"] },
      "F08-BOUNDED-READS": { status: "met", at: ["api/main.go:14", "web/server.js:9"] },
      "F08-TIMEOUTS": { status: "partially_met", at: ["api/main.go:16"] },
      "F08-RESOURCE-LIMITS": { status: "met", at: ["deploy/api.yaml:9", "deploy/migrate.yaml:10", "deploy/redis.yaml:9", "deploy/web.yaml:13"] },
      "F08-LOAD-TESTED": { status: "partially_met", at: ["loadtest/locustfile.py:2"] },
      "F09-FAST-REPLACEMENT": { status: "partially_met", at: ["deploy/redis.yaml:9", "deploy/web.yaml:13"] },
      "F11-LOG-INJECTION": { status: "partially_met", at: ["web/server.js:12"] },
      "F12-RELEASE-ENVIRONMENT": { status: "met", at: ["deploy/migrate.yaml:4", "Procfile:1"] },
      "F12-LEAST-PRIVILEGE": { status: "partially_met", at: ["deploy/migrate.yaml:4"] },
    });
    const user = report.checks.find((check) => check.rule.id === "container-user")!;
    expect(user.findings.find((f) => f.file === "api/Dockerfile")?.message).toMatch(/Deployment\/api \(deploy\/api\.yaml:9\) does not make it non-root/);
  });

  it("reads a folder outside git the same way", () => {
    const copy = scratch();
    cpSync(BAD, copy, { recursive: true });
    const report = scanRepository(copy);
    expect(report.fileSource).toBe("filesystem");
    expect(compact(report)).toEqual(BAD_EXPECTED);
  });

  it("respects .gitignore, and reports a secret file that is gone from the tree but still in the history", () => {
    const repo = scratch();
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", repo, "-c", "user.name=Fixture", "-c", "user.email=fixture@example.test", ...args], { encoding: "utf8" });
    cpSync(CLEAN, repo, { recursive: true });
    git("init", "-q");
    writeFileSync(path.join(repo, "id_ed25519"), "not a key\n");
    // An environment file that only ever set configuration is not a credential, even in the history.
    writeFileSync(path.join(repo, ".env.local"), "LOG_LEVEL=debug\nPORT=3000\n");
    git("add", "-f", ".");
    git("commit", "-q", "-m", "first");
    const added = git("rev-parse", "--short", "HEAD").trim();
    git("rm", "-q", "id_ed25519", ".env.local");
    git("commit", "-q", "-m", "remove the key");
    writeFileSync(path.join(repo, ".gitignore"), ".env\n");
    writeFileSync(path.join(repo, ".env"), "SECRET=local-only\n");

    const report = scanRepository(repo);
    const credentials = report.checks.find((check) => check.rule.id === "committed-credentials")!;
    expect(credentials.findings).toEqual([
      {
        file: "id_ed25519",
        line: null,
        verdict: "not_met",
        message: `Added in commit ${added} and still in the history although removed since; rotate what it held`,
      },
    ]);
    expect(compact(report)["F01-SECRET-SCANNING"]).toEqual({ status: "not_met", at: ["id_ed25519"] });
  });

  it("finds nothing to fix in Twelvefold itself, and agrees with its self-assessment where it sees only part of an item", () => {
    const report = scanRepository(root, { exclude: ["tests/fixtures", "lib/scanner/rules"] });
    const problems = report.checks.flatMap((check) =>
      check.findings.filter((finding) => finding.verdict === "not_met").map((finding) => `${check.rule.id} ${finding.file}:${finding.line} ${finding.message}`),
    );
    expect(problems).toEqual([]);
    // What the repository cannot show (push protection on the code host, the central log store) the
    // self-assessment also leaves partially met; the scanner must not be more severe than it on any item.
    const self = { ...ANSWERS_1_TO_6, ...ANSWERS_7_TO_12 };
    const partial = report.results.filter((r) => r.status !== "met").map((r) => `${r.itemId} ${r.status} (self: ${self[r.itemId]?.status})`);
    expect(partial).toEqual(["F01-SECRET-SCANNING partially_met (self: partially_met)", "F11-CENTRAL-TAMPER-EVIDENT partially_met (self: partially_met)"]);
  });

  it("leaves out what --exclude names", () => {
    const report = scanRepository(BAD, { exclude: ["deploy", ".env", "logs/"] });
    // With the credentials left out, only the missing push scanner remains.
    expect(compact(report)["F01-SECRET-SCANNING"]).toEqual({ status: "partially_met", at: ["(whole repository)"] });
    expect(compact(report)["F11-CENTRAL-TAMPER-EVIDENT"]).toEqual({ status: "not_met", at: ["src/server.js:5"] });
  });
});

describe("the twelvefold scan command", () => {
  it("prints JSON that validates against the scan report schema and is what the API accepts", () => {
    const run = cli(["scan", "tests/fixtures/scan-bad", "--format", "json"]);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as ScanReport;
    const schema = JSON.parse(readFileSync(path.join(root, "lib/scanner/scan-report.schema.json"), "utf8"));
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(compact(report)).toEqual(BAD_EXPECTED);
    expect(evidenceSubmissionSchema.safeParse({ source: "test", results: report.results }).success).toBe(true);
    // The schema is not a rubber stamp: a report missing a line number fails it.
    const broken = structuredClone(report) as unknown as { results: { observations: { line?: number }[] }[] };
    delete broken.results[0]!.observations[0]!.line;
    expect(validate(broken)).toBe(false);
  });

  it("prints SARIF 2.1.0 that validates against the OASIS schema, with a location per finding", () => {
    const run = cli(["scan", "tests/fixtures/scan-bad", "--format", "sarif"]);
    expect(run.status).toBe(0);
    const sarif = JSON.parse(run.stdout);
    const schema = JSON.parse(readFileSync(path.join(root, "tests/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
    // The schema's language-tag pattern is not valid under the "u" flag.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const results = sarif.runs[0].results as {
      ruleId: string;
      level: string;
      locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
    }[];
    const port = results.find((r) => r.ruleId === "privileged-port")!;
    expect(port.level).toBe("error");
    expect(port.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: "Dockerfile", uriBaseId: "SRCROOT" }, region: { startLine: 8 } });
    // One result per problem the checks found, none lost on the way to SARIF: 19 (the 16 planted in files,
    // the workflow's unpinned action, its undeclared token permissions, and no secret scanner on push).
    expect(results.filter((r) => r.level === "error" || r.level === "warning")).toHaveLength(19);
    const broken = structuredClone(sarif);
    broken.runs[0].results[0].level = "severe";
    expect(validate(broken)).toBe(false);
  });

  it("prints a readable summary, and --fail-on-findings fails only the bad repository", () => {
    const bad = cli(["scan", "tests/fixtures/scan-bad", "--fail-on-findings"]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/NOT MET\s+F07-UNPRIVILEGED-PORT\s+The app binds an unprivileged port and never runs as root/);
    expect(bad.stdout).toContain("- Dockerfile:8  EXPOSE 80, a privileged port below 1024");
    expect(bad.stdout).toContain("12 items judged, 11 with problems.");
    const clean = cli(["scan", "tests/fixtures/scan-clean", "--fail-on-findings"]);
    expect(clean.status).toBe(0);
    // The one partial is where logs go after stdout, which no repository shows; only "not met" fails the run.
    expect(clean.stdout).toContain("12 items judged, 1 with problems.");
  });

  it("writes --output to a file and says so on stderr", () => {
    const out = path.join(scratch(), "scan.sarif");
    const run = cli(["scan", "tests/fixtures/scan-clean", "--format", "sarif", "--output", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Report written to");
    expect(JSON.parse(readFileSync(out, "utf8")).version).toBe("2.1.0");
  });

  it("refuses bad usage with a clear message and exit status 2", () => {
    expect(cli(["scan", "tests/fixtures/scan-clean", "--format", "xml"])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("--format is text, json or sarif"),
    });
    expect(cli(["scan", "tests/fixtures/missing"])).toMatchObject({ status: 2, stderr: expect.stringContaining("Cannot scan tests/fixtures/missing") });
    expect(cli(["scan"])).toMatchObject({ status: 2, stderr: expect.stringContaining("Say which folder to scan") });
    expect(cli(["audit", "."])).toMatchObject({ status: 2, stderr: expect.stringContaining('Unknown command "audit"') });
    expect(cli(["scan", ".", "--url", "http://localhost:1", "--service", "checkout-api"])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("To submit, give all of --url, --service and a token"),
    });
    const unreachable = cli(["scan", "tests/fixtures/scan-clean", "--url", "http://localhost:9", "--service", "checkout-api"], { TWELVEFOLD_TOKEN: "tf_x" });
    expect(unreachable.status).toBe(2);
    expect(unreachable.stderr).toContain("Could not reach http://localhost:9");
    expect(cli(["--help"]).stdout).toContain("Usage: twelvefold scan <path>");
  });
});
