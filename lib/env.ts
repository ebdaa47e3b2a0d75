// The only module that reads process.env (ARCHITECTURE.md, habit 3). Every setting is
// validated here; a bad value ends the process with one line per problem.
import { z } from "zod";
import { severities } from "./vocabulary/levels";

const postgresUrl = z
  .string()
  .trim()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
      } catch {
        return false;
      }
    },
    { message: "must be a URL like postgresql://user:password@host:5432/database" },
  );

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const SEVERITY_KEYS = severities.values;

/** "critical=7,high=30,medium=90,low=180": days to remediate by severity, all four given. */
const slaDays = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const policy: Partial<Record<(typeof SEVERITY_KEYS)[number], number>> = {};
    for (const part of value.split(",")) {
      const match = /^\s*(critical|high|medium|low)\s*=\s*(\d{1,4})\s*$/.exec(part);
      if (!match || Number(match[2]) < 1) {
        ctx.addIssue({ code: "custom", message: `must look like critical=7,high=30,medium=90,low=180 (got "${part.trim()}")` });
        return z.NEVER;
      }
      policy[match[1] as (typeof SEVERITY_KEYS)[number]] = Number(match[2]);
    }
    const missing = SEVERITY_KEYS.filter((key) => policy[key] === undefined);
    if (missing.length) {
      ctx.addIssue({ code: "custom", message: `must give all four severities; missing ${missing.join(", ")}` });
      return z.NEVER;
    }
    return policy as Record<(typeof SEVERITY_KEYS)[number], number>;
  });

/** smtp:// or smtps:// with a host; TLS verification cannot be turned off from the URL. */
const smtpUrl = z
  .string()
  .trim()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "" && !/rejectUnauthorized|ignoreTLS/i.test(url.search);
      } catch {
        return false;
      }
    },
    { message: "must be a URL like smtps://user:password@smtp.example.com:465 (TLS is always verified)" },
  );

