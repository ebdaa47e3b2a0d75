// How the deployment's parts talk to each other: a backing service the
// repository itself deploys with no TLS can only be reached in plain text, and a
// gRPC client dialled with insecure credentials neither encrypts nor
// authenticates the call unless a mesh does it for the process.
import type { DeployedContainer } from "../deploy";
import type { Repo } from "../repo";
import { count, defineRule, isDocOrFixture, isSource, isThrowawayFile, matchingLines, type Finding } from "../rule";
import { imageName } from "./container";
import { at } from "../manifests";

/** Servers whose images serve plain text unless told otherwise (MySQL's image makes a certificate itself, so it is not here). */
const PLAIN_BY_DEFAULT: Record<string, string> = {
  redis: "Redis",
  valkey: "Valkey",
  keydb: "KeyDB",
  postgres: "PostgreSQL",
  postgresql: "PostgreSQL",
  mongo: "MongoDB",
  mongodb: "MongoDB",
  rabbitmq: "RabbitMQ",
};

/** Anything that might turn TLS on, or a configuration file the scanner does not read: then the container is left alone. */
const MAY_CONFIGURE_TLS = /tls|ssl|cert|\.conf\b|config[-_]?file|configmap|secretName|--config/i;

function plainServer(c: DeployedContainer): string | null {
  if (!c.image || c.init || c.source === "helm values" || isDocOrFixture(c.file)) return null;
  if (c.source === "compose" && isThrowawayFile(c.file)) return null;
  const product = PLAIN_BY_DEFAULT[imageName(c.image)];
  if (!product || MAY_CONFIGURE_TLS.test(c.settings)) return null;
  return product;
}

export const plainBackingService = defineRule("plain-backing-service", (repo) => {
  const findings: Finding[] = repo.containers.flatMap((c) => {
    const product = plainServer(c);
    return product
      ? [
          {
            file: c.file,
            line: c.line,
            verdict: "not_met" as const,
            message: `${c.workload} runs ${product} (${c.image}) with no TLS configured, so every connection to it is in plain text`,
          },
        ]
      : [];
  });
  if (!findings.length) return { verdict: null, summary: "No backing service deployed by the repository runs without TLS.", findings };
  return {
    verdict: "not_met",
    summary: `${count(findings.length, "backing service")} deployed by the repository ${findings.length === 1 ? "serves" : "serve"} plain text only: its image offers no TLS unless configured, and nothing here configures it.`,
    findings,
  };
});

const INSECURE_GRPC =
  /grpc\.WithInsecure\(\)|grpc\.WithTransportCredentials\(\s*insecure\.NewCredentials\(\)|grpc\.insecure_channel\(|\.usePlaintext\(\)|credentials\.createInsecure\(\)|ChannelCredentials\.Insecure\b/;
/** A call to the process itself or to a sidecar on the same pod. */
const LOCAL_TARGET = /localhost|127\.0\.0\.1|\[::1?\]|0\.0\.0\.0/;
/** The same file can dial with TLS too: the choice is configuration, not a fixed plain call. */
const SECURE_GRPC =
  /credentials\.NewTLS|credentials\.NewClientTLSFromFile|ssl_channel_credentials|\bsecure_channel\(|useTransportSecurity|createSsl\(|SslCredentials/;
/** Sample and command-line clients (client.py, AdServiceClient.java, cmd/podcli) call a service; they are not one. */
const CLIENT_TOOL = /(^|\/)[^/]*client[^/]*\.\w+$|(^|\/)(cmd\/[^/]*(cli|ctl)|tools?|scripts?|hack)\//i;
const TELEMETRY = /otlp|otel|jaeger|zipkin|collector|profiler|telemetry|metrics/i;

/** Whether the deployment puts the workloads in a mesh that adds mutual TLS to plain calls. */
function meshed(repo: Repo): { file: string; line: number; strict: boolean; label?: true } | null {
  const policies = repo.objects.filter((o) => o.kind === "PeerAuthentication" && !isDocOrFixture(o.file));
  const strict = policies.find((o) => String(at(o.value, "spec", "mtls", "mode") ?? "").toUpperCase() === "STRICT");
  if (strict) return { file: strict.file, line: strict.line, strict: true };
  if (policies[0]) return { file: policies[0].file, line: policies[0].line, strict: false };
  for (const file of repo.files) {
    if (!file.text || !/\.ya?ml$/.test(file.path) || isDocOrFixture(file.path)) continue;
    const hit = matchingLines(
      file,
      /istio-injection:\s*["']?enabled|sidecar\.istio\.io\/inject:\s*["']?true|linkerd\.io\/inject:\s*["']?enabled|istio\.io\/dataplane-mode:\s*["']?ambient/,
    )[0];
    if (hit) return { file: file.path, line: hit.line, strict: false, label: true };
  }
  return null;
}

export const serviceCalls = defineRule("service-calls", (repo) => {
  const findings: Finding[] = [];
  for (const file of repo.files) {
    if (!file.text || !isSource(file.path) || isDocOrFixture(file.path) || CLIENT_TOOL.test(file.path)) continue;
    if (!INSECURE_GRPC.test(file.text) || SECURE_GRPC.test(file.text)) continue;
    for (const { line } of matchingLines(file, INSECURE_GRPC)) {
      // The target is usually on the dial's line or the one before it.
      const near = file.lines.slice(Math.max(0, line - 3), line).join(" ");
      if (/^\s*(#|\/\/|\*)/.test(file.lines[line - 1]!) || LOCAL_TARGET.test(near) || TELEMETRY.test(near)) continue;
      findings.push({ file: file.path, line, verdict: "not_met", message: "A gRPC client dials another service with no transport security or credentials" });
    }
  }
  if (!findings.length) return { verdict: null, summary: "No call to another service without credentials found.", findings };
  const mesh = meshed(repo);
  if (mesh?.strict) return { verdict: "met", summary: "Plain gRPC calls are carried in the mesh's required mutual TLS.", findings: [] };
  if (mesh) {
    const partial = findings.map((f) => ({ ...f, verdict: "partially_met" as const }));
    return {
      verdict: "partially_met",
      summary: `${count(findings.length, "gRPC client")} dial other services in plain text; the mesh (${mesh.file}:${mesh.line}) adds mutual TLS where it can, but no policy requires it.`,
      // A PeerAuthentication is cited by the mesh-identity check already; a label that joins the mesh is not.
      findings: mesh.label ? [...partial, { file: mesh.file, line: mesh.line, verdict: "partially_met", message: "Workloads join a service mesh" }] : partial,
    };
  }
  return {
    verdict: "not_met",
    summary: `${count(findings.length, "gRPC client")} dial other services with no transport security or credentials, and no service mesh is deployed to add them: any process that can reach a service can call it.`,
    findings,
  };
});
