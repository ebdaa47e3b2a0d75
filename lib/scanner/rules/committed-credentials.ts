// A committed environment file, private key or connection URL with a password:
// a credential anyone with read access to the code holds too.
import type { ManifestObject } from "../manifests";
import type { Repo, RepoFile } from "../repo";
import { apartNote, defineRule, baseName, count, isDocOrFixture, isExampleHost, isLockfile, isLoopbackHost, matchingLines, type Finding } from "../rule";

const ENV_FILE = /^\.env(\..+)?$/;
const EXAMPLE = /\.(example|sample|template|dist|defaults)$/i;
const KEY_FILE = /^(id_(rsa|dsa|ecdsa|ed25519)|.+\.(p12|pfx|jks|keystore))$/i;
const PRIVATE_KEY = /-----BEGIN ((?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----/;
const URL_WITH_PASSWORD = /\b([a-z][a-z0-9+.-]*):\/\/([^\s:@/'"`]+):([^\s@/'"`]+)@([^\s/:'"`?,;]+)/i;
// Documentation and templates: "…", "<password>", "${DB_PASSWORD}", "changeme".
const PLACEHOLDER = /^(\$|\{|<|\[|%|\*+$|x+$|\.\.\.|…|password$|pass$|pwd$|changeme|change-me|secret$|example|placeholder|your[-_]|dummy|fake|test$)/i;

export function isSecretFileName(file: string): boolean {
  const name = baseName(file);
  return (ENV_FILE.test(name) && !EXAMPLE.test(name)) || KEY_FILE.test(name);
}

/** A variable an environment file sets that names a secret. */
const ENV_SECRET_NAME = /(password|passwd|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credential|signing[-_]?key|dsn|connection[-_]?string)/i;

/**
 * An environment file is a committed credential when it gives a secret-named
 * variable a real value, or any variable a URL with a password; one that only sets versions, ports and addresses is
 * configuration, and is not reported.
 */
function envFinding(file: RepoFile): Finding | null {
  const secrets = matchingLines(file, /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S.*)$/).filter(({ match }) => {
    const value = match[2]!
      .replace(/\s+#.*$/, "")
      .trim()
      .replace(/^["']|["']$/g, "");
    return value !== "" && !PLACEHOLDER.test(value) && (ENV_SECRET_NAME.test(match[1]!) || URL_WITH_PASSWORD.test(value));
  });
  if (!secrets.length) return null;
  // Names only: the scanner never repeats a value it suspects is a secret.
  const names = secrets.map((found) => found.match[1]).slice(0, 6);
  return { file: file.path, line: secrets[0]!.line, verdict: "not_met", message: `Environment file committed; it sets ${names.join(", ")}` };
}

function inlineCredentials(file: RepoFile): Finding[] {
  if (isLockfile(file.path)) return [];
  return matchingLines(file, URL_WITH_PASSWORD)
    .filter(({ match }) => !PLACEHOLDER.test(match[3]!) && !isLoopbackHost(match[4]!) && !isExampleHost(match[4]!))
    .map(({ line, match }) => ({
      file: file.path,
      line,
      verdict: "not_met" as const,
      message: `${match[1]} URL with an inline password for ${match[4]}`,
    }));
}

/** A Terraform attribute named like a secret set to a literal (not a variable, not AWS's documented example keys). */
const TERRAFORM_SECRET = /^\s*((?:\w*_)?(?:password|passwd|secret|secret_key|access_key|api_key|token))\s*=\s*"([^"$]{4,})"/i;

function terraformLiterals(file: RepoFile): Finding[] {
  if (!/\.(tf|tfvars)$/.test(file.path)) return [];
  return matchingLines(file, TERRAFORM_SECRET)
    .filter(({ match }) => !PLACEHOLDER.test(match[2]!) && !/example/i.test(match[2]!))
    .map(({ line, match }) => ({ file: file.path, line, verdict: "not_met" as const, message: `${match[1]} is set to a literal value in Terraform` }));
}

/** A configuration key that names a secret. */
const SECRET_KEY_NAME = /(password|passwd|secret|token|api[-_]?key|private[-_]?key)/i;

/** Kubernetes Secrets committed with their values, and ConfigMaps that hold a secret in plain view. */
function kubernetesSecrets(objects: ManifestObject[]): Finding[] {
  return objects
    .filter((o) => o.kind === "Secret" || o.kind === "ConfigMap")
    .flatMap((o) => {
      const keys = ["data", "stringData"]
        .flatMap((k) => Object.entries((o.value[k] ?? {}) as Record<string, unknown>))
        .filter(([key, v]) => typeof v === "string" && v.trim() && !PLACEHOLDER.test(v.trim()) && (o.kind === "Secret" || SECRET_KEY_NAME.test(key)));
      if (!keys.length) return [];
      const names = keys
        .map(([k]) => k)
        .slice(0, 5)
        .join(", ");
      const message =
        o.kind === "Secret" ? `Secret ${o.name} is committed with its values (${names})` : `ConfigMap ${o.name} holds a secret in plain view (${names})`;
      return [{ file: o.file, line: o.line, verdict: "not_met" as const, message }];
    });
}

/** Secrets kept in plain view in what deploys (Kubernetes Secrets and ConfigMaps, Terraform literals), documentation and fixtures aside. */
export function plainSecrets(repo: Repo): Finding[] {
  return inPlainView(repo).filter((f) => !isDocOrFixture(f.file));
}

const plainViewCache = new WeakMap<Repo, Finding[]>();
/** Kubernetes Secrets and ConfigMaps, and Terraform literals, read once per scan (this check and secret-store both ask). */
function inPlainView(repo: Repo): Finding[] {
  let found = plainViewCache.get(repo);
  if (!found) plainViewCache.set(repo, (found = [...kubernetesSecrets(repo.objects), ...repo.files.flatMap(terraformLiterals)]));
  return found;
}

export const committedCredentials = defineRule("committed-credentials", (repo) => {
  const findings: Finding[] = [...inPlainView(repo)];
  for (const file of repo.files) {
    const name = baseName(file.path);
    const keys = matchingLines(file, PRIVATE_KEY);
    if (ENV_FILE.test(name) && !EXAMPLE.test(name)) {
      const env = envFinding(file);
      if (env) findings.push(env);
    } else if (KEY_FILE.test(name) && !keys.length) findings.push({ file: file.path, line: null, verdict: "not_met", message: "Key file committed" });
    for (const { line, match } of keys) {
      findings.push({ file: file.path, line, verdict: "not_met", message: `${match[1] ?? ""}private key committed` });
    }
    findings.push(...inlineCredentials(file));
  }
  for (const old of repo.removedFromTree.filter((entry) => isSecretFileName(entry.path))) {
    // An environment file that only ever held configuration is not a credential.
    if (ENV_FILE.test(baseName(old.path))) {
      const text = old.read();
      if (text !== null && !envFinding({ path: old.path, text, lines: text.split(/\r?\n/) })) continue;
    }
    findings.push({
      file: old.path,
      line: null,
      verdict: "not_met",
      message: `Added in commit ${old.commit} and still in the history although removed since; rotate what it held`,
    });
  }
  const history = repo.source === "git" ? "git history included" : "history not read (not a git work tree)";
  // Documentation, examples and test fixtures hold placeholders and deliberate test keys: reported apart.
  const apart = findings.filter((f) => isDocOrFixture(f.file));
  const counted = findings.filter((f) => !isDocOrFixture(f.file));
  if (counted.length) {
    return {
      verdict: "not_met",
      summary: `${count(counted.length, "committed credential")} found (${history}). Rotate each one; deleting the file does not remove it from the history.${apartNote(apart)}`,
      findings: counted,
    };
  }
  return {
    verdict: "met",
    summary: `No environment file, private key, connection URL with a password, Kubernetes Secret with its values or Terraform secret literal in ${count(repo.files.length, "file")} (${history}). Image layers and build logs were not scanned.${apartNote(apart)}`,
    findings: [],
  };
});
