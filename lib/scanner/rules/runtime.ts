// What the deployment files say about each container at run time: a read-only,
// unprivileged container; resource limits; and images that name one release.
import type { DeployedContainer } from "../deploy";
import { runsNonRoot } from "../deploy";
import { count, defineRule, worst, type Finding } from "../rule";

const where = (c: DeployedContainer) => `${c.workload}, container ${c.name}`;

/** Helm values judged only where they use the standard securityContext keys; charts name their settings as they like. */
const STANDARD_SECURITY = ["runAsNonRoot", "runAsUser", "readOnlyRootFilesystem", "allowPrivilegeEscalation", "privileged"] as const;
const judged = (c: DeployedContainer) =>
  c.source !== "helm values" || c.runAsNonRoot !== null || c.runAsUser !== null || c.readOnlyRootFilesystem !== null || c.allowPrivilegeEscalation !== null;

export const runtimeHardening = defineRule("runtime-hardening", (repo) => {
  const containers = repo.containers.filter(judged);
  if (!containers.length) return { verdict: null, summary: `No deployment file describes a container's ${STANDARD_SECURITY.join(", ")}.`, findings: [] };
  const findings: Finding[] = containers.map((c) => {
    if (c.privileged) return { file: c.file, line: c.line, verdict: "not_met", message: `${where(c)} is privileged` };
    // Who it runs as is container-user's to judge (with the image's USER); here only root by the deployment counts.
    if (runsNonRoot(c) === false) return { file: c.file, line: c.line, verdict: "partially_met", message: `${where(c)} is made to run as root` };
    const missing = [
      c.readOnlyRootFilesystem === true ? null : "a read-only root file system",
      c.source === "kubernetes" || c.source === "helm values" ? (c.allowPrivilegeEscalation === false ? null : "allowPrivilegeEscalation: false") : null,
    ].filter((m) => m !== null);
    return missing.length
      ? { file: c.file, line: c.line, verdict: "partially_met", message: `${where(c)} does not set ${missing.join(", ")}` }
      : { file: c.file, line: c.line, verdict: "met", message: `${where(c)} runs read-only, without privilege escalation` };
  });
  const verdict = worst(findings.map((f) => f.verdict));
  const short = findings.filter((f) => f.verdict !== "met").length;
  return {
    verdict,
    summary: short
      ? `${short} of ${count(findings.length, "deployed container")} ${short === 1 ? "is" : "are"} not read-only and unprivileged. How small each image is was not judged.`
      : `Every deployed container (${findings.length}) runs read-only, without privilege escalation. How small each image is was not judged.`,
    findings,
  };
});

export const resourceLimits = defineRule("resource-limits", (repo) => {
  // Compose files are mostly for development; Helm values without a resources key say nothing.
  const containers = repo.containers.filter((c) => c.source === "kubernetes" || (c.source === "helm values" && (c.limits.cpu || c.limits.memory || judged(c))));
  if (!containers.length) return { verdict: null, summary: "No deployment file describes a container.", findings: [] };
  const findings: Finding[] = containers.map((c) => {
    const missing = [c.limits.memory ? null : "memory", c.limits.cpu ? null : "CPU"].filter((m) => m !== null);
    return missing.length
      ? { file: c.file, line: c.line, verdict: "partially_met", message: `${where(c)} has no ${missing.join(" or ")} limit` }
      : { file: c.file, line: c.line, verdict: "met", message: `${where(c)} has CPU and memory limits` };
  });
  const short = findings.filter((f) => f.verdict !== "met").length;
  return {
    verdict: short ? "partially_met" : "met",
    summary: short
      ? `${short} of ${count(findings.length, "deployed container")} ${short === 1 ? "lacks" : "lack"} a CPU or memory limit. Scaling caps were not read.`
      : `Every deployed container (${findings.length}) has CPU and memory limits. Scaling caps were not read.`,
    findings,
  };
});

/** An image reference's tag or digest: "latest" when it names neither. */
export function imagePin(image: string): { kind: "digest" | "tag" | "latest" | "unknown"; value: string } {
  if (/[${}]/.test(image)) return { kind: "unknown", value: image };
  const at = image.indexOf("@");
  if (at > 0) return { kind: "digest", value: image.slice(at + 1) };
  const lastPart = image.slice(image.lastIndexOf("/") + 1);
  const colon = lastPart.lastIndexOf(":");
  const tag = colon >= 0 ? lastPart.slice(colon + 1) : "";
  if (!tag || tag === "latest") return { kind: "latest", value: tag || "(no tag)" };
  return { kind: "tag", value: tag };
}

export const imagePinning = defineRule("image-pinning", (repo) => {
  const substituted = repo.files.some(
    (f) => /(^|\/)skaffold\.ya?ml$/.test(f.path) || (/(^|\/)kustomization\.ya?ml$/.test(f.path) && /^images:/m.test(f.text ?? "")),
  );
  // What Kubernetes deploys; Compose files are mostly for development and their images are often other services'.
  const findings: Finding[] = repo.containers
    .filter((c) => c.image && c.source === "kubernetes")
    .flatMap((c) => {
      const pin = imagePin(c.image!);
      if (pin.kind === "unknown") return [];
      // An untagged bare name ("adservice") is usually filled in at deploy time (Skaffold, Kustomize images:); not judged.
      if (pin.kind === "latest" && pin.value === "(no tag)" && (!c.image!.includes("/") || substituted)) return [];
      return [
        pin.kind === "latest"
          ? {
              file: c.file,
              line: c.line,
              verdict: "not_met" as const,
              message: `${where(c)} deploys ${c.image} with ${pin.value === "latest" ? "the moving tag latest" : "no tag"}`,
            }
          : { file: c.file, line: c.line, verdict: "met" as const, message: `${where(c)} deploys ${pin.kind === "digest" ? "a digest" : `tag ${pin.value}`}` },
      ];
    });
  if (!findings.length) return { verdict: null, summary: "No deployment file names a fixed image.", findings };
  const moving = findings.filter((f) => f.verdict === "not_met").length;
  return moving
    ? {
        verdict: "not_met",
        summary: `${moving} of ${count(findings.length, "deployed image")} ${moving === 1 ? "has" : "have"} no fixed tag or digest.`,
        findings,
      }
    : {
        verdict: "met",
        summary: `Every deployed image (${findings.length}) names a tag or a digest. Whether tags are ever moved in the registry is not visible.`,
        findings,
      };
});
