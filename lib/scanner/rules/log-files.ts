// Logs written to local files are lost with the instance and can be altered by
// whoever holds it; the twelve-factor app writes its event stream to stdout.
import type { RepoFile } from "../repo";
import { defineRule, count, isSource, matchingLines, type Finding } from "../rule";

const FILE_LOGGING: RegExp[] = [
  /createWriteStream\(\s*["'`][^"'`]*\.log["'`]/,
  /appendFile(?:Sync)?\(\s*["'`][^"'`]*\.log["'`]/,
  /transports\.File\b/,
  /pino\.destination\(\s*["'`][^"'`]+["'`]/,
  /logging\.(?:handlers\.)?(?:Rotating|TimedRotating)?FileHandler\(/,
  /logging\.basicConfig\([^)]*filename\s*=/,
  /os\.(?:OpenFile|Create)\(\s*"[^"]*\.log"/,
  /<appender[^>]+(?:Rolling)?FileAppender/,
  /\blog_?file\s*[:=]\s*["'][^"']+\.log["']/i,
];

function writes(file: RepoFile): Finding[] {
  if (!isSource(file.path) && !/\.(xml|ya?ml|json|toml|ini|conf)$/.test(file.path)) return [];
  return FILE_LOGGING.flatMap((pattern) => matchingLines(file, pattern)).map(({ line, match }) => ({
    file: file.path,
    line,
    verdict: "not_met" as const,
    message: `Logs are written to a file (${match[0].slice(0, 60)})`,
  }));
}

export const logFiles = defineRule("log-files", (repo) => {
  const committed: Finding[] = repo.files
    .filter((f) => /\.log$/.test(f.path))
    .map((f) => ({ file: f.path, line: null, verdict: "not_met", message: "A log file is committed" }));
  const findings = [...committed, ...repo.files.flatMap(writes)];
  if (!findings.length) return { verdict: "met", summary: `No log written to a file in ${count(repo.files.length, "file")}.`, findings };
  return { verdict: "not_met", summary: `${count(findings.length, "place")} where logs go to a file instead of stdout.`, findings };
});
