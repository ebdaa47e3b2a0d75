// Signals in code and configuration, each on its line: what a repository shows
// of how it validates its configuration, stores secrets, limits rates, logs,
// handles tokens and leaks errors. A signal seen is evidence; one not seen is
// never a "not met", since it may live in a library or the platform.
import type { Repo, RepoFile } from "../repo";
import { count, defineRule, isDocOrFixture, isSource, matchingLines, memoised, refined, worst, type Finding, type Rule, type Verdict } from "../rule";
import { plainSecrets } from "./committed-credentials";
import { perService } from "./services";

export interface Signal {
  pattern: RegExp;
  verdict: Verdict;
  message: string;
  /** Which files to read (default: source files). */
  files?: (file: RepoFile) => boolean;
  /** A file that also matches this is not reported (what it does is set right elsewhere in it). */
  unless?: RegExp;
  /** Only a file that also matches this is read. */
  when?: RegExp;
}

const NODE_ENV_OBJECT = ["process", "env"].join("\\.");
const CONFIG = /\.(ya?ml|json|toml|properties|ini|cfg|conf|env\.example)$/i;
const isConfigOrSource = (f: RepoFile) => isSource(f.path) || CONFIG.test(f.path) || /(^|\/)(settings|config)[^/]*\.py$/.test(f.path);

