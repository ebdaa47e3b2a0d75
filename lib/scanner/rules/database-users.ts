// Whether the app signs in to its database as the server's administrator. The
// official images make POSTGRES_USER and MONGO_INITDB_ROOT_USERNAME superusers,
// and postgres, root and sa are the administrators' names: an app that connects
// as one of them can read, change and drop everything on the server.
import type { RepoFile } from "../repo";
import { count, defineRule, isCiFile, isDocOrFixture, isExampleHost, isLoopbackHost, isThrowawayFile, matchingLines, type Finding } from "../rule";

const ADMINISTRATORS = new Set(["postgres", "root", "sa"]);
/** The superuser an official database image creates from its configuration. */
const SUPERUSER_SETTING = /^\s*-?\s*["']?(POSTGRES_USER|MONGO_INITDB_ROOT_USERNAME)["']?\s*[:=]\s*["']?([\w.-]+)["']?\s*(#.*)?$/;
/** The account an app is told to connect with. */
const APP_USER =
  /^\s*-?\s*["']?((?:SPRING_DATASOURCE|[A-Z]+_DB|DB|DATABASE|PG|MYSQL_APP|APP_DB)_?USER(?:NAME)?|spring\.datasource\.username|PGUSER)["']?\s*[:=]\s*["']?([\w.-]+)["']?\s*(#.*)?$/;
const URL_USER = /\b(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|sqlserver):\/\/([\w.-]+)(?::[^@\s'"]*)?@([^/:\s'"?,;]+)/;
const READ = /\.(ya?ml|env|properties|json|toml|tf)$|(^|\/)\.env(\.[\w-]+)?$/;

function inFile(file: RepoFile): Finding[] {
  if (!file.text || !READ.test(file.path) || isDocOrFixture(file.path) || isCiFile(file.path) || isThrowawayFile(file.path)) return [];
  const superusers = new Set([...ADMINISTRATORS, ...matchingLines(file, SUPERUSER_SETTING).map(({ match }) => match[2]!)]);
  const found: Finding[] = [];
  for (const { line, match } of matchingLines(file, APP_USER)) {
    if (superusers.has(match[2]!))
      found.push({ file: file.path, line, verdict: "not_met", message: `The app connects as ${match[2]}, the database server's administrator (${match[1]})` });
  }
  for (const { line, match } of matchingLines(file, URL_USER)) {
    const [, scheme, user, host] = match;
    if (!superusers.has(user!) || isLoopbackHost(host!) || isExampleHost(host!)) continue;
    found.push({ file: file.path, line, verdict: "not_met", message: `A ${scheme} connection to ${host} signs in as ${user}, the server's administrator` });
  }
  return found;
}

export const databaseUsers = defineRule("database-users", (repo) => {
  const findings = repo.files.flatMap(inFile);
  if (!findings.length) return { verdict: null, summary: "No app seen connecting to its database as the server's administrator.", findings };
  return {
    verdict: "not_met",
    summary: `${count(findings.length, "place")} where the app connects to its database as the server's administrator (a superuser the image creates, or postgres, root or sa), not as an account of its own with only what it needs.`,
    findings: findings.slice(0, 20),
  };
});
