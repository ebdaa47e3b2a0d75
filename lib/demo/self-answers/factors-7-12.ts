// Twelvefold's answers for factors 7 to 12: port binding, concurrency,
// disposability, dev/prod parity, logs, admin processes.
import { engineer, lead, OPERATOR, type SelfAnswer } from "./shared";

export const ANSWERS_7_TO_12: Record<string, SelfAnswer> = {
  // 7. Port binding
  "F07-UNPRIVILEGED-PORT": {
    status: "met",
    justification: "PORT must be 1024 or above (start refuses a privileged one); the container runs as the node user on 3000.",
    evidence: ["lib/env.ts", "tests/integration/start.test.ts", "Dockerfile", "scripts/container.test.ts"],
  },
  "F07-PORT-FORWARDING": {
    status: "partially_met",
    justification:
      "The app binds loopback unless HOST says otherwise, so only a forwarder on the same host reaches it; the container binds all interfaces behind the platform's router, whose rule is the operator's.",
    evidence: ["lib/env.ts", "README.md"],
    gap: { owner: engineer, action: "Attach the ingress rule and an external probe of the app's port." },
  },
  "F07-NO-WEAK-PASSWORDS": {
    status: "met",
    justification:
      "No management console ships. The embedded database's password is generated and it listens on loopback; the first administrator gets a one-time password; demo passwords are generated unless DEMO_PASSWORD (12 or more characters) is given.",
    evidence: ["lib/db/embedded.ts", "scripts/create-admin.ts", "tests/integration/create-admin.test.ts", "lib/demo/seed.ts"],
  },
  "F07-TLS-AT-EDGE": {
    status: "partially_met",
    justification:
      "HSTS is sent on every response to a request that arrived over HTTPS (tested). TLS itself terminates at the operator's edge; no scan of it is attached.",
    evidence: ["proxy.ts", "lib/security/headers.ts", "e2e/security-headers.spec.ts"],
    gap: { owner: engineer, action: "Scan the public endpoint with testssl.sh and attach the report." },
  },
  "F07-SERVER-HARDENED": {
    status: "met",
    justification:
      "Every page carries a nonce-based CSP and the other security headers (tested); no X-Powered-By; oversized action bodies get 413 and undecodable requests 400 before Next reads them; errors never show a stack trace.",
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
    justification:
      "Action bodies are capped at 6 MB and API bodies at 1 MiB (413), evidence files at 5 MB, and every text field has a maximum length in its zod schema. The fuzz test sends 2 to 3 MB bodies to every action and route.",
    evidence: [
      "lib/security/action-request.ts",
      "lib/api/errors.ts",
      "lib/assessments/attachment-type.ts",
      "lib/assessments/answer-rules.ts",
      "e2e/fuzz.spec.ts",
    ],
  },
  "F08-TIMEOUTS": {
    status: "partially_met",
    justification:
      "The readiness check gives the database 2 s, start-up 10 s to connect, and Node's server drops slow headers after 60 s. The app's queries have no statement timeout and its pool no connection timeout.",
    evidence: ["lib/health/readiness.ts", "lib/boot/database.ts"],
    gap: { owner: engineer, action: "Set statement_timeout on the app's role and a connection timeout on its pool." },
  },
  "F08-RATE-LIMITS": {
    status: "met",
    justification:
      "Sign-in attempts are throttled per account and address (so nobody can lock anyone out) and API calls limited per minute, with the counts in PostgreSQL so the limits hold across instances (tested); portfolio exports and assessment PDFs are limited per user while under way, and PDFs are laid out on a render thread, off the event loop.",
    evidence: [
      "lib/auth/throttle.ts",
      "tests/integration/sign-in.test.ts",
      "tests/integration/api.test.ts",
      "tests/integration/portfolio-export.test.ts",
      "lib/exports/render-pool.ts",
      "tests/integration/assessment-pdf.test.ts",
    ],
  },
  "F08-DOS-PRONE-APIS": {
    status: "partially_met",
    justification:
      "Action arguments are capped in count and nesting before they are decoded, and every text input has a maximum length. No lint rule bans denial-of-service-prone APIs (unsafe regular expressions, unbounded parsing).",
    evidence: ["lib/security/action-request.ts", "eslint.config.mjs"],
    gap: { owner: engineer, action: "Add a lint rule set for unsafe regular expressions and review its suppressions." },
  },
  "F08-RESOURCE-LIMITS": {
    status: "partially_met",
    justification:
      "The database pool is bounded (DATABASE_POOL_SIZE, 1 to 100) and the worker takes one export at a time. Memory and CPU limits and autoscaler caps belong to deployment manifests the repository does not hold.",
    evidence: ["lib/env.ts", "lib/queue/worker.ts"],
    gap: { owner: engineer, action: "Set memory, CPU and replica limits for web and worker in the deployment manifests." },
  },
  "F08-LOAD-TESTED": {
    status: "met",
    justification:
      "npm run load drives fifty signed-in users for sixty seconds with autocannon and fails on any error; npm run bench measures each page against its floor. The last figures are in the README.",
    evidence: ["scripts/load.ts", "scripts/bench.ts", "bench/load.json", "bench/results.json"],
  },

  // 9. Disposability
  "F09-SIGNED-ASSERTIONS": {
    status: "met",
    justification:
      "The session cookie is Auth.js's encrypted token (AUTH_SECRET) around a random secret whose hash the server holds; API tokens are random and stored as hashes; every export's hash is recorded and verifiable; audit events are chained and carry an HMAC under AUDIT_KEY, which no database role holds, and checkpoints of the chain's head are signed (Ed25519); forged, changed and removed events are reported (tested).",
    evidence: [
      "lib/auth/sessions.ts",
      "lib/api/token-format.ts",
      "lib/audit/chain.ts",
      "lib/audit/key.ts",
      "lib/audit/checkpoint.ts",
      "tests/integration/audit-chain.test.ts",
      "e2e/exports.spec.ts",
    ],
  },
  "F09-EXPIRY": {
    status: "met",
    justification: "Sessions end after 30 idle minutes and 12 hours after sign-in however active (tested); API tokens and auditor grants carry an expiry.",
    evidence: ["lib/auth/sessions.ts", "tests/integration/sign-in.test.ts", "tests/integration/api.test.ts"],
  },
  "F09-REVOCATION": {
    status: "met",
    justification:
      'Sessions are server-side: sign-out ends one on the server, "sign out everywhere" ends all of a user\'s, disabling a user ends theirs on the next request on any instance, and tokens can be revoked (all tested).',
    evidence: ["e2e/auth.spec.ts", "tests/integration/admin-users.test.ts", "tests/integration/api.test.ts"],
  },
  "F09-SIGNING-KEYS": {
    status: "partially_met",
    justification:
      "AUTH_SECRET comes from the environment, one value shared by every instance. It is a single key: rotating it ends every session, with no overlap. No rotation is recorded.",
    evidence: ["lib/env.ts", "lib/boot/auth-secret.ts"],
    gap: { owner: engineer, action: "Accept the previous AUTH_SECRET during a rotation window, and record the rotation." },
  },
  "F09-GRACEFUL-SHUTDOWN": {
    status: "met",
    justification:
      "On SIGTERM the web server finishes in-flight requests (four PDF exports, tested) and the worker finishes its job; a server killed mid-save loses no acknowledged save; a failed job is retried until its attempts run out.",
    evidence: [
      "tests/integration/graceful-shutdown.test.ts",
      "tests/integration/kill-restart.test.ts",
      "scripts/worker.ts",
      "tests/integration/portfolio-export.test.ts",
    ],
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
    justification:
      "Every local data folder generates its own database password and AUTH_SECRET, and tests generate theirs. Production's secrets per environment are the operator's, and not evidenced.",
    evidence: ["lib/boot/auth-secret.ts", "lib/db/embedded.ts"],
    gap: { owner: engineer, action: "List each environment's secret references and show none is shared." },
  },
  "F10-SEPARATION-OF-DUTIES": {
    status: "not_met",
    justification: `${OPERATOR} Secret store policies per environment are not attached.`,
    evidence: [],
    gap: { owner: engineer, action: "Attach the secret store's per-environment policies and a developer's denied read." },
  },
  "F10-SECURITY-SERVICES-REPLICATED": {
    status: "met",
    justification:
      "The same code runs everywhere: CSP, sessions, throttles and the audit chain behave alike in npm start, in CI and in production; SSO is tested against a real OIDC issuer on loopback.",
    evidence: ["tests/oidc-issuer.ts", "e2e/sso.spec.ts", "scripts/test.ts"],
  },
  "F10-NO-PRODUCTION-DATA": {
    status: "met",
    justification: "Demo and test data are generated (demo.test addresses, invented services); the product has no way to import another environment's data.",
    evidence: ["lib/demo/org.ts", "lib/demo/history.ts"],
  },
  "F10-ENVIRONMENT-ISOLATION": {
    status: "not_met",
    justification: `${OPERATOR} Network policy between environments is not attached.`,
    evidence: [],
    gap: { owner: engineer, action: "Attach the network policy and a failed connection from staging to production." },
  },
  "F10-LEAK-MONITORING": {
    status: "not_met",
    justification: "Nothing watches public code sites for Twelvefold's secrets.",
    evidence: [],
    gap: { owner: engineer, action: "Subscribe to leaked-secret alerts for the organisation and record the rotation runbook." },
  },
  "F10-SAME-BACKING-SERVICES": {
    status: "partially_met",
    justification:
      "PostgreSQL everywhere, never a substitute: CI runs the whole suite on an embedded PostgreSQL 18 and on an external server. Production's version is the operator's, and not recorded.",
    evidence: [".ci/run", "lib/db/embedded.ts"],
    gap: { owner: engineer, action: "Record production's PostgreSQL version and run CI against the same one." },
  },

  // 11. Logs
  "F11-SECURITY-EVENTS": {
    status: "met",
    justification:
      "Each sign-in attempt, refusal, admin change and export is an audit event and, once its transaction commits, exactly one security log line (tested).",
    evidence: ["lib/audit/record.ts", "lib/audit/security-log.ts", "tests/integration/security-log.test.ts"],
  },
  "F11-EXTRACTABLE": {
    status: "met",
    justification:
      'Security lines are JSON with "log":"security": one filter selects them (jq \'select(.log == "security")\'); the audit page filters events by actor, action, target, category and dates.',
    evidence: ["lib/audit/security-log.ts", "tests/integration/audit-trail.test.ts"],
  },
  "F11-NO-SECRETS": {
    status: "met",
    justification:
      "Security lines carry ids and the event's hash, never an email, address, password or value (tested); passwords and tokens are never logged or audited in clear.",
    evidence: ["tests/integration/security-log.test.ts", "tests/integration/admin-users.test.ts"],
  },
  "F11-CONTEXT": {
    status: "met",
    justification:
      "Each audit event records who, what, the target, when, the client's address (the connection's own, or resolved through TRUSTED_PROXIES only) and user agent, and the outcome; the log line points to it by hash. Clock synchronisation is the hosts'.",
    evidence: ["lib/audit/record.ts", "lib/security/client-address.ts", "scripts/client-address.mjs"],
  },
  "F11-CENTRAL-TAMPER-EVIDENT": {
    status: "partially_met",
    justification:
      "Logs go to stdout only (the scanner finds no log file). The audit trail is chained and keyed; the app's role can only append through audit_append(), and npm run audit:verify reports every forged, changed or removed event, the newest ones against signed checkpoints that the security log stream and audit:checkpoint keep outside the database. The central store, its permissions and retention are the operator's.",
    evidence: [
      "lib/log.ts",
      "lib/audit/chain.ts",
      "tests/integration/app-role.test.ts",
      "tests/integration/audit-chain.test.ts",
      "scripts/audit-verify.ts",
      "scripts/audit-checkpoint.ts",
    ],
    gap: { owner: engineer, action: "Attach the log routing, the central store's write permissions and its retention." },
  },
  "F11-LOG-INJECTION": {
    status: "met",
    justification: "Every line is one JSON object written by pino, which escapes newlines; security lines carry no user-supplied text at all.",
    evidence: ["lib/log.ts", "lib/audit/security-log.ts"],
  },
  "F11-ALERTING": {
    status: "not_met",
    justification: "No alert rule reads the security stream.",
    evidence: [],
    gap: { owner: engineer, action: "Alert on bursts of refusals and failed sign-ins, and on admin changes out of hours." },
  },

  // 12. Admin processes
  "F12-SAME-SCRUTINY": {
    status: "met",
    justification:
      "Every admin process is a script in the repository, typed, linted and tested like the app: migrations, the first administrator, audit verification and the seeds.",
    evidence: [
      "scripts/db-migrate.ts",
      "scripts/create-admin.ts",
      "scripts/audit-verify.ts",
      "tests/integration/migrator.test.ts",
      "tests/integration/create-admin.test.ts",
    ],
  },
  "F12-RISK-DISCUSSED": {
    status: "not_met",
    justification: "No design review or threat model covering the admin processes is recorded.",
    evidence: [],
    gap: { owner: lead, action: "Threat-model the admin processes (migrations, first administrator) in the next design review." },
  },
  "F12-RELEASE-ENVIRONMENT": {
    status: "partially_met",
    justification:
      "Migrations run as the release's one-off process (Procfile release; npm run db:migrate in the image). Whether anyone can reach production hosts interactively is the operator's.",
    evidence: ["Procfile", "README.md"],
    gap: { owner: engineer, action: "Attach the production SSH access policy and the record of the last admin run." },
  },
  "F12-LEAST-PRIVILEGE": {
    status: "partially_met",
    justification:
      "Only the release step holds the owner's credentials; the app's role cannot change the schema; org-wide auditor access ends by itself within a year. Standing admin rights in production are the operator's.",
    evidence: ["lib/db/app-role.ts", "tests/integration/app-role.test.ts", "tests/integration/admin-users.test.ts"],
    gap: { owner: lead, action: "List standing production admin rights and move them to time-limited grants." },
  },
  "F12-AUDITED": {
    status: "met",
    justification:
      "Admin changes in the app and the first-administrator script write chained audit events and security log lines; each migration is recorded in the migration history with its checksum.",
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
