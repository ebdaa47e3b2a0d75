// Default and well-known passwords in what deploys: a database, broker or console
// left with "postgres", "guest" or "admin" is open to anyone who guesses. Read
// from Kubernetes manifests (ConfigMaps, Secrets' stringData, container env),
// Compose files, Helm values and Terraform; documentation, examples, tests and
// Compose files for development are set apart.
import type { RepoFile } from "../repo";
import { apartNote, count, defineRule, isDocOrFixture, type Finding } from "../rule";

const SECRET_NAME = /(password|passwd|_pass\b|secret)/i;
/** Cloud API keys given to a local emulator (DynamoDB Local, LocalStack) accept anything: they guard no server. */
const CLOUD_KEY = /ACCESS_KEY|^AWS_/i;
export const WEAK =
  /^(admin|administrator|password|passw0rd|guest|root|postgres|mysql|redis|changeme|change_me|secret|default|123456|12345678|letmein|qwerty|pass|toor|test)$/i;
const DEPLOY_FILE = /\.(ya?ml|tf|tfvars)$/i;
const DEV_COMPOSE = /(^|\/)(docker-)?compose[.-](dev|develop|development|local|test|ci|e2e|override)[\w.-]*\.ya?ml$/i;

/** `NAME: value`, `NAME=value`, `name = "value"` on one line; or a Kubernetes env entry (`- name: NAME` then `value: value`). */
function weakLines(file: RepoFile): { line: number; name: string }[] {
  const found: { line: number; name: string }[] = [];
  file.lines.forEach((text, index) => {
    const inline = /^\s*-?\s*"?([\w.-]+)"?\s*[:=]\s*"?([^"\s#]+)"?\s*(#.*)?$/.exec(text);
    if (inline && SECRET_NAME.test(inline[1]!) && !CLOUD_KEY.test(inline[1]!) && WEAK.test(inline[2]!)) found.push({ line: index + 1, name: inline[1]! });
    const entry = /^\s*-\s*name:\s*"?([\w.-]+)"?\s*$/.exec(text);
    if (entry && SECRET_NAME.test(entry[1]!) && !CLOUD_KEY.test(entry[1]!)) {
      const value = /^\s*value:\s*"?([^"\s#]+)"?\s*$/.exec(file.lines[index + 1] ?? "");
      if (value && WEAK.test(value[1]!)) found.push({ line: index + 2, name: entry[1]! });
    }
  });
  return found;
}

export const defaultCredentials = defineRule("default-credentials", (repo) => {
  const findings: Finding[] = [];
  for (const file of repo.files) {
    if (!file.text || !DEPLOY_FILE.test(file.path) || file.path.startsWith(".github/")) continue;
    for (const { line, name } of weakLines(file).slice(0, 10)) {
      findings.push({ file: file.path, line, verdict: "not_met", message: `${name} is set to a default or well-known password` });
    }
  }
  const apart = findings.filter((f) => isDocOrFixture(f.file));
  const development = findings.filter((f) => !isDocOrFixture(f.file) && DEV_COMPOSE.test(f.file));
  const counted = findings.filter((f) => !apart.includes(f) && !development.includes(f));
  const notes = `${apartNote(apart)}${development.length ? ` ${development.length} more in Compose files for development, not counted.` : ""}`;
  if (!counted.length) return { verdict: null, summary: `No default or well-known password set in a deployment file.${notes}`, findings: [] };
  return {
    verdict: "not_met",
    summary: `${count(counted.length, "place")} where a deployment sets a default or well-known password: anyone who guesses it gets in.${notes}`,
    findings: counted.slice(0, 30),
  };
});
