// Whether the pipeline keeps building apart from deploying: a job that builds
// the image and deploys it holds both stages' credentials at once, so whatever
// the build runs (every dependency's install script) can deploy. A deploy job of
// its own, whose credentials an environment holds apart, is what the item asks.
import { isMap, type Node } from "yaml";
import { documents, lineOf } from "../deploy";
import { at } from "../manifests";
import type { RepoFile } from "../repo";
import { count, defineRule, isDocOrFixture, judgedOutcome, type Finding } from "../rule";
import { DEPLOY, TEST_CLUSTER } from "./app";

const BUILD_IMAGE =
  /\b(docker\s+(buildx\s+)?build|docker\/build-push-action|skaffold\s+(build|run)|ko\s+(build|publish|apply)|jib(Build|:build)|gcloud\s+builds\s+submit|kaniko|buildah\s+(bud|build)|pack\s+build|npm\s+(ci|install)|yarn\s+install|pip\s+install|go\s+build|mvn\s|gradle\w*\s)/;
const GITLAB_KEYWORDS = new Set(["stages", "variables", "default", "include", "workflow", "image", "services", "before_script", "after_script", "cache"]);

interface Job {
  name: string;
  line: number;
  text: string;
  environment: string | null;
}

function scriptText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(scriptText).join("\n");
  return "";
}

function jobsOf(file: RepoFile): Job[] {
  const jobs: Job[] = [];
  const github = file.path.startsWith(".github/workflows/");
  for (const { doc, lines } of documents(file)) {
    const container = github ? doc.get("jobs", true) : doc.contents;
    if (!isMap(container)) continue;
    for (const pair of container.items) {
      const name = String((pair.key as { value?: unknown })?.value ?? pair.key);
      const job = (pair.value as Node | null)?.toJSON?.() as Record<string, unknown> | undefined;
      if (!job || typeof job !== "object" || (!github && (GITLAB_KEYWORDS.has(name) || name.startsWith(".")))) continue;
      const steps = github ? (Array.isArray(job.steps) ? job.steps : []) : [];
      const text = github
        ? steps.map((s) => `${scriptText(at(s, "run"))}\n${scriptText(at(s, "uses"))}`).join("\n")
        : [job.before_script, job.script].map(scriptText).join("\n");
      const environment = at(job, "environment");
      const named = typeof environment === "string" ? environment : typeof at(environment, "name") === "string" ? String(at(environment, "name")) : null;
      jobs.push({ name, line: lineOf(lines, pair.key), text, environment: named });
    }
  }
  return jobs;
}

export const stageSeparation = defineRule("stage-separation", (repo) => {
  const findings: Finding[] = [];
  for (const file of repo.files) {
    const pipeline = /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file.path) || file.path === ".gitlab-ci.yml";
    if (!file.text || !pipeline || isDocOrFixture(file.path) || TEST_CLUSTER.test(file.text)) continue;
    for (const job of jobsOf(file).filter((j) => DEPLOY.test(j.text))) {
      const where = { file: file.path, line: job.line };
      if (BUILD_IMAGE.test(job.text))
        findings.push({ ...where, verdict: "partially_met", message: `Job ${job.name} builds and deploys, holding both stages' credentials at once` });
      else if (job.environment)
        findings.push({ ...where, verdict: "met", message: `Job ${job.name} only deploys, with the credentials of environment ${job.environment}` });
      else
        findings.push({
          ...where,
          verdict: "partially_met",
          message: `Job ${job.name} only deploys, but with the pipeline's own secrets: no environment holds its credentials apart`,
        });
    }
  }
  if (!findings.length) return { verdict: null, summary: "No deploy job seen in GitHub Actions or GitLab CI.", findings };
  return judgedOutcome(findings, {
    met: (n) => `Every deploy job (${n}) is kept apart from the build and holds its environment's credentials.`,
    problems: (n, total) =>
      `${count(n, "deploy job")} of ${total} ${total === 1 ? "does" : "do"} not keep the release stage's credentials apart from the build's.`,
  });
});
