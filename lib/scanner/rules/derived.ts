// Items judged from what other checks found: a secret injected at run time can
// be rotated without a code change, and structured logs written to stdout are
// ready to be carried to a central store. Each says what the files cannot show
// (whether secrets are rotated; whether the store is tamper-evident).
import { count, defineRule, isDocOrFixture, matchingLines, type Finding } from "../rule";
import { secretStore } from "./code";
import { structuredLogs } from "./log-files";

const ROTATION =
  /resource\s+"aws_secretsmanager_secret_rotation"|\brotation_period\s*=|\brotation_lambda_arn\b|\bautomatically_after_days\b|\bdatabase\/creds\/|^kind:\s*VaultDynamicSecret\b/;

export const rotation = defineRule("rotation", (repo) => {
  const store = secretStore.check(repo);
  if (store.verdict === null) return { verdict: null, summary: "No secret is seen injected at run time.", findings: [] };
  const rotating: Finding[] = repo.files
    .filter((f) => f.text && /\.(tf|ya?ml)$/.test(f.path) && !isDocOrFixture(f.path))
    .flatMap((f) =>
      matchingLines(f, ROTATION).map(({ line }) => ({
        file: f.path,
        line,
        verdict: "met" as const,
        message: "Secrets are rotated on a schedule, or issued for each use",
      })),
    );
  if (rotating.length && store.verdict === "met")
    return {
      verdict: "met",
      summary: "Secrets are injected at run time from a store that rotates them or issues them for each use.",
      findings: rotating.slice(0, 10),
    };
  const injected = store.findings.filter((f) => f.verdict === "met" || /injected/.test(f.message)).slice(0, 5);
  return {
    verdict: "partially_met",
    summary: `Secrets are injected at run time (${count(injected.length, "place")}), so each can be rotated without a code change; no rotation schedule or per-use credential is in the repository, so whether they are rotated is not shown.`,
    findings: injected.map((f) => ({ ...f, verdict: "partially_met" as const })),
  };
});

export const logStream = defineRule("log-stream", (repo) => {
  const logs = structuredLogs.check(repo);
  if (logs.verdict === null) return { verdict: null, summary: "No logger seen to say where logs go.", findings: [] };
  return {
    verdict: "partially_met",
    summary:
      "Logs leave the process as an event stream from a structured logger (to stdout, or exported as OpenTelemetry records), not to local files, which the log-files check looks for; carrying them to a central, tamper-evident store is the platform's work and is not in the repository.",
    findings: logs.findings
      .filter((f) => f.verdict === "met")
      .slice(0, 5)
      .map((f) => ({ ...f, verdict: "partially_met" as const, message: `${f.message}; where they are kept is the platform's` })),
  };
});
