// Twelvefold assessed against its own checklist. Every answer names the files
// (code, configuration, tests) that prove it; a unit test checks that each one
// exists, so a pointer cannot rot unnoticed. Scope: this repository and the
// deployment it documents (npm start, the Procfile, the container). What rests
// on the operator's platform (code host, secret store, network, log store) has
// no proof here, so it is answered as a gap, never assumed: each gap becomes a
// finding with an owner and a due date, and a line in the README.
import type { AnswerStatus } from "../assessment/answer-rules";

export const SELF_SERVICE = {
  team: "platform",
  name: "Twelvefold",
  slug: "twelvefold",
  description: "This product, assessed against its own checklist: every answer points to the code, configuration or test that proves it.",
  criticality: "high" as const,
  owner: "jonas.berg@demo.test",
  repositoryUrl: "https://git.example.com/platform/twelvefold",
};

/** Reviewer, approver and the people gaps go to: the Platform team's. */
export const SELF_PEOPLE = { reviewer: "reviewer@demo.test", lead: "lead@demo.test", engineer: "jonas.berg@demo.test" };

export interface SelfAnswer {
  status: AnswerStatus;
  justification: string;
  /** Repository paths (files or folders) that prove the answer. */
  evidence: string[];
  /** For an answer short of met: who closes the gap, and what closes it. */
  gap?: { owner: string; action: string };
}

const OPERATOR = "The repository cannot show this: it rests on the operator's platform, and no record of it has been attached.";
const lead = SELF_PEOPLE.lead;
const engineer = SELF_PEOPLE.engineer;

