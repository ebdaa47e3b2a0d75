// Turns the errors a newcomer meets when connecting to Postgres into one line
// that says what to fix. Never includes the password.

interface PgLikeError {
  code?: string;
  message?: string;
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

function where(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}`;
  } catch {
    return "the database";
  }
}

export function describeDatabaseError(error: unknown, url: string, variable = "DATABASE_URL"): string {
  const err = (error ?? {}) as PgLikeError;
  const at = where(url);
  const database = (() => {
    try {
      return decodeURIComponent(new URL(url).pathname.slice(1)) || "(default)";
    } catch {
      return "(unknown)";
    }
  })();
  switch (err.code) {
    case "ECONNREFUSED":
      return `Cannot reach Postgres at ${at} (connection refused): start it, or fix ${variable}.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot resolve the Postgres host in ${variable} (${at}): check the host name.`;
    case "ETIMEDOUT":
      return `Connecting to Postgres at ${at} timed out: check ${variable} and any firewall in between.`;
    case "28P01":
      return `Postgres at ${at} rejected the password: check the user and password in ${variable}.`;
    case "28000":
      return `Postgres at ${at} refused the connection (no pg_hba.conf entry or role): check ${variable}.`;
    case "3D000":
      return `Database "${database}" does not exist on ${at}: create it, or fix ${variable}.`;
    default: {
      const message = (err.message ?? String(error)).split("\n")[0];
      if (/ssl|tls|certificate/i.test(message ?? "")) {
        return `TLS to Postgres at ${at} failed (${message}): check sslmode and certificates in ${variable}.`;
      }
      return `Database error at ${at}: ${message}`;
    }
  }
}
