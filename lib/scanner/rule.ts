// A rule reads the repository and judges what it can see; it is linked to the
// checklist items its findings bear on. A rule that finds nothing to judge
// (no Dockerfile, no connection URL) says so with a null verdict.
import type { Repo, RepoFile } from "./repo";
import ABOUT from "./rules/about.json";

export const VERDICTS = ["met", "partially_met", "not_met"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The "file" of a finding about something absent from the whole repository. */
export const WHOLE_REPOSITORY = "(whole repository)";

export interface Finding {
  /** Relative path, or WHOLE_REPOSITORY. */
  file: string;
  line: number | null;
  message: string;
  /** "met" marks positive evidence; the other two are problems. */
  verdict: Verdict;
}

export interface RuleOutcome {
  verdict: Verdict | null;
  summary: string;
  findings: Finding[];
}

export interface ItemLink {
  itemId: string;
  /**
   * Whether a clean result is evidence enough to suggest "met". A rule that
   * sees only part of an item (a non-root USER says nothing of a read-only
   * filesystem) reports its problems there but never claims the item.
   */
  claimsMet: boolean;
}

export interface Rule {
  id: string;
  title: string;
  /** What the rule looks for and what it cannot see. */
  description: string;
  items: ItemLink[];
  check(repo: Repo): RuleOutcome;
}

/**
 * What a rule is: its title, what it looks for and cannot see, and the checklist
 * items it bears on. That is data (rules/about.json), kept apart from how the rule
 * checks, so that the items a rule speaks to are read and reviewed in one place.
 */
export function defineRule(id: keyof typeof ABOUT, check: (repo: Repo) => RuleOutcome): Rule {
  return { id, ...ABOUT[id], check };
}

/** A rule whose outcome is reconsidered in the light of the rest of the repository. */
export function refined(rule: Rule, refine: (repo: Repo, outcome: RuleOutcome) => RuleOutcome): Rule {
  return { ...rule, check: (repo) => refine(repo, rule.check(repo)) };
}

/** A rule whose outcome is worked out once per repository, for a rule that other rules build on. */
export function memoised(rule: Rule): Rule {
  const outcomes = new WeakMap<Repo, RuleOutcome>();
  return {
    ...rule,
    check(repo) {
      const known = outcomes.get(repo);
      if (known) return known;
      const outcome = rule.check(repo);
      outcomes.set(repo, outcome);
      return outcome;
    },
  };
}

/**
 * The outcome of findings that each judge one thing: the worst verdict, with the
 * summary for all met or for the problems (given how many of how many), and the
 * problems listed first.
 */
export function judgedOutcome(
  findings: Finding[],
  summary: { met: (total: number) => string; problems: (problems: number, total: number) => string },
  limit = 20,
): RuleOutcome {
  const verdict = worst(findings.map((f) => f.verdict));
  const problems = findings.filter((f) => f.verdict !== "met");
  return {
    verdict,
    summary: verdict === "met" ? summary.met(findings.length) : summary.problems(problems.length, findings.length),
    findings: [...problems, ...findings.filter((f) => f.verdict === "met")].slice(0, limit),
  };
}

export function worst(verdicts: Verdict[]): Verdict {
  if (verdicts.includes("not_met")) return "not_met";
  if (verdicts.includes("partially_met")) return "partially_met";
  return "met";
}

export interface LineMatch {
  line: number;
  match: RegExpExecArray;
}

/** Every line of a file that matches, numbered from 1. */
/**
 * How much of a line the checks read. What they look for sits at the start of a
 * line of source or configuration; a longer line is minified or generated, and
 * reading it whole would let a crafted file make a pattern backtrack for minutes.
 */
export const MAX_LINE_CHARS = 4096;

export function matchingLines(file: RepoFile, pattern: RegExp): LineMatch[] {
  const once = pattern.global ? new RegExp(pattern.source, pattern.flags.replace("g", "")) : pattern;
  const found: LineMatch[] = [];
  file.lines.forEach((line, index) => {
    const text = line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line;
    const match = once.exec(text);
    if (match) found.push({ line: index + 1, match });
  });
  return found;
}

export function baseName(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}

export function isDockerfile(file: string): boolean {
  return /^(Dockerfile|Containerfile)([.-][A-Za-z0-9_-]+)?$/.test(baseName(file)) || /\.(dockerfile|containerfile)$/i.test(file);
}

export function isCiFile(file: string): boolean {
  return (
    /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file) ||
    /^\.buildkite\/[^/]+\.ya?ml$/.test(file) ||
    /^(\.gitlab-ci\.yml|\.circleci\/config\.yml|Jenkinsfile|azure-pipelines\.yml|bitbucket-pipelines\.yml|\.travis\.yml)$/.test(file) ||
    // Google Cloud Build configurations, at the root, beside each service, or kept under .github/cloudbuild/.
    /(^|\/)cloudbuild[\w.-]*\.ya?ml$|^\.github\/cloudbuild\/[^/]+\.ya?ml$/.test(file)
  );
}

