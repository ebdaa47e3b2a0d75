// What the CI configuration shows: the workflow token's privileges, pinned
// steps, and which security tools run (composition analysis, static analysis,
// SBOM, signing, secret scanning). A tool seen running is evidence; a tool not
// seen is never a "not met": it may run somewhere the scanner cannot see.
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import type { Repo, RepoFile } from "../repo";
import { count, defineRule, isCiFile, matchingLines, memoised, worst, type Finding, type Rule, type Verdict } from "../rule";

const isWorkflow = (file: string) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file);
const CONFIG_EXTRA = /(^|\/)(\.pre-commit-config\.yaml|\.github\/dependabot\.ya?ml|renovate\.json5?|\.renovaterc(\.json)?)$/;

function pipelineFiles(repo: Repo): RepoFile[] {
  return repo.files.filter((f) => f.text && (isCiFile(f.path) || CONFIG_EXTRA.test(f.path)));
}

/** Lines of CI files that are not comments and match. */
function seen(repo: Repo, pattern: RegExp): { file: RepoFile; line: number; text: string }[] {
  return pipelineFiles(repo).flatMap((file) =>
    matchingLines(file, pattern)
      .filter(({ line }) => !/^\s*#/.test(file.lines[line - 1]!))
      .map(({ line }) => ({ file, line, text: file.lines[line - 1]!.trim() })),
  );
}

function presenceRule(
  id: Parameters<typeof defineRule>[0],
  what: string,
  pattern: RegExp,
  judge: (hits: { file: RepoFile; line: number; text: string }[]) => { verdict: Verdict; why: string },
): Rule {
  return defineRule(id, (repo) => {
    const hits = seen(repo, pattern);
    if (!hits.length) return { verdict: null, summary: `No ${what} seen in the CI configuration (it may run elsewhere).`, findings: [] };
    const { verdict, why } = judge(hits);
    const findings: Finding[] = hits
      .slice(0, 20)
      .map(({ file, line, text }) => ({ file: file.path, line, verdict, message: `${what}: ${text.slice(0, 160)}` }));
    return { verdict, summary: `${what[0]!.toUpperCase()}${what.slice(1)} runs in CI (${count(hits.length, "place")}). ${why}`, findings };
  });
}

const BLOCKING =
  /--audit-level[= ]+(critical|high|moderate)|--exit-code[= ]+1|exit-code:\s*['"]?1|--fail-on|fail-build:\s*true|severity-cutoff|fail-on-severity|--severity-threshold|fail-on-critical/i;

// These exit non-zero when they find a vulnerability unless told otherwise; Trivy and Grype do only when asked.
const BLOCKS_BY_DEFAULT =
  /\b(npm|yarn|pnpm) (npm )?audit\b|govulncheck|osv-scanner|snyk test|pip-audit|cargo audit|bundle(r)?[- ]audit|dependency-review-action/i;

export const ciDependencyScan = presenceRule(
  "ci-dependency-scan",
  "a dependency scan",
  /\b(npm|yarn|pnpm) (npm )?audit\b|aquasecurity\/trivy-action|\btrivy (fs|image|repo|rootfs|sbom)\b|\bgrype\b|anchore\/scan-action|osv-scanner|snyk (test|monitor)|snyk\/actions|dependency-check|dependency-review-action|Dependency-Scanning\.gitlab-ci\.yml|\bpip-audit\b|\bgovulncheck\b|cargo audit|bundle(r)?[- ]audit/i,
  (hits) => {
    const blocking = hits.some(
      ({ text }) => (BLOCKING.test(text) || BLOCKS_BY_DEFAULT.test(text)) && !/\|\|\s*true|--exit-code[= ]+0|--audit-level[= ]+none/.test(text),
    );
    return blocking
      ? { verdict: "met", why: "At least one fails the build on a finding." }
      : {
          verdict: "partially_met",
          why: "None is seen failing the build on a finding (no audit level, exit code or fail-on setting), so known flaws may not block a release.",
        };
  },
);

export const ciStaticAnalysis = presenceRule(
  "ci-static-analysis",
  "static analysis",
  /github\/codeql-action\/(analyze|init)|\bsemgrep\b|sonarsource\/|sonar-scanner|\bbandit\b|\bgosec\b|\bbrakeman\b|SAST\.gitlab-ci\.yml|\bnjsscan\b/i,
  () => ({ verdict: "partially_met", why: "Whether its findings gate a release is not visible in the file." }),
);

export const ciSbom = presenceRule(
  "ci-sbom",
  "an SBOM step",
  /\bsyft\b|anchore\/sbom-action|cyclonedx|\bcdxgen\b|--sbom\b|sbom:\s*true|--format[= ]+(cyclonedx|spdx)/i,
  () => ({ verdict: "met", why: "" }),
);

export const ciSigning = presenceRule(
  "ci-signing",
  "signing or provenance",
  /\bcosign\b|sigstore\/|slsa-github-generator|attest-build-provenance|actions\/attest\b|--provenance\b|provenance:\s*(true|mode=max)|notation sign/i,
  () => ({ verdict: "partially_met", why: "Whether deploys verify the signature is not visible." }),
);

export const ciSecretScan = memoised(
  presenceRule(
    "ci-secret-scan",
    "a secret scanner",
    /\bgitleaks\b|trufflehog|detect-secrets|\bggshield\b|Secret-Detection\.gitlab-ci\.yml|secretlint/i,
    () => ({ verdict: "met", why: "" }),
  ),
);

const FULL_SHA = /^[0-9a-f]{40}$/;

export const actionPinning = defineRule("action-pinning", (repo) => {
  const findings: Finding[] = [];
  for (const file of repo.files.filter((f) => isWorkflow(f.path) || /(^|\/)action\.ya?ml$/.test(f.path))) {
    for (const { line, match } of matchingLines(file, /^\s*-?\s*uses:\s*['"]?([^\s'"#]+)/)) {
      const ref = match[1]!;
      if (ref.startsWith("./") || (ref.startsWith("docker://") && ref.includes("@sha256:"))) continue;
      const version = ref.includes("@") ? ref.slice(ref.lastIndexOf("@") + 1) : "";
      findings.push(
        FULL_SHA.test(version)
          ? { file: file.path, line, verdict: "met", message: `${ref.slice(0, ref.lastIndexOf("@"))} is pinned to a commit` }
          : { file: file.path, line, verdict: "partially_met", message: `${ref} is not pinned to a commit SHA; the tag can be moved to other code` },
      );
    }
  }
  if (!findings.length) return { verdict: null, summary: "No GitHub Actions step uses an action.", findings };
  const loose = findings.filter((f) => f.verdict !== "met").length;
  return {
    verdict: loose ? "partially_met" : "met",
    summary: loose
      ? `${loose} of ${count(findings.length, "action reference")} ${loose === 1 ? "is" : "are"} not pinned to a commit SHA.`
      : `Every action (${findings.length}) is pinned to a commit SHA.`,
    findings,
  };
});

function workflowFindings(file: RepoFile): Finding[] {
  const lines = new LineCounter();
  const doc = parseDocument(file.text ?? "", { lineCounter: lines, strict: false, uniqueKeys: false });
  if (doc.errors.length || !isMap(doc.contents)) return [];
  const at = (node: unknown) => ((node as { range?: number[] })?.range ? lines.linePos((node as { range: number[] }).range[0]!).line : 1);
  const value = doc.toJS() as Record<string, unknown>;
  const findings: Finding[] = [];
  const triggers = value.on ?? value.true;
  const targetTriggered = JSON.stringify(triggers ?? "").includes("pull_request_target");
  const permissions = doc.get("permissions", true);
  if (value.permissions === "write-all") {
    findings.push({ file: file.path, line: at(permissions), verdict: "not_met", message: "The workflow's token has every write permission (write-all)" });
  }
  const jobs = doc.get("jobs", true);
  let jobWithout = !isMap(jobs);
  if (isMap(jobs)) {
    for (const job of jobs.items) {
      const spec = (job.value as { toJS?: (d: unknown) => unknown })?.toJS?.(doc) as Record<string, unknown> | undefined;
      if (!spec) continue;
      if (spec.permissions === "write-all")
        findings.push({
          file: file.path,
          line: at(job.key),
          verdict: "not_met",
          message: `Job ${String((job.key as { value?: unknown }).value)} has every write permission (write-all)`,
        });
      if (spec.permissions === undefined) jobWithout = true;
      const steps = (job.value as { get?: (k: string, keep: boolean) => unknown }).get?.("steps", true);
      if (targetTriggered && isSeq(steps)) {
        steps.items.forEach((step, index) => {
          const s = (Array.isArray(spec.steps) ? spec.steps[index] : undefined) as Record<string, unknown> | undefined;
          const ref = String((s?.with as Record<string, unknown> | undefined)?.ref ?? "");
          if (String(s?.uses ?? "").startsWith("actions/checkout") && /github\.event\.pull_request\.head|github\.head_ref/.test(ref)) {
            const only = /(user\.login|github\.actor|github\.triggering_actor)\s*==\s*'([^']+)'/.exec(String(spec.if ?? ""))?.[2];
            findings.push({
              file: file.path,
              line: at(step),
              verdict: only ? "partially_met" : "not_met",
              message: only
                ? `pull_request_target checks out the pull request's code with the base repository's secrets and write token, for ${only}'s pull requests only: what they bring in still runs with them`
                : "pull_request_target checks out the pull request's code, which then runs with the base repository's secrets and write token",
            });
          }
        });
      }
    }
  }
  if (!findings.length) {
    findings.push(
      value.permissions === undefined && jobWithout
        ? {
            file: file.path,
            line: 1,
            verdict: "partially_met",
            message: "No permissions are declared, so the token gets the repository's default (write, unless it was changed)",
          }
        : { file: file.path, line: at(permissions), verdict: "met", message: "The token's permissions are declared" },
    );
  }
  return findings;
}

export const workflowPermissions = defineRule("workflow-permissions", (repo) => {
  const findings = repo.files.filter((f) => isWorkflow(f.path) && f.text).flatMap(workflowFindings);
  if (!findings.length) return { verdict: null, summary: "No GitHub Actions workflow found.", findings };
  const verdict = worst(findings.map((f) => f.verdict));
  const bad = findings.filter((f) => f.verdict !== "met").length;
  return {
    verdict,
    summary: bad ? `${count(bad, "problem")} with workflow token privileges.` : `Every workflow (${findings.length}) declares its token's permissions.`,
    findings,
  };
});