export const SELF_ANSWERS: Record<string, SelfAnswer> = {
  // 1. Codebase
  "F01-REPO-ACCESS": { status: "not_met", justification: `${OPERATOR} The access list lives on the code host.`, evidence: [], gap: { owner: lead, action: "Attach a dated export of the repository's access list and base permission." } },
  "F01-STRONG-AUTH": { status: "not_met", justification: `${OPERATOR} SSO and MFA enforcement is a code host setting.`, evidence: [], gap: { owner: lead, action: "Attach the code host's SSO and MFA enforcement settings and member list." } },
  "F01-BRANCH-PROTECTION": {
    status: "partially_met",
    justification: "Every change to main must pass .ci/run on a clean clone (typecheck, lint, unit, integration and end-to-end tests on two databases); a red run does not land. The rule that enforces review on the code host is not in the repository.",
    evidence: [".ci/run", "scripts/test.ts"],
    gap: { owner: lead, action: "Attach the branch ruleset and five sampled pull requests with their reviews." },
  },
  "F01-ACCESS-REVIEW": { status: "not_met", justification: `${OPERATOR} No access review has been recorded.`, evidence: [], gap: { owner: lead, action: "Run and record a repository access review." } },
  "F01-SECRET-SCANNING": {
    status: "partially_met",
    justification: "`twelvefold scan` reads every tracked file and the whole git history for credentials, and a test runs it on this repository and expects nothing to fix. Push protection on the code host is not evidenced.",
    evidence: ["lib/scanner", "tests/integration/scanner.test.ts"],
    gap: { owner: engineer, action: "Enable push protection on the code host and attach the setting." },
  },
  "F01-DEPLOY-TRACEABLE": {
    status: "partially_met",
    justification: "One codebase makes every process (Procfile: release, web, worker). The image is built from a commit, but the running release does not report which one.",
    evidence: ["Procfile", "Dockerfile"],
    gap: { owner: engineer, action: "Stamp the commit into the image (org.opencontainers.image.revision) and report it from /api/health/live." },
  },
  "F01-HOST-AUDIT-LOG": { status: "not_met", justification: `${OPERATOR} The code host's audit log is not streamed anywhere we can show.`, evidence: [], gap: { owner: lead, action: "Stream the code host's audit log and alert on visibility and branch-rule changes." } },

  // 2. Dependencies
  "F02-DECLARED-LOCKED": {
    status: "met",
    justification: "Every dependency is pinned to an exact version in package.json and locked in the committed package-lock.json, platform packages included. CI and the image install with npm ci only; the scanner's lockfile check finds no install around it.",
    evidence: ["package.json", "package-lock.json", "scripts/complete-lockfile.test.ts", ".ci/run", "Dockerfile"],
  },
  "F02-SBOM": { status: "not_met", justification: "No software bill of materials is produced for a release.", evidence: [], gap: { owner: engineer, action: "Produce a CycloneDX SBOM (npm sbom) from the lockfile with every image build." } },
  "F02-COMPOSITION-ANALYSIS": {
    status: "not_met",
    justification: "No composition analysis gates the build. `npm audit` cannot run from the build machine: the registry answers 405 to its bulk advisory request.",
    evidence: [],
    gap: { owner: engineer, action: "Run npm audit (or OSV-Scanner) in a pipeline that can reach the advisory database, failing on high and critical." },
  },
  "F02-REMEDIATION-SLA": { status: "not_met", justification: "No update bot is configured and no record of fix times is kept.", evidence: [], gap: { owner: engineer, action: "Enable automated dependency updates and track advisories against the finding SLA." } },
  "F02-TRUSTED-SOURCES": {
    status: "met",
    justification: "Every package resolves from registry.npmjs.org with an integrity hash that npm ci verifies; there is no git or URL dependency and no custom registry.",
    evidence: ["package-lock.json"],
  },
  "F02-NO-IMPLICIT-TOOLS": {
    status: "met",
    justification: "The app runs node and the embedded Postgres binaries of a declared npm package, nothing else. The scanner calls git; the tests' Chromium and pdftoppm are installed by .ci/run, which names them.",
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
    justification: "The scanner finds no credential in the tree or its history (tested on this repository). Secrets come from the environment; on a laptop, the embedded database's password and AUTH_SECRET are generated at first start into DATA_DIR (mode 600), which git and the image ignore. The image layers cannot be scanned here (no Docker engine); a test checks that the Dockerfile copies nothing secret.",
    evidence: ["tests/integration/scanner.test.ts", "lib/boot/auth-secret.ts", "lib/db/embedded.ts", ".gitignore", ".dockerignore", "scripts/container.test.ts"],
  },
  "F03-ENV-VALIDATED": {
    status: "met",
    justification: "lib/env.ts reads every setting from the environment and validates it with zod at start; each bad setting gets its own line, and start refuses a malformed DATABASE_URL or a privileged port with a message naming it.",
    evidence: ["lib/env.ts", "lib/env.test.ts", "tests/integration/start.test.ts"],
  },
  "F03-SECRET-STORE": { status: "not_met", justification: `${OPERATOR} Twelvefold reads secrets from its environment only, so any store that injects them works; none is evidenced.`, evidence: [], gap: { owner: engineer, action: "Document the secret store that injects DATABASE_URL, AUTH_SECRET and the OIDC secret, with its access policy." } },
  "F03-ENV-HARDENED": { status: "not_met", justification: `${OPERATOR}`, evidence: [], gap: { owner: engineer, action: "Attach the runtime platform's benchmark scan and the list of who can read production workload settings." } },
  "F03-ROTATION": {
    status: "partially_met",
    justification: "Every secret is an environment variable, so rotation needs no code change. AUTH_SECRET is a single key: rotating it ends every session. No rotation has been recorded.",
    evidence: ["lib/env.ts", "README.md"],
    gap: { owner: engineer, action: "Record a rotation of each secret, and accept a previous AUTH_SECRET during an overlap." },
  },
  "F03-NO-CONFIG-LEAK": {
    status: "met",
    justification: "Users see a plain error page, never a stack trace; there is no debug route (the authorisation matrix lists every route in the build and fails on a new one); settings are read in server-only modules; the fuzz test sends 11,100 hostile requests and accepts no 5xx; security log lines carry ids only.",
    evidence: ["app/error.tsx", "e2e/authorisation-matrix.spec.ts", "e2e/fuzz.spec.ts", "tests/integration/security-log.test.ts"],
  },
  "F03-INDEPENDENT-REVIEW": { status: "not_met", justification: "No independent security team has assessed the configuration environment.", evidence: [], gap: { owner: lead, action: "Commission an independent review covering secret storage and delivery." } },

  // 4. Backing services
  "F04-INVENTORY": {
    status: "partially_met",
    justification: "Two backing services: PostgreSQL (all data, jobs and sessions) and, optionally, the organisation's OIDC identity provider; the README's configuration section lists both with their settings. No owner per environment is named.",
    evidence: ["README.md", "lib/env.ts"],
    gap: { owner: engineer, action: "Name the owner and posture of each backing service per environment in the service catalogue." },
  },
  "F04-TLS": {
    status: "partially_met",
    justification: "The app and its migrations honour sslmode from the URL, verifying the server's certificate with verify-full, tested against a real TLS Postgres. Refusing plain connections on the server (hostssl) is the operator's, and not evidenced. The embedded default talks over loopback only.",
    evidence: ["lib/db/client.ts", "tests/integration/tls.test.ts"],
    gap: { owner: engineer, action: "Attach the production database's hostssl-only rule." },
  },
  "F04-LEAST-PRIVILEGE": {
    status: "met",
    justification: "The app connects as its own login with data rights only; migrations use a separate owner URL. The app's role cannot change the schema, touch the migration history, or update or delete audit events (tested).",
    evidence: ["lib/db/app-role.ts", "tests/integration/app-role.test.ts"],
  },
  "F04-UNIQUE-CREDENTIALS": {
    status: "partially_met",
    justification: "Every embedded database gets a generated password, and the app login is the app's own. Per-environment uniqueness of production credentials is the operator's, and not evidenced.",
    evidence: ["lib/db/embedded.ts", "lib/db/app-role.ts"],
    gap: { owner: engineer, action: "List the secret reference each environment uses for the database and the identity provider." },
  },
  "F04-HOSTILE-DATA": {
    status: "met",
    justification: "All queries are Prisma calls or parameterised SQL; no SQL or shell command is built from strings. OIDC claims are validated (an unverified email is refused). React escapes every value, and the fuzz test finds no injected markup rendered.",
    evidence: ["lib/auth/oidc-sign-in.ts", "e2e/sso.spec.ts", "e2e/fuzz.spec.ts"],
  },
  "F04-SECURITY-IN-ABSTRACTION": {
    status: "met",
    justification: "Every read and write goes through the data layer, whose functions take the acting principal and check the policy; server actions pass one chokepoint that re-checks the caller. The authorisation matrix calls every action and route as nine kinds of principal.",
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
    justification: "The image builds in separate stages, and the release step (migrations, with the owner's URL) is apart from run (the app's least-privileged role). The credentials of the pipeline and registry are the operator's, and not evidenced.",
    evidence: ["Dockerfile", "Procfile", "README.md"],
    gap: { owner: engineer, action: "List each stage's credentials and show the build has no deploy rights." },
  },
  "F05-AUTOMATED-HANDOFF": {
    status: "partially_met",
    justification: "The Procfile's release phase migrates automatically before the new web and worker processes start. No deployment pipeline is defined in the repository.",
    evidence: ["Procfile", "scripts/db-migrate.ts"],
    gap: { owner: engineer, action: "Define the deployment pipeline and attach its last three runs." },
  },
  "F05-IMMUTABLE-RELEASES": { status: "not_met", justification: "Nothing pins releases by digest or makes tags immutable.", evidence: [], gap: { owner: engineer, action: "Deploy by image digest from a registry with immutable tags." } },
  "F05-PROVENANCE": { status: "not_met", justification: "Images are not signed and carry no provenance.", evidence: [], gap: { owner: engineer, action: "Sign images with provenance (SLSA build level 2) and verify at deploy." } },
  "F05-SECURITY-GATES": {
    status: "partially_met",
    justification: "npm test gates every change with security tests: the authorisation matrix, the fuzz test, the accessibility checks, the scanner run on this repository and the audit chain's tamper test. No composition analysis gate exists (see the dependencies factor).",
    evidence: ["scripts/test.ts", "e2e/authorisation-matrix.spec.ts", "e2e/fuzz.spec.ts"],
    gap: { owner: engineer, action: "Add the composition analysis gate and record any override." },
  },
  "F05-HARDENED-BUILDS": {
    status: "partially_met",
    justification: "CI runs on a clean clone and needs no secret at all: tests generate their own passwords, keys and databases. The runner's isolation is the operator's, and not evidenced.",
    evidence: [".ci/run", "scripts/test.ts"],
    gap: { owner: engineer, action: "Attach the runner configuration (ephemeral) and a fork pull request's failed secret read." },
  },
  "F05-MINIMAL-RUNTIME": {
    status: "partially_met",
    justification: "The final stage is node:20-bookworm-slim with production dependencies only, running as the unprivileged node user (tested by the Dockerfile lint). A read-only root file system has not been tried.",
    evidence: ["Dockerfile", "scripts/container.test.ts"],
    gap: { owner: engineer, action: "Run the container with a read-only root file system and record the result." },
  },

  // 6. Processes
  "F06-STATELESS": {
    status: "met",
    justification: "Sessions, sign-in throttles, API rate windows and background jobs (pg-boss) live in PostgreSQL; nothing is kept in process memory between requests. The API limit holds across instances, and a server killed mid-save restarts with every acknowledged save intact (tested).",
    evidence: ["lib/auth/sessions.ts", "lib/auth/throttle.ts", "lib/queue/queues.ts", "tests/integration/api.test.ts", "tests/integration/kill-restart.test.ts"],
  },
  "F06-INPUT-UNTRUSTED": {
    status: "met",
    justification: "Every edge validates with zod: server actions in one chokepoint, API routes, address parameters and queued job data. Requests Next could not decode are refused with a 4xx before it tries. The fuzz test sends 11,100 malformed requests to every action, route and page: no 5xx, no row changed by a refusal.",
    evidence: ["lib/actions/action.ts", "lib/assessment/input-schemas.ts", "lib/security/action-request.ts", "lib/queue/worker.ts", "e2e/fuzz.spec.ts"],
  },
  "F06-SERVICE-AUTH": {
    status: "met",
    justification: "The only service-to-service calls are the scanner's to the API: each needs a team-scoped, expiring bearer token, and a call without one is refused. The worker talks to PostgreSQL only.",
    evidence: ["lib/api/token-format.ts", "tests/integration/api.test.ts", "e2e/api-evidence.spec.ts"],
  },
  "F06-LEGACY-EXPOSURE": {
    status: "not_applicable",
    justification: "No legacy code: Twelvefold was written as one service, and no endpoint wraps code that predates it.",
    evidence: ["README.md"],
  },
  "F06-ATTACK-SURFACE": {
    status: "met",
    justification: "The API is described in OpenAPI (tested against the routes), and the authorisation matrix derives every server action and route handler from the build: a new one missing from it fails the suite.",
    evidence: ["lib/api/openapi.ts", "lib/api/openapi.test.ts", "e2e/authorisation-matrix.spec.ts", "e2e/build-manifest.ts"],
  },
  "F06-SECURITY-SERVICES": {
    status: "met",
    justification: "Sign-in goes to the organisation's identity provider (OIDC) or Auth.js with argon2id; permissions are decided by one policy module; every security event is recorded by one audit module. No page or action carries its own copy.",
    evidence: ["lib/auth/auth.ts", "lib/auth/policy.ts", "lib/audit/record.ts"],
  },

  // 7. Port binding
  "F07-UNPRIVILEGED-PORT": {
    status: "met",
    justification: "PORT must be 1024 or above (start refuses a privileged one); the container runs as the node user on 3000.",
    evidence: ["lib/env.ts", "tests/integration/start.test.ts", "Dockerfile", "scripts/container.test.ts"],
  },
  "F07-PORT-FORWARDING": {
    status: "partially_met",
    justification: "The app binds loopback unless HOST says otherwise, so only a forwarder on the same host reaches it; the container binds all interfaces behind the platform's router, whose rule is the operator's.",
    evidence: ["lib/env.ts", "README.md"],
    gap: { owner: engineer, action: "Attach the ingress rule and an external probe of the app's port." },
  },
  "F07-NO-WEAK-PASSWORDS": {
    status: "met",
    justification: "No management console ships. The embedded database's password is generated and it listens on loopback; the first administrator gets a one-time password; demo passwords are generated unless DEMO_PASSWORD (12 or more characters) is given.",
    evidence: ["lib/db/embedded.ts", "scripts/create-admin.ts", "tests/integration/create-admin.test.ts", "lib/demo/seed.ts"],
  },
  "F07-TLS-AT-EDGE": {
    status: "partially_met",
    justification: "HSTS is sent on every response to a request that arrived over HTTPS (tested). TLS itself terminates at the operator's edge; no scan of it is attached.",
    evidence: ["proxy.ts", "lib/security/headers.ts", "e2e/security-headers.spec.ts"],
    gap: { owner: engineer, action: "Scan the public endpoint with testssl.sh and attach the report." },
  },
  "F07-SERVER-HARDENED": {
    status: "met",
    justification: "Every page carries a nonce-based CSP and the other security headers (tested); no X-Powered-By; oversized action bodies get 413 and undecodable requests 400 before Next reads them; errors never show a stack trace.",
    evidence: ["lib/security/headers.ts", "e2e/security-headers.spec.ts", "next.config.ts", "lib/security/action-request.ts"],
  },
  "F07-BIND-SCOPE": {
    status: "met",
    justification: "The web process binds HOST (loopback by default); the embedded database listens on loopback; the worker listens on nothing.",
    evidence: ["lib/env.ts", "lib/db/embedded.ts", "scripts/worker.ts"],
  },

  // 8. Concurrency
  "F08-BOUNDED-READS": {
    status: "met",
    justification: "Action bodies are capped at 6 MB and API bodies at 1 MiB (413), evidence files at 5 MB, and every text field has a maximum length in its zod schema. The fuzz test sends 2 to 3 MB bodies to every action and route.",
    evidence: ["lib/security/action-request.ts", "lib/api/errors.ts", "lib/assessment/attachment-type.ts", "lib/assessment/answer-rules.ts", "e2e/fuzz.spec.ts"],
  },
  "F08-TIMEOUTS": {
    status: "partially_met",
    justification: "The readiness check gives the database 2 s, start-up 10 s to connect, and Node's server drops slow headers after 60 s. The app's queries have no statement timeout and its pool no connection timeout.",
    evidence: ["lib/health/readiness.ts", "lib/boot/database.ts"],
    gap: { owner: engineer, action: "Set statement_timeout on the app's role and a connection timeout on its pool." },
  },
  "F08-RATE-LIMITS": {
    status: "met",
    justification: "Sign-in attempts are throttled and API calls limited per minute, with the counts in PostgreSQL so the limits hold across instances (tested); portfolio exports are limited per user while one is under way.",
    evidence: ["lib/auth/throttle.ts", "tests/integration/sign-in.test.ts", "tests/integration/api.test.ts", "tests/integration/portfolio-export.test.ts"],
  },
  "F08-DOS-PRONE-APIS": {
    status: "partially_met",
    justification: "Action arguments are capped in count and nesting before they are decoded, and every text input has a maximum length. No lint rule bans denial-of-service-prone APIs (unsafe regular expressions, unbounded parsing).",
    evidence: ["lib/security/action-request.ts", "eslint.config.mjs"],
    gap: { owner: engineer, action: "Add a lint rule set for unsafe regular expressions and review its suppressions." },
  },
  "F08-RESOURCE-LIMITS": {
    status: "partially_met",
    justification: "The database pool is bounded (DATABASE_POOL_SIZE, 1 to 100) and the worker takes one export at a time. Memory and CPU limits and autoscaler caps belong to deployment manifests the repository does not hold.",
    evidence: ["lib/env.ts", "lib/queue/worker.ts"],
    gap: { owner: engineer, action: "Set memory, CPU and replica limits for web and worker in the deployment manifests." },
  },
  "F08-LOAD-TESTED": {
    status: "met",
    justification: "npm run load drives fifty signed-in users for sixty seconds with autocannon and fails on any error; npm run bench measures each page against its floor. The last figures are in the README.",
    evidence: ["scripts/load.ts", "scripts/bench.ts", "bench/load.json", "bench/results.json"],
  },

  // 9. Disposability
  "F09-SIGNED-ASSERTIONS": {
    status: "met",
    justification: "The session cookie is Auth.js's encrypted token (AUTH_SECRET) around a random secret whose hash the server holds; API tokens are random and stored as hashes; every export's hash is recorded and verifiable; audit events are hash-chained, and a tampered event is detected (tested).",
    evidence: ["lib/auth/sessions.ts", "lib/api/token-format.ts", "lib/audit/chain.ts", "tests/integration/sign-in.test.ts", "e2e/exports.spec.ts"],
  },
  "F09-EXPIRY": {
    status: "met",
    justification: "Sessions end after 30 idle minutes and 12 hours after sign-in however active (tested); API tokens and auditor grants carry an expiry.",
    evidence: ["lib/auth/sessions.ts", "tests/integration/sign-in.test.ts", "tests/integration/api.test.ts"],
  },
  "F09-REVOCATION": {
    status: "met",
    justification: "Sessions are server-side: sign-out ends one on the server, \"sign out everywhere\" ends all of a user's, disabling a user ends theirs on the next request on any instance, and tokens can be revoked (all tested).",
    evidence: ["e2e/auth.spec.ts", "tests/integration/admin-users.test.ts", "tests/integration/api.test.ts"],
  },
  "F09-SIGNING-KEYS": {
    status: "partially_met",
    justification: "AUTH_SECRET comes from the environment, one value shared by every instance. It is a single key: rotating it ends every session, with no overlap. No rotation is recorded.",
    evidence: ["lib/env.ts", "lib/boot/auth-secret.ts"],
    gap: { owner: engineer, action: "Accept the previous AUTH_SECRET during a rotation window, and record the rotation." },
  },
  "F09-GRACEFUL-SHUTDOWN": {
    status: "met",
    justification: "On SIGTERM the web server finishes in-flight requests (four PDF exports, tested) and the worker finishes its job; a server killed mid-save loses no acknowledged save; a failed job is retried until its attempts run out.",
    evidence: ["tests/integration/graceful-shutdown.test.ts", "tests/integration/kill-restart.test.ts", "scripts/worker.ts", "tests/integration/portfolio-export.test.ts"],
  },
  "F09-FAST-REPLACEMENT": {
    status: "partially_met",
    justification: "Processes are stateless and report readiness, so instances can be replaced freely. No timed replacement of a full deployment is recorded.",
    evidence: ["app/api/health/ready/route.ts", "e2e/operations.spec.ts"],
    gap: { owner: engineer, action: "Time a rolling replacement of every instance and record it." },
  },

  // 10. Dev/prod parity
  "F10-NO-SHARED-SECRETS": {
    status: "partially_met",
    justification: "Every local data folder generates its own database password and AUTH_SECRET, and tests generate theirs. Production's secrets per environment are the operator's, and not evidenced.",
    evidence: ["lib/boot/auth-secret.ts", "lib/db/embedded.ts"],
    gap: { owner: engineer, action: "List each environment's secret references and show none is shared." },
  },
  "F10-SEPARATION-OF-DUTIES": { status: "not_met", justification: `${OPERATOR} Secret store policies per environment are not attached.`, evidence: [], gap: { owner: engineer, action: "Attach the secret store's per-environment policies and a developer's denied read." } },
  "F10-SECURITY-SERVICES-REPLICATED": {
    status: "met",
    justification: "The same code runs everywhere: CSP, sessions, throttles and the audit chain behave alike in npm start, in CI and in production; SSO is tested against a real OIDC issuer on loopback.",
    evidence: ["tests/oidc-issuer.ts", "e2e/sso.spec.ts", "scripts/test.ts"],
  },
  "F10-NO-PRODUCTION-DATA": {
    status: "met",
    justification: "Demo and test data are generated (demo.test addresses, invented services); the product has no way to import another environment's data.",
    evidence: ["lib/demo/org.ts", "lib/demo/history.ts"],
  },
  "F10-ENVIRONMENT-ISOLATION": { status: "not_met", justification: `${OPERATOR} Network policy between environments is not attached.`, evidence: [], gap: { owner: engineer, action: "Attach the network policy and a failed connection from staging to production." } },
  "F10-LEAK-MONITORING": { status: "not_met", justification: "Nothing watches public code sites for Twelvefold's secrets.", evidence: [], gap: { owner: engineer, action: "Subscribe to leaked-secret alerts for the organisation and record the rotation runbook." } },
  "F10-SAME-BACKING-SERVICES": {
    status: "partially_met",
    justification: "PostgreSQL everywhere, never a substitute: CI runs the whole suite on an embedded PostgreSQL 18 and on an external server. Production's version is the operator's, and not recorded.",
    evidence: [".ci/run", "lib/db/embedded.ts"],
    gap: { owner: engineer, action: "Record production's PostgreSQL version and run CI against the same one." },
  },

  // 11. Logs
  "F11-SECURITY-EVENTS": {
    status: "met",
    justification: "Each sign-in attempt, refusal, admin change and export is an audit event and, once its transaction commits, exactly one security log line (tested).",
    evidence: ["lib/audit/record.ts", "lib/audit/security-log.ts", "tests/integration/security-log.test.ts"],
  },
  "F11-EXTRACTABLE": {
    status: "met",
    justification: "Security lines are JSON with \"log\":\"security\": one filter selects them (jq 'select(.log == \"security\")'); the audit page filters events by actor, action, target, category and dates.",
    evidence: ["lib/audit/security-log.ts", "tests/integration/audit-trail.test.ts"],
  },
  "F11-NO-SECRETS": {
    status: "met",
    justification: "Security lines carry ids and the event's hash, never an email, address, password or value (tested); passwords and tokens are never logged or audited in clear.",
    evidence: ["tests/integration/security-log.test.ts", "tests/integration/admin-users.test.ts"],
  },
  "F11-CONTEXT": {
    status: "met",
    justification: "Each audit event records who, what, the target, when, the client's address and user agent, and the outcome; the log line points to it by hash. Clock synchronisation is the hosts'.",
    evidence: ["lib/audit/record.ts", "lib/security/client-address.ts"],
  },
  "F11-CENTRAL-TAMPER-EVIDENT": {
    status: "partially_met",
    justification: "Logs go to stdout only (the scanner finds no log file); the audit trail is hash-chained, no database role can update or delete it, and npm run audit:verify checks the chain. The central store, its permissions and retention are the operator's.",
    evidence: ["lib/log.ts", "lib/audit/chain.ts", "tests/integration/app-role.test.ts", "scripts/audit-verify.ts"],
    gap: { owner: engineer, action: "Attach the log routing, the central store's write permissions and its retention." },
  },
  "F11-LOG-INJECTION": {
    status: "met",
    justification: "Every line is one JSON object written by pino, which escapes newlines; security lines carry no user-supplied text at all.",
    evidence: ["lib/log.ts", "lib/audit/security-log.ts"],
  },
  "F11-ALERTING": { status: "not_met", justification: "No alert rule reads the security stream.", evidence: [], gap: { owner: engineer, action: "Alert on bursts of refusals and failed sign-ins, and on admin changes out of hours." } },

  // 12. Admin processes
  "F12-SAME-SCRUTINY": {
    status: "met",
    justification: "Every admin process is a script in the repository, typed, linted and tested like the app: migrations, the first administrator, audit verification and the seeds.",
    evidence: ["scripts/db-migrate.ts", "scripts/create-admin.ts", "scripts/audit-verify.ts", "tests/integration/migrator.test.ts", "tests/integration/create-admin.test.ts"],
  },
  "F12-RISK-DISCUSSED": { status: "not_met", justification: "No design review or threat model covering the admin processes is recorded.", evidence: [], gap: { owner: lead, action: "Threat-model the admin processes (migrations, first administrator) in the next design review." } },
  "F12-RELEASE-ENVIRONMENT": {
    status: "partially_met",
    justification: "Migrations run as the release's one-off process (Procfile release; npm run db:migrate in the image). Whether anyone can reach production hosts interactively is the operator's.",
    evidence: ["Procfile", "README.md"],
    gap: { owner: engineer, action: "Attach the production SSH access policy and the record of the last admin run." },
  },
  "F12-LEAST-PRIVILEGE": {
    status: "partially_met",
    justification: "Only the release step holds the owner's credentials; the app's role cannot change the schema; org-wide auditor access ends by itself within a year. Standing admin rights in production are the operator's.",
    evidence: ["lib/db/app-role.ts", "tests/integration/app-role.test.ts", "tests/integration/admin-users.test.ts"],
    gap: { owner: lead, action: "List standing production admin rights and move them to time-limited grants." },
  },
  "F12-AUDITED": {
    status: "met",
    justification: "Admin changes in the app and the first-administrator script write chained audit events and security log lines; each migration is recorded in the migration history with its checksum.",
    evidence: ["scripts/create-admin.ts", "tests/integration/create-admin.test.ts", "lib/db/migrator.ts"],
  },
  "F12-APPROVAL-DRY-RUN": {
    status: "partially_met",
    justification: "Migrations can be rehearsed: npm run db:diff prints the SQL a schema change will run. No second person must approve a production run.",
    evidence: ["scripts/db-diff.ts"],
    gap: { owner: lead, action: "Require a second approver for production migrations in the pipeline." },
  },
  "F12-CONSOLES-GUARDED": {
    status: "met",
    justification: "No console or REPL ships: the image starts the web server or the worker only, and the route inventory holds no debug endpoint.",
    evidence: ["Dockerfile", "Procfile", "e2e/authorisation-matrix.spec.ts"],
  },
};

/** A repository path as a link under the service's repository. */
export function evidenceLink(path: string): string {
  return `${SELF_SERVICE.repositoryUrl}/blob/main/${path}`;
}