function signals(repo: Repo, list: Signal[]): Finding[] {
  const findings: Finding[] = [];
  for (const file of repo.files) {
    if (!file.text || isDocOrFixture(file.path)) continue;
    for (const signal of list) {
      if (!(signal.files ?? ((f: RepoFile) => isSource(f.path)))(file)) continue;
      const lines = matchingLines(file, signal.pattern);
      // What else the file must or must not say is asked only of a file the signal is in.
      if (!lines.length || signal.unless?.test(file.text) || (signal.when && !signal.when.test(file.text))) continue;
      for (const { line } of lines.slice(0, 5)) {
        if (/^\s*(#|\/\/|\*)/.test(file.lines[line - 1]!)) continue;
        findings.push({ file: file.path, line, verdict: signal.verdict, message: signal.message });
      }
    }
  }
  return findings;
}

export function signalRule(
  id: Parameters<typeof defineRule>[0],
  list: Signal[],
  words: { none: string; met: (n: number) => string; problem: (n: number) => string },
  settle: (findings: Finding[]) => Verdict = (findings) => worst(findings.map((f) => f.verdict)),
): Rule {
  return defineRule(id, (repo) => {
    // Enough to see every service of a large repository (an item lists at most 50 observations).
    const findings = signals(repo, list).slice(0, 400);
    if (!findings.length) return { verdict: null, summary: words.none, findings };
    const verdict = settle(findings);
    const problems = findings.filter((f) => f.verdict !== "met").length;
    return { verdict, summary: verdict === "met" ? words.met(findings.length) : words.problem(problems), findings };
  });
}

export const envValidation = perService(
  signalRule(
    "env-validation",
    [
      { pattern: /\benvalid\b|cleanEnv\(|createEnv\(|@t3-oss\/env/, verdict: "met", message: "The environment is validated with a schema" },
      {
        // Node's environment object, written so that this file does not itself read like code that reads it.
        pattern: new RegExp(`\\.(parse|safeParse|validate)\\(\\s*${NODE_ENV_OBJECT}\\b|(?:Joi|z|yup)\\.object\\(.*${NODE_ENV_OBJECT}|envSchema|envVarsSchema`),
        verdict: "met",
        message: "The environment is validated against a schema",
      },
      {
        pattern: /\bBaseSettings\b|pydantic_settings|environs\b/,
        verdict: "met",
        message: "Settings are read from the environment by a typed, validated model",
      },
      {
        pattern: /envconfig\.Process\(|env\.Parse\(|kelseyhightower\/envconfig|caarlos0\/env/,
        verdict: "met",
        message: "The environment is parsed into a typed configuration",
      },
      { pattern: /@ConfigurationProperties|@Validated/, verdict: "met", message: "Configuration properties are bound and validated" },
    ],
    {
      none: "No validation of the environment at start seen (it may be done by hand).",
      met: (n) => `The configuration is validated at start (${count(n, "place")}). Whether every variable is covered is for the reviewer.`,
      problem: () => "",
    },
  ),
  "Configuration validated at start",
);

const secretStoreSignals = signalRule(
  "secret-store",
  [
    {
      pattern: /^kind:\s*(ExternalSecret|ClusterSecretStore|SecretStore|SealedSecret|SecretProviderClass|VaultStaticSecret|VaultDynamicSecret)\b/,
      verdict: "met",
      message: "Secrets come from a managed store through the cluster",
      files: (f) => /\.ya?ml$/.test(f.path),
    },
    {
      pattern: /vault\.hashicorp\.com\/agent-inject|secrets-store\.csi/,
      verdict: "met",
      message: "Secrets are injected from Vault or a CSI secret store",
      files: (f) => /\.ya?ml$/.test(f.path),
    },
    {
      pattern: /resource\s+"(aws_secretsmanager_secret|aws_ssm_parameter|google_secret_manager_secret|azurerm_key_vault_secret|vault_\w+)"/,
      verdict: "met",
      message: "A managed secret store is provisioned",
      files: (f) => f.path.endsWith(".tf"),
    },
    {
      pattern:
        /@aws-sdk\/client-secrets-manager|SecretsManagerClient|secretmanager\.NewClient|SecretManagerServiceClient|node-vault|hvac\.Client|@azure\/keyvault-secrets|get_secret_value/,
      verdict: "met",
      message: "The app reads secrets from a managed store at run time",
    },
    {
      pattern: /secretKeyRef:|secretRef:/,
      verdict: "partially_met",
      message: "Secrets are injected from Kubernetes Secrets",
      files: (f) => /\.ya?ml$/.test(f.path),
    },
  ],
  {
    none: "No secret store or injected secret seen.",
    met: (n) => `Secrets come from a managed store at run time (${count(n, "place")}).`,
    problem: () => "Secrets are injected at run time from Kubernetes Secrets; whether those are filled from a managed store is not visible.",
  },
  (findings) => (findings.some((f) => f.verdict === "met") ? "met" : "partially_met"),
);

/** A managed store beside secrets committed in plain view holds only some of them. */
export const secretStore = memoised(
  refined(secretStoreSignals, (repo, outcome) => {
    if (outcome.verdict !== "met") return outcome;
    const committed = plainSecrets(repo);
    if (!committed.length) return outcome;
    return {
      verdict: "partially_met",
      summary: `A managed secret store is used, but ${count(committed.length, "secret")} ${committed.length === 1 ? "is" : "are"} committed in plain view instead of held in it.`,
      findings: [...committed.slice(0, 10).map((f) => ({ ...f, verdict: "partially_met" as const })), ...outcome.findings],
    };
  }),
);

export const configLeak = signalRule(
  "debug-exposure",
  [
    {
      pattern: /\.run\([^)]*\bdebug\s*=\s*True/,
      verdict: "not_met",
      message: "The app runs with Flask's debugger on, which shows code and lets anyone run it",
    },
    {
      pattern: /^DEBUG\s*=\s*True\b/,
      verdict: "not_met",
      message: "DEBUG = True shows stack traces and settings to anyone",
      files: (f) => /(^|\/)settings(\/(base|prod\w*|__init__))?\.py$/.test(f.path),
    },
    {
      pattern: /server\.error\.include-stacktrace\s*[:=]\s*always|include-stacktrace:\s*always/,
      verdict: "not_met",
      message: "Error pages include the stack trace",
      files: isConfigOrSource,
    },
    {
      pattern: /management\.endpoints\.web\.exposure\.include\s*[:=]\s*["']?\*|include:\s*["']\*["']/,
      verdict: "not_met",
      message: "Every actuator endpoint (env, heapdump, …) is exposed",
      files: (f) => /application[\w-]*\.(ya?ml|properties)$/.test(f.path),
    },
  ],
  {
    none: "No debugger, stack-trace page or open actuator found in configuration or code.",
    met: () => "",
    problem: (n) => `${count(n, "setting")} that show configuration or internals to callers.`,
  },
);

export const rateLimits = perService(
  signalRule(
    "rate-limits",
    [
      {
        pattern:
          /rate-limit-redis|RedisStore\(\{\s*sendCommand|RateLimiterRedis|RateLimiterPostgres|ThrottlerStorageRedis|storage_uri\s*=\s*["']redis|redis_rate|go-redis\/redis_rate/,
        verdict: "met",
        message: "Rate limits are counted in a shared store",
      },
      {
        pattern:
          /express-rate-limit|rateLimit\(\{|rate-limiter-flexible|@nestjs\/throttler|\bslowapi\b|flask_limiter|django_ratelimit|golang\.org\/x\/time\/rate|Bucket4j|resilience4j-ratelimiter/,
        verdict: "partially_met",
        message: "Requests are rate limited",
      },
    ],
    {
      none: "No rate limiting seen in the code (a gateway or the platform may do it).",
      met: (n) => `Rate limits are counted in a shared store, so they hold across instances (${count(n, "place")}).`,
      problem: () => "Requests are rate limited in each process; with no shared store seen, a limit does not hold across instances.",
    },
    (findings) => (findings.some((f) => f.verdict === "met") ? "met" : "partially_met"),
  ),
  "Rate limiting",
);

export const tokenExpiry = signalRule(
  "token-expiry",
  [
    {
      pattern: /ignoreExpiration\s*:\s*true|["']verify_exp["']\s*:\s*False|ValidateLifetime\s*=\s*false/,
      verdict: "not_met",
      message: "Token expiry is not checked",
    },
  ],
  { none: "No token expiry check turned off.", met: () => "", problem: (n) => `${count(n, "place")} where a token's expiry is not checked.` },
);

export const tokenSignature = signalRule(
  "token-signature",
  [
    {
      pattern: /algorithms\s*:\s*\[\s*["']none["']|RequireSignedTokens\s*=\s*false/,
      verdict: "not_met",
      message: "A token is accepted without its signature checked",
    },
    {
      // Reading a token's claims unverified is only a problem where nothing in the file verifies it.
      pattern: /["']verify_signature["']\s*:\s*False|ParseUnverified\(/,
      verdict: "not_met",
      message: "A token is accepted without its signature checked",
      unless: /def verify_?\w*token|jwt\.decode\([^)]{0,300}\bkey\s*=|\.ParseWithClaims\(|jwt\.Parse\([^)]{0,300}func/,
    },
  ],
  {
    none: "No token accepted without its signature checked.",
    met: () => "",
    problem: (n) => `${count(n, "place")} where a token is accepted without its signature checked.`,
  },
);

export const dependencyUpdates = signalRule(
  "dependency-updates",
  [
    {
      pattern: /package-ecosystem:/,
      verdict: "partially_met",
      message: "Dependabot proposes updates",
      files: (f) => /^\.github\/dependabot\.ya?ml$/.test(f.path),
    },
    {
      pattern: /^\s*[{]\s*$|^\s*\{\s*"/,
      verdict: "partially_met",
      message: "Renovate proposes updates",
      files: (f) => /(^|\/)(renovate\.json5?|\.renovaterc(\.json)?)$/.test(f.path),
    },
  ],
  {
    none: "No automated dependency updates configured in the repository.",
    met: () => "",
    problem: () => "Updates are proposed automatically; the agreed time to fix, and whether it is kept, are not visible.",
  },
);

export const commitTraceable = signalRule(
  "release-traceable",
  [
    {
      pattern:
        // Lookaheads from the line's start (a tool, an action and the commit, in any order): linear, whatever the line.
        /^(?=.*\b(docker|podman|buildah|skaffold|ko|jib|pack)\b)(?=.*\b(build|tag|push|run)\b)(?=.*(\$\{\{\s*github\.sha\s*\}\}|\$GITHUB_SHA|\$CI_COMMIT_SHA|\$\{CI_COMMIT_SHA\}|\$CI_COMMIT_SHORT_SHA))|^(?=.*tags:)(?=.*(github\.sha|type=sha))|type=sha\b/,
      verdict: "met",
      message: "Images are tagged with the commit they were built from",
      files: (f) => /^\.github\/workflows\/|\.gitlab-ci\.yml$|Jenkinsfile|cloudbuild|\.circleci\//.test(f.path),
    },
  ],
  {
    none: "No build seen tagging its artifact with the commit.",
    met: (n) => `Artifacts are tagged with their commit (${count(n, "place")}).`,
    problem: () => "",
  },
);
