// Connection URLs in code and configuration, judged by the TLS they ask for:
// verified TLS, TLS that does not check the server, or none at all.
import type { RepoFile } from "../repo";
import { apartNote, defineRule, count, isDocOrFixture, isExampleHost, isLockfile, worst, type Finding, type Verdict } from "../rule";

const CONNECTION_URL = /\b(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?):\/\/[^\s'"`<>)\]]+/gi;
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i;

interface Judged {
  verdict: Verdict;
  reason: string;
}

function parameter(url: string, names: string[]): string | null {
  const query = url.includes("?") ? url.slice(url.indexOf("?") + 1) : "";
  for (const pair of query.split("&")) {
    const [key, value] = pair.split("=");
    if (key && names.includes(key.toLowerCase())) return (value ?? "").toLowerCase();
  }
  return null;
}

export function judgeConnectionUrl(url: string): Judged {
  const scheme = url.slice(0, url.indexOf(":")).toLowerCase();
  if (scheme === "postgres" || scheme === "postgresql") {
    const mode = parameter(url, ["sslmode"]);
    if (mode === "verify-full") return { verdict: "met", reason: "sslmode=verify-full" };
    if (mode === "verify-ca" || mode === "require") return { verdict: "partially_met", reason: `sslmode=${mode} encrypts without checking the host name` };
    return { verdict: "not_met", reason: mode ? `sslmode=${mode} allows a plain connection` : "no sslmode, so the connection may be plain" };
  }
  if (scheme === "mysql" || scheme === "mariadb") {
    const mode = parameter(url, ["ssl-mode", "sslmode"]);
    if (mode === "verify_identity") return { verdict: "met", reason: "ssl-mode=VERIFY_IDENTITY" };
    if (mode === "required" || mode === "verify_ca") return { verdict: "partially_met", reason: `ssl-mode=${mode.toUpperCase()} does not check the host name` };
    return { verdict: "not_met", reason: "no ssl-mode requiring TLS" };
  }
  if (scheme.startsWith("mongodb")) {
    if (parameter(url, ["tlsallowinvalidcertificates", "tlsinsecure", "tlsallowinvalidhostnames"]) === "true") {
      return { verdict: "partially_met", reason: "TLS with certificate checks turned off" };
    }
    if (scheme === "mongodb+srv" || parameter(url, ["tls", "ssl"]) === "true") return { verdict: "met", reason: "TLS" };
    return { verdict: "not_met", reason: "no tls=true" };
  }
  if (scheme === "rediss" || scheme === "amqps") return { verdict: "met", reason: `${scheme}:// (TLS)` };
  return { verdict: "not_met", reason: `${scheme}:// is plain; use ${scheme}s://` };
}

/** The host, or null when the address is assembled in code or a template. */
function hostOf(url: string): string | null {
  const afterScheme = url.slice(url.indexOf("://") + 3);
  const authority = afterScheme.split(/[/?]/)[0] ?? "";
  if (/[${}<>%()]/.test(authority)) return null;
  const host = authority.slice(authority.lastIndexOf("@") + 1);
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:.*$/, "");
}

function urlFindings(file: RepoFile): Finding[] {
  if (isLockfile(file.path)) return [];
  const findings: Finding[] = [];
  file.lines.forEach((text, index) => {
    const line = index + 1;
    for (const [url] of text.matchAll(CONNECTION_URL)) {
      const host = hostOf(url);
      if (!host || LOOPBACK.test(host) || isExampleHost(host)) continue;
      const { verdict, reason } = judgeConnectionUrl(url);
      // The host only: a URL may carry a password the report must not repeat.
      const scheme = url.slice(0, url.indexOf(":"));
      findings.push({ file: file.path, line, verdict, message: `${scheme} connection to ${host}: ${reason}` });
    }
  });
  return findings;
}

export const databaseTls = defineRule("database-tls", (repo) => {
  const all = repo.files.flatMap(urlFindings);
  // Documentation and test fixtures show example connections: reported apart.
  const apart = all.filter((f) => isDocOrFixture(f.file));
  const findings = all.filter((f) => !isDocOrFixture(f.file));
  if (!findings.length) return { verdict: null, summary: `No connection URL to a non-loopback host found.${apartNote(apart)}`, findings };
  const verdict = worst(findings.map((f) => f.verdict));
  const weak = findings.filter((f) => f.verdict !== "met").length;
  return {
    verdict,
    summary: weak
      ? `${weak} of ${count(findings.length, "connection URL")} lack verified TLS.${apartNote(apart)}`
      : `Every connection URL found (${findings.length}) asks for verified TLS.${apartNote(apart)}`,
    findings,
  };
});
