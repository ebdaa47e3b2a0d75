// Secrets written into a Dockerfile or a CI file end up in image layers, build
// logs and every fork of the pipeline.
import { assignments } from "../dockerfile";
import type { Dockerfile, RepoFile } from "../repo";
import { defineRule, count, isCiFile, matchingLines, worst, type Finding } from "../rule";

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)/i;
const CI_LITERAL =
  /^[\s-]*([A-Za-z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY)[A-Za-z0-9_]*)\s*[:=]\s*(["']?)([^\s"'#$][^\s"'#]{3,})\2\s*(#.*)?$/i;

function dockerfileFindings({ file, stages }: Dockerfile): Finding[] {
  const findings: Finding[] = [];
  for (const stage of stages) {
    for (const { keyword, args, line } of stage.instructions) {
      if (keyword === "ENV" || keyword === "ARG") {
        for (const { name, value } of assignments(args).filter((a) => SECRET_NAME.test(a.name))) {
          if (value && !value.startsWith("$") && PLACEHOLDER_VALUE.test(value)) continue;
          if (value && !value.startsWith("$")) {
            findings.push({ file: file.path, line, verdict: "not_met", message: `${keyword} ${name} holds a literal value, kept in the image` });
          } else if (keyword === "ARG") {
            findings.push({
              file: file.path,
              line,
              verdict: "partially_met",
              message: `ARG ${name} passes a secret as a build argument, visible in the image history; use a secret mount`,
            });
          }
        }
      }
      if ((keyword === "COPY" || keyword === "ADD") && /(^|\s|\/)\.env(\s|$)/.test(args)) {
        findings.push({ file: file.path, line, verdict: "not_met", message: `${keyword} puts an environment file into the image` });
      }
    }
  }
  return findings;
}

// Values a test run or an example uses: "thisisasamplesecret", "test-token", "changeme".
const PLACEHOLDER_VALUE = /sample|example|dummy|placeholder|changeme|change-me|fake|^test|test$|^x+$|^\*+$|^\.\.\.$/i;

function ciFindings(file: RepoFile): Finding[] {
  return (
    matchingLines(file, CI_LITERAL)
      // `secrets: inherit` passes the caller's protected secrets on to a reusable workflow: no value at all.
      .filter(({ match }) => !PLACEHOLDER_VALUE.test(match[3]!) && !(match[1] === "secrets" && match[3] === "inherit"))
      .map(({ line, match }) => ({
        file: file.path,
        line,
        verdict: "not_met" as const,
        message: `${match[1]} is set to a literal value in the CI file instead of a protected secret`,
      }))
  );
}

export const buildSecrets = defineRule("build-secrets", (repo) => {
  const dockerfiles = repo.dockerfiles;
  const ciFiles = repo.files.filter((file) => isCiFile(file.path));
  if (!dockerfiles.length && !ciFiles.length) {
    return { verdict: null, summary: "No Dockerfile or CI file to read.", findings: [] };
  }
  const findings = [...dockerfiles.flatMap(dockerfileFindings), ...ciFiles.flatMap(ciFindings)];
  const read = `${count(dockerfiles.length, "Dockerfile")} and ${count(ciFiles.length, "CI file")}`;
  if (!findings.length) return { verdict: "met", summary: `No secret written into ${read}.`, findings };
  return { verdict: worst(findings.map((f) => f.verdict)), summary: `${count(findings.length, "secret")} written into ${read}.`, findings };
});
