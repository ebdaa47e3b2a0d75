// What a repository shows of the practices around its code: who reviews a
// change before it merges, whether pushes are scanned for secrets, whether load
// tests exist, and whether builds declare the tools they use. Much of each item
// is a setting of the code host or a result nobody commits, so most of what is
// seen here is partial evidence, never more than the files show.
import { documents } from "../deploy";
import { at } from "../manifests";
import type { Repo, RepoFile } from "../repo";
import { count, defineRule, isCiFile, isDockerfile, isDocOrFixture, matchingLines, type Finding } from "../rule";
import { ciSecretScan } from "./pipeline";

const CODEOWNERS = /^(\.github\/|\.gitlab\/|docs\/)?CODEOWNERS$/;
const PR_TRIGGER =
  /^\s*(pull_request|pull_request_target|merge_requests)\s*:?\s*$|^on:\s*\[?[^#]*\bpull_request\b|\$CI_PIPELINE_SOURCE\s*==\s*["']merge_request_event["']|^\s*-\s*merge_requests\s*$/;

/** Branch protection kept as code for the Probot settings app: reviews and status checks required. */
function protectionAsCode(file: RepoFile): Finding | null {
  for (const { doc } of documents(file)) {
    const branches = at(doc.toJS(), "branches");
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const reviews = Number(at(branch, "protection", "required_pull_request_reviews", "required_approving_review_count") ?? 0);
      const checks = at(branch, "protection", "required_status_checks");
      if (reviews >= 1 && checks) {
        const line = matchingLines(file, /required_pull_request_reviews:/)[0]?.line ?? 1;
        return {
          file: file.path,
          line,
          verdict: "met",
          message: `Branch ${String(at(branch, "name"))} requires ${count(reviews, "approving review")} and status checks (kept as code)`,
        };
      }
    }
  }
  return null;
}

export const codeReview = defineRule("code-review", (repo) => {
  const settings = repo.files.filter((f) => f.path === ".github/settings.yml" && f.text).flatMap((f) => protectionAsCode(f) ?? []);
  const owners: Finding[] = repo.files
    .filter((f) => CODEOWNERS.test(f.path) && f.text)
    .flatMap((f) => {
      const all = matchingLines(f, /^\*\s+\S/)[0];
      const rules = f.lines.filter((l) => /^[^#\s]\S*\s+[@\w]/.test(l)).length;
      if (!rules) return [];
      return [
        all
          ? { file: f.path, line: all.line, verdict: "partially_met" as const, message: "Every path has code owners, who are asked to review its changes" }
          : {
              file: f.path,
              line: null,
              verdict: "partially_met" as const,
              message: `${count(rules, "path")} have code owners, who are asked to review their changes`,
            },
      ];
    });
  if (!settings.length && !owners.length)
    return { verdict: null, summary: "No code owners or branch protection kept as code found; branch protection is a setting of the code host.", findings: [] };
  const checks: Finding[] = repo.files
    .filter((f) => f.text && isCiFile(f.path))
    .flatMap((f) =>
      matchingLines(f, PR_TRIGGER)
        .slice(0, 1)
        .map(({ line }) => ({ file: f.path, line, verdict: "partially_met" as const, message: "Checks run on every pull request" })),
    )
    .slice(0, 5);
  if (settings.length)
    return {
      verdict: "met",
      summary: "Branch protection is kept as code: changes need an approving review and passing checks.",
      findings: [...settings, ...owners],
    };
  return {
    verdict: "partially_met",
    summary: `Code owners review changes${checks.length ? " and checks run on pull requests" : ""}, but whether the release branch requires a reviewed, passing pull request is a setting of the code host, not in the repository (OpenSSF Scorecard's Branch-Protection check reads it: import its output).`,
    findings: [...owners, ...checks],
  };
});

export const pushProtection = defineRule("push-protection", (repo) => {
  if (ciSecretScan.check(repo).verdict !== null) return { verdict: null, summary: "A secret scanner runs in CI (see its check).", findings: [] };
  return {
    verdict: "partially_met",
    summary:
      "No secret scanner is seen on push (CI or pre-commit), so nothing stops the next commit from adding a credential; the code host's push protection, if on, is a setting the repository cannot show.",
    findings: [
      {
        file: "(whole repository)",
        line: null,
        verdict: "partially_met",
        message: "No secret scanner (gitleaks, TruffleHog, detect-secrets, GitLab Secret Detection) in CI or pre-commit",
      },
    ],
  };
});

const LOAD_TOOLS: { tool: string; pattern: RegExp; files: RegExp }[] = [
  { tool: "Locust", pattern: /^\s*(from locust import|import locust\b)/, files: /\.py$/ },
  { tool: "k6", pattern: /from\s+["']k6(\/http)?["']|require\(\s*["']k6(\/http)?["']\s*\)/, files: /\.[cm]?[jt]s$/ },
  { tool: "JMeter", pattern: /<jmeterTestPlan\b/, files: /\.jmx$/ },
  { tool: "Gatling", pattern: /\bextends\s+Simulation\b/, files: /\.(scala|java|kt)$/ },
  { tool: "Artillery", pattern: /^\s+arrivalRate:\s*\d/, files: /\.ya?ml$/ },
  { tool: "Vegeta, wrk, hey or ghz", pattern: /\bvegeta attack\b|\bwrk\s+-[tcd]\s*\d|\bhey\s+-[nzc]\s*\d|\bghz\s+--/, files: /\.(sh|ya?ml)$|(^|\/)Makefile$/ },
];

export const loadTests = defineRule("load-tests", (repo) => {
  const findings: Finding[] = [];
  for (const file of repo.files) {
    if (!file.text || isDocOrFixture(file.path) === "documentation") continue;
    for (const hit of LOAD_TOOLS.filter((t) => t.files.test(file.path))) {
      const first = matchingLines(file, hit.pattern)[0];
      if (first) findings.push({ file: file.path, line: first.line, verdict: "partially_met", message: `A load test (${hit.tool})` });
    }
  }
  if (!findings.length) return { verdict: null, summary: "No load test (Locust, k6, JMeter, Gatling, Artillery) found.", findings };
  return {
    verdict: "partially_met",
    summary: `${count(findings.length, "load test")} in the repository. Whether they, and abuse tests, show the limits hold at scale (their thresholds and results) is not in the files.`,
    findings: findings.slice(0, 20),
  };
});

const PIPED_INSTALL = /\b(curl|wget)\b[^|#\n]*\|\s*(sudo\s+)?(-\S+\s+)*(ba|z|da)?sh\b/;
const LATEST_DOWNLOAD = /\b(curl|wget)\b[^#\n]*https?:\/\/\S*\/latest\/\S/;
const BUILD_RUN = /^\s*RUN\b.*\b(npm|yarn|pnpm|pip|poetry|uv|go|mvn|gradle|gradlew|dotnet|cargo|bundle|composer|make)\b/;

const uncommented = (f: RepoFile, pattern: RegExp): number[] =>
  matchingLines(f, pattern)
    .map(({ line }) => line)
    .filter((line) => !/^\s*#/.test(f.lines[line - 1]!));

const unpinned = (f: RepoFile, line: number, message: string): Finding => ({ file: f.path, line, verdict: "partially_met", message });

export const buildTools = defineRule("build-tools", (repo: Repo) => {
  const dockerfiles = repo.files.filter((f) => f.text && isDockerfile(f.path) && !isDocOrFixture(f.path));
  const builds = dockerfiles.filter((f) => matchingLines(f, BUILD_RUN).length);
  const piped: Finding[] = repo.files
    .filter((f) => f.text && !isDocOrFixture(f.path) && (isDockerfile(f.path) || isCiFile(f.path) || /\.sh$|(^|\/)(Makefile|cloudbuild\.ya?ml)$/.test(f.path)))
    .flatMap((f) => [
      ...uncommented(f, PIPED_INSTALL).map((line) =>
        unpinned(f, line, "A tool is downloaded and piped straight to a shell: undeclared, unpinned and unverified"),
      ),
      ...uncommented(f, LATEST_DOWNLOAD).map((line) =>
        unpinned(f, line, "A tool's latest release is downloaded for the build: unpinned, so each run may get a different one"),
      ),
    ]);
  if (!builds.length && !piped.length) return { verdict: null, summary: "No containerised build found to show which tools builds rely on.", findings: [] };
  if (piped.length)
    return {
      verdict: "partially_met",
      summary: `${count(piped.length, "build step")} ${piped.length === 1 ? "fetches" : "fetch"} a tool from the network unpinned (piped to a shell, or its latest release), so the build relies on whatever that address serves that day.`,
      findings: piped.slice(0, 20),
    };
  return {
    verdict: "met",
    summary: `The builds run in container images whose Dockerfiles declare the tools they use (${count(builds.length, "Dockerfile")}), and no tool is fetched from the network unpinned.`,
    findings: builds
      .slice(0, 20)
      .map((f) => ({ file: f.path, line: matchingLines(f, BUILD_RUN)[0]!.line, verdict: "met", message: "The build's tools come from its declared image" })),
  };
});
