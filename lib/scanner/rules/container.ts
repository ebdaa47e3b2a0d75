// What a container image's final stage runs as and which ports it declares.
// Only the final stage matters: earlier ones are build steps that do not run.
import { assignments } from "../dockerfile";
import { runsNonRoot, type DeployedContainer } from "../deploy";
import type { Dockerfile } from "../repo";
import { defineRule, count, isDocOrFixture, type Finding } from "../rule";

/** An image reference's repository name, without registry, path, tag or digest: "frontend". */
export function imageName(image: string): string {
  return image.split("@")[0]!.split("/").at(-1)!.split(":")[0]!.toLowerCase();
}

/** The name a Dockerfile's image is deployed under: its folder's (src/frontend/Dockerfile → frontend), or its suffix (Dockerfile.worker → worker). */
function builtName(path: string): string | null {
  const suffix = /Dockerfile[.-]([\w-]+)$/i.exec(path)?.[1];
  if (suffix) return suffix.toLowerCase();
  const folder = path.split("/").slice(0, -1).at(-1);
  return folder ? folder.toLowerCase() : null;
}

/**
 * An image whose final stage runs as root, judged with the Kubernetes containers
 * that run it (matched by name): covered when every one of them is made non-root.
 */
function withDeployment(finding: Finding, kubernetes: DeployedContainer[]): Finding {
  if (finding.verdict !== "not_met" || finding.message.startsWith("USER")) return finding;
  const name = builtName(finding.file);
  const running = name ? kubernetes.filter((c) => c.image && [name, name.replaceAll("-", "")].includes(imageName(c.image))) : [];
  if (!running.length) return finding;
  const left = running.filter((c) => runsNonRoot(c) !== true || c.privileged);
  if (!left.length)
    return {
      ...finding,
      verdict: "met",
      message: `The final stage has no USER, but every container that runs it (${running.length}) is made non-root by its deployment`,
    };
  return { ...finding, message: `${finding.message}, and ${left[0]!.workload} (${left[0]!.file}:${left[0]!.line}) does not make it non-root` };
}

// Base images that are known to default to an unprivileged user (their own Dockerfiles end with a non-root USER).
const NON_ROOT_BASE =
  /(:|-)nonroot\b|rootless|\/distroless\/.*:nonroot|chainguard\/|grafana\/grafana\b|(^|\s|\/)prom\/(prometheus|alertmanager|node-exporter|pushgateway)\b|bitnami\/|nginx-unprivileged|keycloak\/keycloak|docker\.elastic\.co\/|jenkins\/jenkins/i;

function userFinding({ file, final: stage }: Dockerfile): Finding | null {
  if (!stage) return null;
  const user = stage.instructions.filter((i) => i.keyword === "USER").at(-1);
  if (!user) {
    if (NON_ROOT_BASE.test(stage.from.args)) {
      return { file: file.path, line: stage.from.line, verdict: "met", message: `The base image ${stage.from.args.split(/\s+/)[0]} runs as a non-root user` };
    }
    return { file: file.path, line: stage.from.line, verdict: "not_met", message: "The final stage has no USER instruction, so the container runs as root" };
  }
  const name = user.args.split(":")[0]!.trim();
  if (name === "root" || name === "0") {
    return { file: file.path, line: user.line, verdict: "not_met", message: `USER ${user.args} runs the container as root` };
  }
  return { file: file.path, line: user.line, verdict: "met", message: `The container runs as ${user.args}` };
}

