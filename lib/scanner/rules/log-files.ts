// How the app logs: as structured records (easy to filter, and values cannot
// forge a line), and to stdout, not to local files, which are lost with the
// instance and can be altered by whoever holds it.
import type { RepoFile } from "../repo";
import { defineRule, count, isDockerfile, isSource, matchingLines, memoised, type Finding } from "../rule";
import { signalRule } from "./code";
import { perService } from "./services";

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

export const structuredLogs = memoised(
  perService(
    signalRule(
      "structured-logs",
      [
        {
          pattern: /from ["']pino["']|require\(["']pino["']\)|\bbunyan\b|format\.json\(\)|winston\.format\.json/,
          verdict: "met",
          message: "Logs are written as JSON records",
        },
        {
          pattern: /go\.uber\.org\/zap|rs\/zerolog|slog\.NewJSONHandler|logrus\.JSONFormatter|&log\.JSONFormatter/,
          verdict: "met",
          message: "Logs are written as structured records",
        },
        { pattern: /\bstructlog\b|pythonjsonlogger|json_log_formatter/, verdict: "met", message: "Logs are written as structured records" },
        {
          pattern: /LogstashEncoder|Serilog|JsonFormatter|EcsLayout/,
          verdict: "met",
          message: "Logs are written as structured records",
          files: (f) => isSource(f.path) || /logback[\w-]*\.xml$|log4j2?[\w-]*\.xml$/.test(f.path),
        },
        {
          pattern: /JsonTemplateLayout|<JsonLayout\b|AddJsonConsole\(/,
          verdict: "met",
          message: "Logs are written as structured records",
          files: (f) => isSource(f.path) || /logback[\w-]*\.xml$|log4j2?[\w-]*\.xml$/.test(f.path),
        },
        {
          // OpenTelemetry's log SDKs and bridges, and its Java agent (which carries log4j and logback records), export structured records.
          pattern:
            /@opentelemetry\/(sdk-logs|api-logs)|go\.opentelemetry\.io\/(otel\/log|contrib\/bridges\/otel)|opentelemetry\.sdk\._logs|OpenTelemetryAppender|OpenTelemetry\.Logs\b|opentelemetry-logs-sdk|OpenTelemetry\\Contrib\\Logs|opentelemetry_appender_|opentelemetry\/sdk\/logs|-javaagent:\S*opentelemetry/,
          verdict: "met",
          message: "Logs are exported as OpenTelemetry records",
          files: (f) => isSource(f.path) || isDockerfile(f.path) || /\.(cc|cpp|h|hpp)$/.test(f.path),
        },
      ],
      { none: "No structured logger seen.", met: (n) => `Logs are structured records (${count(n, "place")}), easy to filter.`, problem: () => "" },
    ),
    "A structured logger",
    "partial",
  ),
);
