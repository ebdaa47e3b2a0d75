// A repository of several services is judged service by service where each
// service does the thing for itself (validates, bounds, logs, shuts down): a
// signal seen in some services is not the item met.
import type { Repo } from "../repo";
import { count, isDocOrFixture, isSource, refined, type Finding, type Rule } from "../rule";

/**
 * The folders of a repository's services: one per Dockerfile that sits among
 * source code (an image of Kafka or Envoy configured by the repository is not a
 * service of its own), a folder inside another service's counting as part of it.
 * CI's own Dockerfiles, documentation and fixtures aside.
 */
export function serviceFolders(repo: Repo): string[] {
  const sources = repo.files.filter((f) => isSource(f.path) && !isDocOrFixture(f.path)).map((f) => f.path);
  const candidates = [
    ...new Set(
      repo.dockerfiles
        .map((d) => d.file.path)
        .filter((p) => !p.startsWith(".github/") && !isDocOrFixture(p))
        .map((p) => p.slice(0, p.lastIndexOf("/") + 1)),
    ),
  ];
  const hasSource = (folder: string) => sources.some((path) => path.startsWith(folder));
  const folders = candidates.filter((folder) => folder === "" || hasSource(folder));
  return folders.filter((folder) => !folders.some((other) => other !== folder && other !== "" && folder.startsWith(other)));
}

/**
 * Reconsiders a "met" outcome service by service. Seen in some services only,
 * the rest are either for the reviewer (a signal not seen may live in a
 * framework or a gateway: no verdict) or a partial answer (what is not seen is
 * most likely not there: partially met, naming the services without it).
 */
export function perService(rule: Rule, what: string, unseen: "for the reviewer" | "partial" = "for the reviewer"): Rule {
  return refined(rule, (repo, outcome) => {
    const services = serviceFolders(repo);
    if (outcome.verdict !== "met" || services.length < 2 || services.includes("")) return outcome;
    const seen = services.filter((folder) => outcome.findings.some((f) => f.verdict === "met" && f.file.startsWith(folder)));
    if (seen.length === services.length) return outcome;
    const names = seen.map((folder) => folder.replace(/\/$/, "")).slice(0, 4);
    const where = `${what} seen in ${seen.length} of ${count(services.length, "service")}${names.length ? ` (${names.join(", ")})` : ""}`;
    if (unseen === "for the reviewer") return { verdict: null, summary: `${where}; the others are for the reviewer.`, findings: outcome.findings };
    const missing: Finding[] = services
      .filter((folder) => !seen.includes(folder))
      .map((folder) => ({ file: folder.replace(/\/$/, ""), line: null, verdict: "partially_met", message: `${what} not seen in this service` }));
    return {
      verdict: "partially_met",
      summary: `${where}; none is seen in the other ${services.length - seen.length}.`,
      findings: [...missing, ...outcome.findings],
    };
  });
}