export const containerUser = defineRule("container-user", (repo) => {
  const kubernetes = repo.containers.filter((c) => c.source === "kubernetes");
  // Images built for CI alone (under .github/) do not run in the deployment.
  const images = repo.dockerfiles
    .filter((d) => !d.file.path.startsWith(".github/"))
    .map(userFinding)
    .filter((f) => f !== null)
    .map((f) => withDeployment(f, kubernetes));
  // The deployment decides who a container runs as: runAsNonRoot or a runAsUser overrides the image's USER.
  // Kubernetes manifests are what runs; Compose files and chart values that leave it open say nothing either way.
  const deployed = repo.containers
    .map((c) => ({ c, nonRoot: runsNonRoot(c) }))
    .filter(({ c, nonRoot }) => c.source === "kubernetes" || nonRoot !== null || c.privileged);
  const root = deployed.filter(({ c, nonRoot }) => nonRoot === false || c.privileged);
  const enforced = deployed.length > 0 && deployed.every(({ nonRoot, c }) => nonRoot === true && !c.privileged);
  const deployFindings: Finding[] = [
    ...root.map(({ c }) => ({
      file: c.file,
      line: c.line,
      verdict: "not_met" as const,
      message: `${c.workload}, container ${c.name}: ${c.privileged ? "privileged" : c.runAsUser === 0 ? "runAsUser: 0" : "runAsNonRoot: false"}, so it runs as root`,
    })),
    ...(enforced
      ? deployed.map(({ c }) => ({
          file: c.file,
          line: c.line,
          verdict: "met" as const,
          message: `${c.workload}, container ${c.name}: ${c.source === "kubernetes" ? "its Kubernetes manifest" : c.source === "compose" ? "its Compose file" : "its chart's values"} run it as non-root`,
        }))
      : []),
  ];
  if (!images.length && !deployFindings.length)
    return { verdict: null, summary: "No Dockerfile found, and no deployment file says who the containers run as.", findings: [] };
  if (root.length) {
    return {
      verdict: "not_met",
      summary: `${count(root.length, "deployed container")} ${root.length === 1 ? "runs" : "run"} as root by its deployment.`,
      findings: [...deployFindings, ...images.filter((f) => f.verdict === "not_met")],
    };
  }
  if (enforced) {
    const unset = images.filter((f) => f.verdict === "not_met").length;
    return {
      verdict: "met",
      summary: `The deployment runs every container (${deployed.length}) as non-root${unset ? `, which covers ${count(unset, "image")} whose final stage has no USER` : ""}.`,
      findings: deployFindings,
    };
  }
  const rootImages = images.filter((f) => f.verdict === "not_met").length;
  const deployNote = deployed.length
    ? ` The deployment files leave ${count(deployed.filter((d) => d.nonRoot === null).length, "container")} to the image.`
    : "";
  return rootImages
    ? {
        verdict: "not_met",
        summary: `${rootImages} of ${count(images.length, "image")} ${rootImages === 1 ? "runs" : "run"} as root.${deployNote}`,
        findings: images,
      }
    : { verdict: "met", summary: `Every image (${images.length}) runs as a non-root user.${deployNote}`, findings: images };
});

function portFindings({ file, final }: Dockerfile): Finding[] {
  const findings: Finding[] = [];
  const note = (line: number, port: number, how: string) =>
    findings.push(
      port < 1024
        ? { file: file.path, line, verdict: "not_met", message: `${how} ${port}, a privileged port below 1024` }
        : { file: file.path, line, verdict: "met", message: `${how} ${port}` },
    );
  for (const { keyword, args, line } of final?.instructions ?? []) {
    if (keyword === "EXPOSE") {
      for (const port of args
        .split(/\s+/)
        .map((p) => Number.parseInt(p, 10))
        .filter(Number.isFinite))
        note(line, port, "EXPOSE");
    }
    if (keyword === "ENV") {
      for (const { value } of assignments(args).filter((a) => a.name === "PORT")) {
        const port = Number.parseInt(value ?? "", 10);
        if (Number.isFinite(port)) note(line, port, "ENV PORT");
      }
    }
  }
  return findings;
}

/** The ports Kubernetes containers declare they listen on (Compose maps host ports, which say nothing of the process's). */
function deployedPortFindings(c: DeployedContainer): Finding[] {
  if (c.source !== "kubernetes" || c.init || isDocOrFixture(c.file)) return [];
  return c.ports.map((port) =>
    port < 1024
      ? { file: c.file, line: c.line, verdict: "not_met", message: `${c.workload}, container ${c.name} listens on ${port}, a privileged port below 1024` }
      : { file: c.file, line: c.line, verdict: "met", message: `${c.workload}, container ${c.name} listens on ${port}` },
  );
}

export const privilegedPort = defineRule("privileged-port", (repo) => {
  const findings = [...repo.dockerfiles.flatMap(portFindings), ...repo.containers.flatMap(deployedPortFindings)];
  if (!findings.length) return { verdict: null, summary: "No port declared in a Dockerfile or a Kubernetes container.", findings };
  const low = findings.filter((f) => f.verdict === "not_met").length;
  return low
    ? { verdict: "not_met", summary: `${count(low, "declared port")} below 1024.`, findings }
    : { verdict: "met", summary: `Every declared port (${findings.length}) is 1024 or above.`, findings };
});