const CRON = /^(\S+\s+){4}\S+$/;

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional(postgresUrl),
  MIGRATION_DATABASE_URL: optional(postgresUrl),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PORT: z.coerce
    .number()
    .int()
    // Unprivileged ports only: Twelvefold never needs root (addendum step 7).
    .min(1024, { message: "must be 1024 or above; forward 443 to it at the proxy or firewall" })
    .max(65535)
    .default(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  // Signs session cookies. Every instance must share it; `npm start` generates
  // one into DATA_DIR when it is not set.
  AUTH_SECRET: optional(z.string().min(32, { message: "must be at least 32 characters (e.g. openssl rand -base64 32)" })),
  // Keys the audit trail's chain (an HMAC per event) and signs its checkpoints.
  // Held by the app's processes, never by a database role; `npm start` (and any
  // process without it) keeps a generated one in DATA_DIR/audit-key. Set it, the
  // same on every instance and the worker, in production.
  AUDIT_KEY: optional(z.string().min(32, { message: "must be at least 32 characters (e.g. openssl rand -base64 32)" })),
  // Keys the chain was keyed with before a rotation, comma-separated: verification only.
  AUDIT_KEY_PREVIOUS: optional(z.string()),
  // Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: addresses or
  // CIDRs, comma-separated (also loopback, linklocal, uniquelocal). Unset: none,
  // and the client's address is the connection's own.
  TRUSTED_PROXIES: optional(z.string().trim()),
  // Single sign-on through any OpenID Connect issuer; off unless all three are set.
  AUTH_OIDC_ISSUER: optional(z.url()),
  AUTH_OIDC_CLIENT_ID: optional(z.string().trim().min(1)),
  AUTH_OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  // The claim that lists the user's groups (e.g. "groups"); unset, groups give no roles.
  AUTH_OIDC_GROUPS_CLAIM: optional(
    z
      .string()
      .trim()
      .regex(/^[\w.:/-]{1,100}$/, "a claim name such as groups"),
  ),
  // The scopes asked of the issuer; Okta sends groups only when "groups" is among them.
  AUTH_OIDC_SCOPES: optional(
    z
      .string()
      .trim()
      .regex(/^[\w.:/-]+( [\w.:/-]+)*$/, "scopes separated by spaces"),
  ),
  DEMO_PASSWORD: optional(z.string().min(12, { message: "must be at least 12 characters" }).max(128)),
  CHROMIUM_PATH: optional(z.string().trim().min(1)),
  CI: optional(z.string()),
  // Findings: remediation deadlines, the longest a risk may be accepted for, and
  // when a service counts as not assessed recently.
  FINDING_SLA_DAYS: z.preprocess((value) => (value === "" || value === undefined ? "critical=7,high=30,medium=90,low=180" : value), slaDays),
  RISK_ACCEPTANCE_MAX_DAYS: z.coerce.number().int().min(1).max(3660).default(365),
  // The address people reach Twelvefold at, for links in emails and webhooks
  // (e.g. https://twelvefold.example.com). Unset: http://localhost:PORT.
  APP_URL: optional(z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ""))),
  // Email through any SMTP server: smtps://user:pass@host:465 (TLS from the start) or
  // smtp://user:pass@host:587 (STARTTLS, required unless the host is loopback).
  // Certificates are always verified. Unset: email goes to the outbox (/admin/outbox).
  SMTP_URL: optional(smtpUrl),
  SMTP_FROM: z.string().trim().min(3).max(200).default("Twelvefold <twelvefold@localhost>"),
  // Webhook hosts that may be private addresses or plain http (an internal relay, a
  // test receiver): names or addresses, comma-separated. Unset: public HTTPS only.
  WEBHOOK_ALLOWED_HOSTS: optional(z.string().trim().max(2000)),
  // When the worker scans for due dates and builds email digests (cron, UTC).
  NOTIFY_SCAN_CRON: z.string().trim().regex(CRON, "a five-field cron expression").default("15 6 * * *"),
  // How often a worker looks for jobs whose worker died mid-job (past the queue's expiry) to run them again.
  WORKER_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  NOTIFY_DIGEST_CRON: z.string().trim().regex(CRON, "a five-field cron expression").default("0 7 * * *"),
  // An organisation's own evidence mapping (JSON, the shape of lib/checklist/v1/evidence-mapping.json), read before the built-in one.
  EVIDENCE_MAPPING_FILE: z.string().trim().min(1).optional(),
  // Requests one API token may make per minute, on all instances together.
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  // How much the processes log (JSON lines on stdout).
  LOG_LEVEL: z.preprocess((value) => (value === "" ? undefined : value), z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info")),
});

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

const OIDC_KEYS = ["AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"] as const;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema
    .superRefine((env, ctx) => {
      const set = OIDC_KEYS.filter((key) => env[key]);
      if (set.length > 0 && set.length < OIDC_KEYS.length) {
        for (const key of OIDC_KEYS.filter((k) => !env[k])) {
          ctx.addIssue({ code: "custom", path: [key], message: `is needed too: single sign-on takes ${OIDC_KEYS.join(", ")}` });
        }
      }
    })
    .safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment, read once per process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function requireAuthSecret(): string {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new ConfigError(["AUTH_SECRET is not set: start Twelvefold with `npm start`, or set it (32+ characters)"]);
  return secret;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string | undefined;
}

/** Single sign-on settings, or null when SSO is off. */
export function oidcSettings(): OidcSettings | null {
  const env = getEnv();
  if (!env.AUTH_OIDC_ISSUER || !env.AUTH_OIDC_CLIENT_ID || !env.AUTH_OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.AUTH_OIDC_ISSUER,
    clientId: env.AUTH_OIDC_CLIENT_ID,
    clientSecret: env.AUTH_OIDC_CLIENT_SECRET,
    scopes: env.AUTH_OIDC_SCOPES ?? "openid email profile",
    groupsClaim: env.AUTH_OIDC_GROUPS_CLAIM,
  };
}

/** The database URL the running app uses; required once a request touches data. */
export function requireDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) {
    throw new ConfigError(["DATABASE_URL is not set: start Twelvefold with `npm start`, or set it to a Postgres URL"]);
  }
  return url;
}

/** Where people reach Twelvefold, for links in emails and webhooks (no trailing slash). */
export function appUrl(): string {
  const env = getEnv();
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}
