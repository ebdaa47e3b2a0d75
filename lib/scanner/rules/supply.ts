// Where builds get what they install, and where they run. A lockfile that
// carries checksums makes the package manager verify every download; a
// requirements file without hashes, or an extra package index, is installed on
// trust. (Images by tag are the image-pinning check's, for what is deployed.) GitHub-hosted runners are fresh machines for every
// job; a self-hosted runner may keep what the last job left.
import type { RepoFile } from "../repo";
import { baseName, count, defineRule, isDockerfile, isDocOrFixture, isLockfile, judgedOutcome, matchingLines, type Finding } from "../rule";

/** Lockfiles whose entries carry a checksum the package manager verifies on install. */
const CHECKSUMS: Record<string, RegExp> = {
  "package-lock.json": /"integrity":\s*"sha/,
  "npm-shrinkwrap.json": /"integrity":\s*"sha/,
  "yarn.lock": /^\s+(integrity\s+sha|checksum:\s*\w)/,
  "pnpm-lock.yaml": /integrity:\s*sha/,
  "go.sum": /\sh1:/,
  "Cargo.lock": /^checksum = "/,
  "poetry.lock": /hash = "sha256:|"sha256:/,
  "uv.lock": /hash = "sha256:/,
  "Pipfile.lock": /"sha256:/,
  "pdm.lock": /hash = "sha256:/,
  "Gemfile.lock": /^CHECKSUMS$/,
  "composer.lock": /"shasum":\s*"[0-9a-f]{40}"/,
};
/** Settings that bring packages from somewhere other than the public registry, or without checking them. */
const UNTRUSTED_SOURCE =
  /^\s*(--)?(extra-index-url|trusted-host)\b|^\s*registry\s*=\s*http:\/\/|strict-ssl\s*=\s*false|GOSUMDB\s*[=:]\s*["']?off|GOINSECURE\s*[=:]|GOFLAGS\s*[=:].*-insecure|PIP_TRUSTED_HOST|NODE_TLS_REJECT_UNAUTHORIZED\s*[=:]\s*["']?0/;
const CONFIGS = /(^|\/)(requirements[\w.-]*\.txt|\.npmrc|\.yarnrc(\.yml)?|pip\.conf|Dockerfile[\w.-]*|\.env[\w.-]*|[\w.-]+\.ya?ml)$/;

function lockFindings(file: RepoFile): Finding[] {
  const pattern = CHECKSUMS[baseName(file.path)];
  if (!pattern || !file.text) return [];
  const line = matchingLines(file, pattern)[0]?.line;
  return line
    ? [{ file: file.path, line, verdict: "met", message: "Every package is checked against the lockfile's checksum on install" }]
    : [{ file: file.path, line: 1, verdict: "partially_met", message: "The lockfile carries no checksums, so downloads are not verified" }];
}

/** A requirements file pinned without --hash is installed on trust (pip checks hashes only when every line has one). */
function requirementsFindings(file: RepoFile): Finding[] {
  if (!/(^|\/)requirements[\w.-]*\.txt$/.test(file.path) || !file.text) return [];
  const pinned = matchingLines(file, /^[A-Za-z0-9_.-]+(\[[^\]]*\])?\s*==/);
  if (!pinned.length || /--hash[= ]sha256:/.test(file.text)) return [];
  return [
    {
      file: file.path,
      line: pinned[0]!.line,
      verdict: "partially_met",
      message: "Packages are pinned without --hash, so pip does not verify what it downloads",
    },
  ];
}

export const verifiedInstalls = defineRule("verified-installs", (repo) => {
  const live = repo.files.filter((f) => f.text && !isDocOrFixture(f.path));
  const locks = live.filter((f) => isLockfile(f.path)).flatMap(lockFindings);
  if (!locks.length) return { verdict: null, summary: "No lockfile to say how packages are installed.", findings: [] };
  const sources: Finding[] = live
    .filter((f) => CONFIGS.test(f.path) || isDockerfile(f.path))
    .flatMap((f) =>
      matchingLines(f, UNTRUSTED_SOURCE)
        .filter(({ line }) => !/^\s*#/.test(f.lines[line - 1]!))
        .map(({ line, match }) => ({
          file: f.path,
          line,
          verdict: "partially_met" as const,
          message: `Packages may come from an untrusted source or unchecked (${match[0].trim().slice(0, 60)})`,
        })),
    );
  const findings = [...locks, ...live.flatMap(requirementsFindings), ...sources];
  return judgedOutcome(
    findings,
    {
      met: () => `Every lockfile (${locks.length}) carries checksums the package manager verifies, and no other index or unchecked source is configured.`,
      problems: (n) => `${count(n, "place")} where what is installed is not verified against a checksum, or may come from another source.`,
    },
    30,
  );
});

const HOSTED = /^(ubuntu|windows|macos)-[\w.-]+$/;

export const hostedRunners = defineRule("hosted-runners", (repo) => {
  const findings: Finding[] = [];
  for (const file of repo.files.filter((f) => f.text && /^\.github\/workflows\/[^/]+\.ya?ml$/.test(f.path))) {
    for (const { line, match } of matchingLines(file, /^\s+runs-on:\s*(.+?)\s*(#.*)?$/)) {
      const labels = match[1]!.replace(/[[\]"']/g, "").split(/\s*,\s*/);
      if (labels.some((l) => l === "self-hosted"))
        findings.push({
          file: file.path,
          line,
          verdict: "partially_met",
          message: "A job runs on a self-hosted runner, which may keep what an earlier job left",
        });
      else if (labels.every((l) => HOSTED.test(l)))
        findings.push({ file: file.path, line, verdict: "met", message: `A job runs on a fresh GitHub-hosted runner (${labels.join(", ")})` });
    }
  }
  if (!findings.length) return { verdict: null, summary: "No GitHub Actions job whose runner is named.", findings };
  return judgedOutcome(findings, {
    met: (n) => `Every job (${n}) runs on a GitHub-hosted runner, a fresh machine each time.`,
    problems: (n) => `${count(n, "job")} on self-hosted runners, whose isolation and clean-up are not visible.`,
  });
});
