// Terraform's resources that decide exposure and TLS: databases open to the
// internet, load balancers on plain HTTP, databases whose TLS requirement is
// turned off. Read as text, block by block; values from variables are not followed.
import type { Repo, RepoFile } from "../repo";
import { count, defineRule, worst, type Finding } from "../rule";

interface Block {
  file: RepoFile;
  type: string;
  name: string;
  /** 1-based line of the `resource` line. */
  line: number;
  lines: string[];
}

/** Every `resource "type" "name" { … }` block, by brace depth (braces in strings are rare enough in HCL resources). */
export function resourceBlocks(file: RepoFile): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < file.lines.length; i++) {
    const open = /^\s*resource\s+"([\w-]+)"\s+"([\w-]+)"\s*\{/.exec(file.lines[i]!);
    if (!open) continue;
    let depth = 0;
    const body: string[] = [];
    for (let j = i; j < file.lines.length; j++) {
      const text = file.lines[j]!.replace(/#.*$|\/\/.*$/, "");
      depth += (text.match(/\{/g) ?? []).length - (text.match(/\}/g) ?? []).length;
      body.push(file.lines[j]!);
      if (depth <= 0) break;
    }
    blocks.push({ file, type: open[1]!, name: open[2]!, line: i + 1, lines: body });
  }
  return blocks;
}

function blocks(repo: Repo): Block[] {
  return repo.files.filter((f) => f.path.endsWith(".tf") && f.text).flatMap(resourceBlocks);
}

/** The line (absolute) of the first line in the block matching, or null. */
function find(block: Block, pattern: RegExp): number | null {
  const index = block.lines.findIndex((l) => pattern.test(l.replace(/#.*$/, "")));
  return index < 0 ? null : block.line + index;
}

const at = (block: Block, line: number | null, verdict: Finding["verdict"], message: string): Finding => ({
  file: block.file.path,
  line: line ?? block.line,
  verdict,
  message: `${block.type}.${block.name}: ${message}`,
});

export const publicDatabase = defineRule("public-database", (repo) => {
  const findings: Finding[] = [];
  for (const block of blocks(repo)) {
    if (/^aws_(db_instance|rds_cluster_instance)$/.test(block.type)) {
      const open = find(block, /^\s*publicly_accessible\s*=\s*true\b/);
      findings.push(
        open ? at(block, open, "not_met", "publicly_accessible = true puts the database on the internet") : at(block, null, "met", "not publicly accessible"),
      );
    } else if (block.type === "google_sql_database_instance") {
      const anywhere = find(block, /^\s*value\s*=\s*"0\.0\.0\.0\/0"/);
      if (anywhere) findings.push(at(block, anywhere, "not_met", "an authorized network of 0.0.0.0/0 lets the whole internet connect"));
    }
  }
  if (!findings.length) return { verdict: null, summary: "No database in Terraform.", findings };
  const open = findings.filter((f) => f.verdict === "not_met").length;
  return {
    verdict: worst(findings.map((f) => f.verdict)),
    summary: open
      ? `${open} of ${count(findings.length, "database")} ${open === 1 ? "is" : "are"} open to the internet.`
      : `No database of ${findings.length} is open to the internet.`,
    findings,
  };
});

export const edgeTls = defineRule("edge-tls", (repo) => {
  const findings: Finding[] = [];
  for (const block of blocks(repo).filter((b) => /^aws_(a?lb|lb)_listener$/.test(b.type))) {
    const http = find(block, /^\s*protocol\s*=\s*"HTTP"/);
    if (http) {
      findings.push(
        find(block, /redirect\s*\{/)
          ? at(block, http, "met", "plain HTTP that redirects to HTTPS")
          : at(block, http, "not_met", "listens on plain HTTP without redirecting to HTTPS"),
      );
      continue;
    }
    if (find(block, /^\s*protocol\s*=\s*"(HTTPS|TLS)"/)) {
      const weak = find(block, /^\s*ssl_policy\s*=\s*"[^"]*(TLS-1-0|2015-05|2016-08)[^"]*"/);
      findings.push(weak ? at(block, weak, "partially_met", "its TLS policy still allows TLS 1.0") : at(block, null, "met", "listens on TLS"));
    }
  }
  if (!findings.length) return { verdict: null, summary: "No load balancer listener in Terraform.", findings };
  const verdict = worst(findings.map((f) => f.verdict));
  return {
    verdict,
    summary:
      verdict === "met"
        ? `Every load balancer listener (${findings.length}) uses TLS or redirects to it. HSTS is the app's to send.`
        : `${count(findings.filter((f) => f.verdict !== "met").length, "listener")} of ${findings.length} without TLS, or with an old TLS policy.`,
    findings,
  };
});

export const cloudDatabaseTls = defineRule("cloud-database-tls", (repo) => {
  const findings: Finding[] = [];
  for (const block of blocks(repo)) {
    const rules: [RegExp, Finding["verdict"], string][] =
      block.type === "google_sql_database_instance"
        ? [
            [/^\s*require_ssl\s*=\s*false/, "not_met", "require_ssl = false accepts plain connections"],
            [/^\s*ssl_mode\s*=\s*"ALLOW_UNENCRYPTED_AND_ENCRYPTED"/, "not_met", "ssl_mode accepts plain connections"],
            [/^\s*(require_ssl\s*=\s*true|ssl_mode\s*=\s*"(ENCRYPTED_ONLY|TRUSTED_CLIENT_CERTIFICATE_REQUIRED)")/, "met", "requires TLS"],
          ]
        : /^azurerm_(postgresql|mysql|mariadb)_server$/.test(block.type)
          ? [
              [/^\s*ssl_enforcement_enabled\s*=\s*false/, "not_met", "ssl_enforcement_enabled = false accepts plain connections"],
              [/^\s*ssl_enforcement_enabled\s*=\s*true/, "met", "requires TLS"],
            ]
          : /^(aws_db_parameter_group|aws_rds_cluster_parameter_group|azurerm_\w+_configuration)$/.test(block.type)
            ? [[/"(rds\.force_ssl|require_secure_transport)"/, "met", ""]]
            : [];
    for (const [pattern, verdict, message] of rules) {
      const line = find(block, pattern);
      if (line === null) continue;
      if (message) {
        findings.push(at(block, line, verdict, message));
      } else {
        // A parameter: its value decides.
        const off = find(block, /^\s*value\s*=\s*"(0|OFF|off|false)"/);
        const on = find(block, /^\s*value\s*=\s*"(1|ON|on|true)"/);
        if (off) findings.push(at(block, off, "not_met", "turns the TLS requirement off"));
        else if (on) findings.push(at(block, on, "met", "requires TLS"));
      }
      break;
    }
  }
  if (!findings.length) return { verdict: null, summary: "No Terraform database setting about TLS.", findings };
  const verdict = worst(findings.map((f) => f.verdict));
  return {
    verdict,
    summary:
      verdict === "met"
        ? `Every database TLS setting in Terraform (${findings.length}) requires TLS. Certificate checks are the clients'.`
        : "A Terraform database accepts plain connections.",
    findings,
  };
});
