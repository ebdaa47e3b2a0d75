// More signals, each on its line: how the app's server is hardened, bounds and
// times out what it reads, validates requests and keeps session state; and
// whether the pipeline itself deploys. A signal seen is evidence; one not seen
// is never a "not met", since it may live in a gateway, a library or the platform.
import type { RepoFile } from "../repo";
import { count, defineRule, isCiFile, isDocOrFixture, isSource, matchingLines, type Finding } from "../rule";
import { signalRule } from "./code";
import { perService } from "./services";

const isServerConfig = (f: RepoFile) =>
  isSource(f.path) || /(^|\/)(nginx[^/]*\.conf|application[\w-]*\.(ya?ml|properties)|settings[^/]*\.py|appsettings[\w.-]*\.json)$/.test(f.path);

export const securityHeaders = perService(
  signalRule(
    "security-headers",
    [
      {
        pattern:
          /\bhelmet\(|from ["']helmet["']|@fastify\/helmet|unrolled\/secure|secure\.New\(|\bTalisman\(|SECURE_HSTS_SECONDS|SECURE_CONTENT_TYPE_NOSNIFF|\.headers\(\s*\w*\s*->|\.UseHsts\(|add_header\s+(Strict-Transport-Security|X-Content-Type-Options|Content-Security-Policy)/,
        verdict: "met",
        message: "Security headers are set by the server",
        files: isServerConfig,
      },
    ],
    {
      none: "No security-header middleware or server setting seen (a proxy in front may set them).",
      met: (n) => `The server sets security headers (${count(n, "place")}). Its other settings (versions shown, methods allowed) are for the reviewer.`,
      problem: () => "",
    },
  ),
  "Security headers",
);

export const requestLimits = perService(
  signalRule(
    "request-limits",
    [
      {
        pattern:
          /\.(json|urlencoded|raw|text)\(\s*\{[^}]*\blimit\s*:|bodyLimit\s*:|http\.MaxBytesReader\(|client_max_body_size|DATA_UPLOAD_MAX_MEMORY_SIZE|max-(request|file)-size|MaxRequestBodySize|MAX_CONTENT_LENGTH|limits\s*:\s*\{\s*fileSize/,
        verdict: "met",
        message: "Request bodies are read up to a set size",
        files: isServerConfig,
      },
    ],
    {
      none: "No explicit size limit on request bodies seen (a framework's default or a proxy may set one).",
      met: (n) => `Request bodies are read up to a set size (${count(n, "place")}). Whether every other read of input is bounded is for the reviewer.`,
      problem: () => "",
    },
  ),
  "Request body limits",
);

export const serverTimeouts = signalRule(
  "server-timeouts",
  [
    {
      pattern: /\bhttp\.ListenAndServe(TLS)?\(/,
      verdict: "partially_met",
      message: "Go's default server is used, which has no read, write or idle timeout",
      files: (f) => f.path.endsWith(".go"),
    },
    {
      pattern: /\b(ReadHeaderTimeout|ReadTimeout|WriteTimeout)\s*:/,
      verdict: "met",
      message: "The HTTP server has timeouts",
      files: (f) => f.path.endsWith(".go"),
    },
    {
      pattern:
        /\b(server|app)\.(headersTimeout|requestTimeout|keepAliveTimeout)\s*=|\bserver\.setTimeout\(\s*\d|server\.tomcat\.connection-timeout|gunicorn\b.*--timeout\b/,
      verdict: "met",
      message: "The server's timeouts are set",
      files: isServerConfig,
    },
  ],
  {
    none: "No server timeout seen in the code (a framework's default or a proxy may set them).",
    met: (n) => `The server sets its timeouts (${count(n, "place")}). Timeouts on outbound calls are for the reviewer.`,
    problem: (n) => `${count(n, "server")} without read or write timeouts: a slow client can hold a connection open for ever.`,
  },
);

export const requestValidation = perService(
  signalRule(
    "request-validation",
    [
      {
        pattern:
          /\bcelebrate\(|express-validator|class-validator|ValidationPipe|@Valid\b|go-playground\/validator|binding:"[^"]*required|from pydantic import|marshmallow|\bajv\b.*compile|Joi\.object\(|z\.object\(|fastify.*schema\s*:/,
        verdict: "met",
        message: "Requests are checked against a schema",
        files: (f) => isSource(f.path) && !/(^|\/)(config|env)[^/]*\.[a-z]+$|(^|\/)config\//.test(f.path),
      },
    ],
    {
      none: "No schema validation of requests seen (it may be written by hand).",
      met: (n) => `Requests are validated against schemas (${count(n, "place")}). Whether every input goes through them is for the reviewer.`,
      problem: () => "",
    },
  ),
  "Request validation",
);

export const sessionState = signalRule(
  "session-state",
  [
    {
      pattern:
        /connect-redis|connect-pg-simple|connect-mongo|spring-session|SESSION_ENGINE\s*=\s*["']django\.contrib\.sessions\.backends\.(cache|db)|AddStackExchangeRedisCache|redis\.NewStore\(/,
      verdict: "met",
      message: "Session state is kept in a shared store",
    },
    {
      pattern: /sessions\.NewCookieStore\(|require\(["']cookie-session["']\)|from ["']cookie-session["']/,
      verdict: "met",
      message: "Sessions are held, signed, by the client",
    },
    { pattern: /new MemoryStore\(|require\(["']memorystore["']\)/, verdict: "partially_met", message: "Sessions are held in this process's memory" },
    { pattern: /multer\(\s*\{\s*dest\s*:|multer\.diskStorage\(/, verdict: "partially_met", message: "Uploads are kept on the instance's local disk" },
    {
      pattern: /\bsession\(\s*\{/,
      when: /["']express-session["']/,
      unless: /\bstore\s*:/,
      verdict: "partially_met",
      message: "express-session keeps sessions in this process's memory (its default store)",
    },
  ],
  {
    none: "No session or upload handling seen that would keep state in the process.",
    met: (n) => `State is kept outside the process (${count(n, "place")}).`,
    problem: (n) => `${count(n, "place")} where state is kept on one instance: it is lost with the instance and not seen by the others.`,
  },
);

export const DEPLOY =
  /\b(kubectl\s+(apply|set\s+image|rollout\s+restart)|helm\s+(upgrade|install)|skaffold\s+(run|deploy)|gcloud\s+(run|app|functions)\s+deploy|flux\s+reconcile|argocd\s+app\s+sync|terraform\s+apply|(serverless|sls)\s+deploy|fly(ctl)?\s+deploy|aws\s+ecs\s+update-service|az\s+webapp\s+deploy|cdk\s+deploy|kamal\s+deploy|cap\s+production\s+deploy)\b/;
/** A test cluster made for the run (kind, minikube, k3d): deploying to it is a test, not a hand-off. */
export const TEST_CLUSTER = /\b(kind\s+create\s+cluster|helm\/kind-action|minikube\s+start|k3d\s+cluster\s+create|setup-minikube|engineerd\/setup-kind)\b/;
const GITOPS = /^kind:\s*(HelmRelease|Application|ApplicationSet|GitRepository|OCIRepository|ImageUpdateAutomation)\s*$/m;

export const pipelineDeploys = defineRule("pipeline-deploys", (repo) => {
  const findings: Finding[] = [];
  for (const file of repo.files) {
    if (!file.text || isDocOrFixture(file.path)) continue;
    if (isCiFile(file.path) && !TEST_CLUSTER.test(file.text)) {
      for (const { line } of matchingLines(file, DEPLOY).slice(0, 3)) {
        if (/^\s*#/.test(file.lines[line - 1]!)) continue;
        findings.push({ file: file.path, line, verdict: "met", message: `The pipeline deploys: ${file.lines[line - 1]!.trim().slice(0, 120)}` });
      }
    } else if (/\.ya?ml$/.test(file.path) && GITOPS.test(file.text) && /(fluxcd\.io|argoproj\.io)\//.test(file.text)) {
      const line = file.lines.findIndex((l) => GITOPS.test(l)) + 1;
      findings.push({ file: file.path, line, verdict: "met", message: "A GitOps controller deploys what is committed" });
    }
  }
  if (!findings.length) return { verdict: null, summary: "No deployment by the pipeline or a GitOps controller seen (it may be done by hand).", findings };
  return {
    verdict: "met",
    summary: `Releases are deployed by the pipeline or a GitOps controller (${count(findings.length, "place")}), not by hand. Whether anything is changed by hand between stages is for the reviewer.`,
    findings: findings.slice(0, 20),
  };
});

/** A value from the request, by the names code gives it. */
const REQUEST_VALUE = String.raw`(req|request|r)\.\w+|user(Id|name|_id|_name)?|email|query|body|params?|input|header\w*`;

/** A command-line tool's messages to its user are not the service's log. */
const serviceSource = (f: RepoFile) => isSource(f.path) && !/(^|\/)(scripts?|bin|tools?|cli)\//.test(f.path);

export const plainLogs = signalRule(
  "plain-logs",
  [
    {
      pattern: new RegExp(String.raw`Console\.Write(Line)?\(\s*\$"[^"]{0,200}\{\s*(${REQUEST_VALUE})\b`, "i"),
      verdict: "partially_met",
      message: "A request's value is written into a plain-text log line",
      files: serviceSource,
    },
    {
      pattern: new RegExp(String.raw`\blog\.Printf?\([^)]{0,200},\s*(${REQUEST_VALUE})\b`),
      verdict: "partially_met",
      message: "A request's value is written into a plain-text log line",
      files: serviceSource,
    },
    {
      pattern: new RegExp(String.raw`\bprint\(\s*f["'][^"']{0,200}\{\s*(${REQUEST_VALUE})\b`),
      verdict: "partially_met",
      message: "A request's value is printed into a plain-text log line",
      files: serviceSource,
    },
    {
      pattern: new RegExp(String.raw`console\.(log|info|warn|error)\(\s*\x60[^\x60]{0,200}\$\{\s*(${REQUEST_VALUE})\b`),
      verdict: "partially_met",
      message: "A request's value is written into a plain-text log line",
      files: serviceSource,
    },
    {
      pattern: new RegExp(String.raw`System\.(out|err)\.println\([^)]{0,200}\+\s*(${REQUEST_VALUE})\b`),
      verdict: "partially_met",
      message: "A request's value is written into a plain-text log line",
      files: serviceSource,
    },
  ],
  {
    none: "No request value seen written into a plain-text log line.",
    met: () => "",
    problem: (n) => `${count(n, "place")} where a request's value goes into a plain-text log line: a newline in it forges a record.`,
  },
);