const SOURCE_EXTENSIONS = /\.(m?[jt]sx?|c[jt]s|py|go|rb|java|kt|cs|rs|php|sh)$/;

export function isSource(file: string): boolean {
  return SOURCE_EXTENSIONS.test(file);
}

const LOCKFILES =
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|poetry\.lock|uv\.lock|pdm\.lock|Pipfile\.lock|go\.sum|Gemfile\.lock|Cargo\.lock|composer\.lock)$/;

export function isLockfile(file: string): boolean {
  return LOCKFILES.test(file);
}

/** "1 file" / "3 files". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

const DOC_FILE = /\.(md|mdx|markdown|rst|adoc|asciidoc|txt|html?)$/i;
const DOC_FOLDER = /(^|\/)(docs?|documentation|website|site)\//i;
const TEST_FOLDER = /(^|\/)(tests?|__tests__|spec|specs|fixtures?|__fixtures__|testdata|test-data|e2e|mocks?|__mocks__|examples?|samples?)\//i;
const TEST_FILE = /(\.(test|spec)\.[a-z0-9]+|_test\.go|(^|\/)test_[^/]+\.py|Test\.(java|kt)|_spec\.rb)$/;

/**
 * Documentation, examples and test fixtures: what they show is an example, a
 * placeholder or a deliberate test case, not the service's configuration. Rules
 * that look for credentials and connection strings report them apart.
 */
/** Text files that are configuration, not prose: pip's requirements and constraints, CMake's lists. */
const CONFIG_TEXT = /(^|\/)((requirements|constraints)[\w.-]*|CMakeLists)\.txt$/i;

export function isDocOrFixture(file: string): "documentation" | "example or test" | null {
  if ((DOC_FILE.test(file) && !CONFIG_TEXT.test(file)) || DOC_FOLDER.test(file)) return "documentation";
  if (TEST_FOLDER.test(file) || TEST_FILE.test(file)) return "example or test";
  return null;
}

/** "…; 3 more in documentation and tests, not counted (docs/a.md:3, …)." for findings a rule sets apart. */
export function apartNote(apart: Finding[]): string {
  if (!apart.length) return "";
  const shown = apart.slice(0, 3).map((f) => `${f.file}${f.line ? `:${f.line}` : ""}`);
  return ` ${apart.length} more in documentation, examples or tests, not counted (${shown.join(", ")}${apart.length > 3 ? ", …" : ""}).`;
}

// Documentation hosts (RFC 2606 names and the like) and placeholders such as "[host]" or "your-db-host".
const EXAMPLE_HOST =
  /^(host|hostname|server|db-?host|database-?host|your[-_].*|(.*\.)?example\.(com|org|net)|.*\.(example|test|invalid|local|localhost)|\[[^\]:]*\]|x+|\.\.\.|…)$/i;

export function isExampleHost(host: string): boolean {
  return EXAMPLE_HOST.test(host);
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|host\.docker\.internal)$/i;

/** This machine, or the container host from inside one: a connection a developer or a test makes, not a deployment's. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

/** A file only a test or CI run uses (docker-compose.test.yml, .env.ci): what it configures is thrown away after the run. */
export function isThrowawayFile(file: string): boolean {
  return /(^|[.-])(test|tests|ci|e2e)([.-]|$)/i.test(baseName(file).replace(/\.ya?ml$/, ""));
}
