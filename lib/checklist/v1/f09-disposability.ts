import { asvs, defineFactor, twelveFactor } from "../define";

export const disposability = defineFactor(
  {
    number: 9,
    key: "disposability",
    name: "Disposability",
    date: "2019-07-15",
    summary:
      "Processes start and stop at a moment's notice, so nothing a process issues may depend on that process living on. Sign the security assertions it derives (session tokens, signed links) and give them expirations that limit their life.",
  },
  [
    {
      id: "F09-SIGNED-ASSERTIONS",
      title: "Every security assertion the service issues is signed and verified on use",
      guidance:
        "Session cookies, bearer tokens, signed URLs, password-reset and invitation links are signed (or authenticated-encrypted) with a server key and verified on every use; unsigned or 'alg: none' tokens are rejected.",
      verify:
        "List each kind of assertion the service issues. For each, alter one byte and replay it: it must be refused. Check the token library's configuration for accepted algorithms.",
      evidence: "Assertion inventory; the tamper test results; library configuration.",
      severity: "critical",
      basis: "series",
      standards: [asvs("3.5.3"), asvs("3.5.2")],
    },
    {
      id: "F09-EXPIRY",
      title: "Every assertion expires, with idle and absolute limits for sessions",
      guidance:
        "Each assertion carries an expiry suited to its risk: sessions have an idle timeout and an absolute lifetime, reset links minutes to hours, API tokens an explicit end date. Expiry is checked on the server.",
      verify: "Read the configured lifetimes. Replay an expired session cookie and an expired reset link: both must be refused.",
      evidence: "Lifetime settings; the expired-replay results.",
      severity: "high",
      basis: "series",
      standards: [asvs("3.3.1"), asvs("3.3.2")],
    },
    {
      id: "F09-REVOCATION",
      title: "Sessions and tokens can be revoked everywhere at once",
      guidance:
        "Signing out, disabling a user or revoking a token ends it on every instance by the next request, through shared server-side state (a session store or a revocation list), not by waiting for the token to expire.",
      verify:
        "Sign in, copy the session, sign out, and replay the copy against another instance: it must be refused. Disable a user and check their open session.",
      evidence: "Results of the replay and the disable test.",
      severity: "high",
      basis: "series",
      standards: [asvs("3.3.1"), asvs("3.3.4")],
    },
    {
      id: "F09-SIGNING-KEYS",
      title: "Signing keys are managed, shared and rotatable",
      guidance:
        "Signing keys come from the secret store, are the same on every instance (a restarted instance still accepts valid sessions), are rotated on a schedule with an overlap period (key ids), and are never generated per process at start-up.",
      verify: "Find where the signing key is loaded. Ask when it was last rotated and how rotation keeps existing sessions valid during the overlap.",
      evidence: "Key loading code path; rotation record and procedure.",
      severity: "medium",
      basis: "series",
      standards: [asvs("6.4.1"), asvs("6.4.2")],
    },
    {
      id: "F09-GRACEFUL-SHUTDOWN",
      title: "Processes shut down gracefully and survive a sudden death",
      guidance:
        "On SIGTERM the process stops accepting work, finishes in-flight requests, returns unfinished jobs to the queue and closes connections. Writes are transactional or idempotent, so a killed process leaves nothing half-written.",
      verify:
        "Send SIGTERM during a request and check the request completes. Kill a worker (SIGKILL) mid-job and confirm the job is retried and the data is consistent.",
      evidence: "The two test results; the shutdown handler's code path.",
      severity: "medium",
      basis: "twelve-factor",
      standards: [twelveFactor("IX. Disposability")],
    },
    {
      id: "F09-FAST-REPLACEMENT",
      title: "A compromised or vulnerable instance can be replaced in minutes",
      guidance:
        "Instances start quickly and need no manual steps, so a patched release can replace every instance, or a suspect instance can be destroyed, within minutes and without data loss.",
      verify: "Time a full rolling replacement of production instances (or staging, at production size) and check that it needed no manual step.",
      evidence: "Timing of the last full replacement and its pipeline run.",
      severity: "low",
      basis: "twelve-factor",
      standards: [twelveFactor("IX. Disposability")],
    },
  ],
);
