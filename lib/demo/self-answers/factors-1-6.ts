// Twelvefold's answers for factors 1 to 6: codebase, dependencies, config,
// backing services, build/release/run, processes.
import { engineer, lead, OPERATOR, type SelfAnswer } from "./shared";

export const ANSWERS_1_TO_6: Record<string, SelfAnswer> = {
  // 1. Codebase
  "F01-REPO-ACCESS": {
    status: "not_met",
    justification: `${OPERATOR} The access list lives on the code host.`,
    evidence: [],
    gap: { owner: lead, action: "Attach a dated export of the repository's access list and base permission." },
  },
  "F01-STRONG-AUTH": {
    status: "not_met",
    justification: `${OPERATOR} SSO and MFA enforcement is a code host setting.`,
    evidence: [],
    gap: { owner: lead, action: "Attach the code host's SSO and MFA enforcement settings and member list." },
  },
  "F01-BRANCH-PROTECTION": {
    status: "partially_met",
    justification:
      "Every change to main must pass .ci/run on a clean clone (typecheck, lint, unit, integration and end-to-end tests on two databases); a red run does not land. The rule that enforces review on the code host is not in the repository.",
    evidence: [".ci/run", "scripts/test.ts"],
    gap: { owner: lead, action: "Attach the branch ruleset and five sampled pull requests with their reviews." },
  },
  "F01-ACCESS-REVIEW": {
    status: "not_met",
    justification: `${OPERATOR} No access review has been recorded.`,
    evidence: [],
    gap: { owner: lead, action: "Run and record a repository access review." },
  },
  "F01-SECRET-SCANNING": {
    status: "partially_met",
    justification:
      "`twelvefold scan` reads every tracked file and the whole git history for credentials, and a test runs it on this repository and expects nothing to fix. Push protection on the code host is not evidenced.",
    evidence: ["lib/scanner", "tests/integration/scanner.test.ts"],
    gap: { owner: engineer, action: "Enable push protection on the code host and attach the setting." },
  },
  "F01-DEPLOY-TRACEABLE": {
    status: "partially_met",
    justification:
      "One codebase makes every process (Procfile: release, web, worker). The image is built from a commit, but the running release does not report which one.",
    evidence: ["Procfile", "Dockerfile"],
    gap: { owner: engineer, action: "Stamp the commit into the image (org.opencontainers.image.revision) and report it from /api/health/live." },
  },
  "F01-HOST-AUDIT-LOG": {
    status: "not_met",
    justification: `${OPERATOR} The code host's audit log is not streamed anywhere we can show.`,
    evidence: [],
    gap: { owner: lead, action: "Stream the code host's audit log and alert on visibility and branch-rule changes." },
  },

  // 2. Dependencies
  "F02-DECLARED-LOCKED": {
    status: "met",
    justification:
      "Every dependency is pinned to an exact version in package.json and locked in the committed package-lock.json, platform packages included. CI and the image install with npm ci only; the scanner's lockfile check finds no install around it.",
    evidence: ["package.json", "package-lock.json", "scripts/complete-lockfile.test.ts", ".ci/run", "Dockerfile"],
  },
  "F02-SBOM": {
    status: "not_met",
    justification: "No software bill of materials is produced for a release.",
    evidence: [],
    gap: { owner: engineer, action: "Produce a CycloneDX SBOM (npm sbom) from the lockfile with every image build." },
  },
  "F02-COMPOSITION-ANALYSIS": {
    status: "not_met",
    justification:
      "No composition analysis gates the build. `npm audit` cannot run from the build machine: the registry answers 405 to its bulk advisory request.",
    evidence: [],
    gap: { owner: engineer, action: "Run npm audit (or OSV-Scanner) in a pipeline that can reach the advisory database, failing on high and critical." },
  },
  "F02-REMEDIATION-SLA": {
    status: "not_met",
    justification: "No update bot is configured and no record of fix times is kept.",
    evidence: [],
    gap: { owner: engineer, action: "Enable automated dependency updates and track advisories against the finding SLA." },
  },
  "F02-TRUSTED-SOURCES": {
    status: "met",
    justification:
      "Every package resolves from registry.npmjs.org with an integrity hash that npm ci verifies; there is no git or URL dependency and no custom registry.",
    evidence: ["package-lock.json"],
  },
  "F02-NO-IMPLICIT-TOOLS": {
    status: "met",
    justification:
      "The app runs node and the embedded Postgres binaries of a declared npm package, nothing else. The scanner calls git; the tests' Chromium and pdftoppm are installed by .ci/run, which names them.",
    evidence: ["lib/scanner/repo.ts", "lib/db/embedded.ts", ".ci/run"],
  },
  "F02-UNUSED-REMOVED": {
    status: "partially_met",
    justification: "The image carries production dependencies only (npm prune --omit=dev). No unused-dependency check runs.",
    evidence: ["Dockerfile"],
    gap: { owner: engineer, action: "Add an unused-dependency check (knip or depcheck) to npm test." },
  },

  // 3. Config
  "F03-NO-SECRETS-IN-CODE": {
    status: "met",
    justification:
      "The scanner finds no credential in the tree or its history (tested on this repository). Secrets come from the environment; on a laptop, the embedded database's password and AUTH_SECRET are generated at first start into DATA_DIR (mode 600), which git and the image ignore. The image layers cannot be scanned here (no Docker engine); a test checks that the Dockerfile copies nothing secret.",
    evidence: [
      "tests/integration/scanner.test.ts",
      "lib/boot/auth-secret.ts",
      "lib/db/embedded.ts",
      ".gitignore",
      ".dockerignore",
      "scripts/container.test.ts",
    ],
  },
  "F03-ENV-VALIDATED": {
    status: "met",
    justification:
      "lib/env.ts reads every setting from the environment and validates it with zod at start; each bad setting gets its own line, and start refuses a malformed DATABASE_URL or a privileged port with a message naming it.",
    evidence: ["lib/env.ts", "lib/env.test.ts", "tests/integration/start.test.ts"],
  },
  "F03-SECRET-STORE": {
    status: "not_met",
    justification: `${OPERATOR} Twelvefold reads secrets from its environment only, so any store that injects them works; none is evidenced.`,
    evidence: [],
    gap: { owner: engineer, action: "Document the secret store that injects DATABASE_URL, AUTH_SECRET and the OIDC secret, with its access policy." },
  },
  "F03-ENV-HARDENED": {
    status: "not_met",
    justification: `${OPERATOR}`,
    evidence: [],
    gap: { owner: engineer, action: "Attach the runtime platform's benchmark scan and the list of who can read production workload settings." },
  },
  "F03-ROTATION": {
    status: "partially_met",
    justification:
      "Every secret is an environment variable, so rotation needs no code change. AUTH_SECRET is a single key: rotating it ends every session. No rotation has been recorded.",
    evidence: ["lib/env.ts", "README.md"],
    gap: { owner: engineer, action: "Record a rotation of each secret, and accept a previous AUTH_SECRET during an overlap." },
  },
  "F03-NO-CONFIG-LEAK": {
    status: "met",
    justification:
      "Users see a plain error page, never a stack trace; there is no debug route (the authorisation matrix lists every route in the build and fails on a new one); settings are read in server-only modules; the fuzz test sends 11,100 hostile requests and accepts no 5xx; security log lines carry ids only.",
    evidence: ["app/error.tsx", "e2e/authorisation-matrix.spec.ts", "e2e/fuzz.spec.ts", "tests/integration/security-log.test.ts"],
  },
  "F03-INDEPENDENT-REVIEW": {
    status: "not_met",
    justification: "No independent security team has assessed the configuration environment.",
    evidence: [],
    gap: { owner: lead, action: "Commission an independent review covering secret storage and delivery." },
  },

  // 4. Backing services
  "F04-INVENTORY": {
    status: "partially_met",
    justification:
      "Two backing services: PostgreSQL (all data, jobs and sessions) and, optionally, the organisation's OIDC identity provider; the README's configuration section lists both with their settings. No owner per environment is named.",
    evidence: ["README.md", "lib/env.ts"],
    gap: { owner: engineer, action: "Name the owner and posture of each backing service per environment in the service catalogue." },
  },
  "F04-TLS": {
    status: "partially_met",
    justification:
      "The app and its migrations honour sslmode from the URL, verifying the server's certificate with verify-full, tested against a real TLS Postgres. Refusing plain connections on the server (hostssl) is the operator's, and not evidenced. The embedded default talks over loopback only.",
    evidence: ["lib/db/client.ts", "tests/integration/tls.test.ts"],
    gap: { owner: engineer, action: "Attach the production database's hostssl-only rule." },
  },
  "F04-LEAST-PRIVILEGE": {
    status: "met",
    justification:
      "The app connects as its own login with data rights only; migrations use a separate owner URL. The app's role cannot change the schema, touch the migration history, or update or delete audit events (tested).",
    evidence: ["lib/db/app-role.ts", "tests/integration/app-role.test.ts"],
  },
  "F04-UNIQUE-CREDENTIALS": {
    status: "partially_met",
    justification:
      "Every embedded database gets a generated password, and the app login is the app's own. Per-environment uniqueness of production credentials is the operator's, and not evidenced.",
    evidence: ["lib/db/embedded.ts", "lib/db/app-role.ts"],
    gap: { owner: engineer, action: "List the secret reference each environment uses for the database and the identity provider." },
  },
  "F04-HOSTILE-DATA": {
    status: "met",
    justification:
      "All queries are Prisma calls or parameterised SQL; no SQL or shell command is built from strings. OIDC claims are validated (an unverified email is refused). React escapes every value, and the fuzz test finds no injected markup rendered.",
    evidence: ["lib/auth/oidc-sign-in.ts", "e2e/sso.spec.ts", "e2e/fuzz.spec.ts"],
  },
  "F04-SECURITY-IN-ABSTRACTION": {
    status: "met",
    justification:
      "Every read and write goes through the data layer, whose functions take the acting principal and check the policy; server actions pass one chokepoint that re-checks the caller. The authorisation matrix calls every action and route as nine kinds of principal.",
    evidence: ["lib/data", "lib/auth/policy.ts", "lib/actions/action.ts", "e2e/authorisation-matrix.spec.ts"],
  },
  "F04-THIRD-PARTY-ASSURANCE": {
    status: "not_applicable",
    justification: "Twelvefold attaches no third-party service: its only backing services are the operator's own PostgreSQL and identity provider.",
    evidence: ["lib/env.ts"],
  },

  // 5. Build, release, run
  "F05-SEPARATE-STAGES": {
    status: "partially_met",
    justification:
      "The image builds in separate stages, and the release step (migrations, with the owner's URL) is apart from run (the app's least-privileged role). The credentials of the pipeline and registry are the operator's, and not evidenced.",
    evidence: ["Dockerfile", "Procfile", "README.md"],
    gap: { owner: engineer, action: "List each stage's credentials and show the build has no deploy rights." },
  },
  "F05-AUTOMATED-HANDOFF": {
    status: "partially_met",
    justification:
      "The Procfile's release phase migrates automatically before the new web and worker processes start. No deployment pipeline is defined in the repository.",
    evidence: ["Procfile", "scripts/db-migrate.ts"],
    gap: { owner: engineer, action: "Define the deployment pipeline and attach its last three runs." },
  },
  "F05-IMMUTABLE-RELEASES": {
    status: "not_met",
    justification: "Nothing pins releases by digest or makes tags immutable.",
    evidence: [],
    gap: { owner: engineer, action: "Deploy by image digest from a registry with immutable tags." },
  },
  "F05-PROVENANCE": {
    status: "not_met",
    justification: "Images are not signed and carry no provenance.",
    evidence: [],
    gap: { owner: engineer, action: "Sign images with provenance (SLSA build level 2) and verify at deploy." },
  },
  "F05-SECURITY-GATES": {
    status: "partially_met",
    justification:
      "npm test gates every change with security tests: the authorisation matrix, the fuzz test, the accessibility checks, the scanner run on this repository and the audit chain's tamper test. No composition analysis gate exists (see the dependencies factor).",
    evidence: ["scripts/test.ts", "e2e/authorisation-matrix.spec.ts", "e2e/fuzz.spec.ts"],
    gap: { owner: engineer, action: "Add the composition analysis gate and record any override." },
  },
  "F05-HARDENED-BUILDS": {
    status: "partially_met",
    justification:
      "CI runs on a clean clone and needs no secret at all: tests generate their own passwords, keys and databases. The runner's isolation is the operator's, and not evidenced.",
    evidence: [".ci/run", "scripts/test.ts"],
    gap: { owner: engineer, action: "Attach the runner configuration (ephemeral) and a fork pull request's failed secret read." },
  },
  "F05-MINIMAL-RUNTIME": {
    status: "partially_met",
    justification:
      "The final stage is node:20-bookworm-slim with production dependencies only, running as the unprivileged node user (tested by the Dockerfile lint). A read-only root file system has not been tried.",
    evidence: ["Dockerfile", "scripts/container.test.ts"],
    gap: { owner: engineer, action: "Run the container with a read-only root file system and record the result." },
  },

  // 6. Processes
  "F06-STATELESS": {
    status: "met",
    justification:
      "Sessions, sign-in throttles, API rate windows and background jobs (pg-boss) live in PostgreSQL; nothing is kept in process memory between requests. The API limit holds across instances, and a server killed mid-save restarts with every acknowledged save intact (tested).",
    evidence: [
      "lib/auth/sessions.ts",
      "lib/auth/throttle.ts",
      "lib/queue/queues.ts",
      "tests/integration/api.test.ts",
      "tests/integration/kill-restart.test.ts",
    ],
  },
  "F06-INPUT-UNTRUSTED": {
    status: "met",
    justification:
      "Every edge validates with zod: server actions in one chokepoint, API routes, address parameters and queued job data. Requests Next could not decode are refused with a 4xx before it tries. The fuzz test sends 11,100 malformed requests to every action, route and page: no 5xx, no row changed by a refusal.",
    evidence: ["lib/actions/action.ts", "lib/assessments/input-schemas.ts", "lib/security/action-request.ts", "lib/queue/worker.ts", "e2e/fuzz.spec.ts"],
  },
  "F06-SERVICE-AUTH": {
    status: "met",
    justification:
      "The only service-to-service calls are the scanner's to the API: each needs a team-scoped, expiring bearer token, and a call without one is refused. The worker talks to PostgreSQL only.",
    evidence: ["lib/api/token-format.ts", "tests/integration/api.test.ts", "e2e/api-evidence.spec.ts"],
  },
  "F06-LEGACY-EXPOSURE": {
    status: "not_applicable",
    justification: "No legacy code: Twelvefold was written as one service, and no endpoint wraps code that predates it.",
    evidence: ["README.md"],
  },
  "F06-ATTACK-SURFACE": {
    status: "met",
    justification:
      "The API is described in OpenAPI (tested against the routes), and the authorisation matrix derives every server action and route handler from the build: a new one missing from it fails the suite.",
    evidence: ["lib/api/openapi.ts", "lib/api/openapi.test.ts", "e2e/authorisation-matrix.spec.ts", "e2e/build-manifest.ts"],
  },
  "F06-SECURITY-SERVICES": {
    status: "met",
    justification:
      "Sign-in goes to the organisation's identity provider (OIDC) or Auth.js with argon2id; permissions are decided by one policy module; every security event is recorded by one audit module. No page or action carries its own copy.",
    evidence: ["lib/auth/auth.ts", "lib/auth/policy.ts", "lib/audit/record.ts"],
  },
};
