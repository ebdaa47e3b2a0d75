// The Kubernetes objects beyond workloads that say how a service is reached and
// run: Services, Ingresses and Gateways, NetworkPolicies, a mesh's mutual TLS
// and authorisation, and one-off Jobs and Helm hooks. Read from plain manifests
// (Kustomize bases included); Helm templates are not rendered.
import { documents, lineOf } from "./deploy";
import type { RepoFile } from "./repo";

export interface ManifestObject {
  kind: string;
  name: string;
  file: string;
  line: number;
  /** The object as YAML gives it. */
  value: Record<string, unknown>;
}

const KINDS = new Set([
  "Service",
  "Ingress",
  "Gateway",
  "HTTPRoute",
  "NetworkPolicy",
  "CiliumNetworkPolicy",
  "PeerAuthentication",
  "AuthorizationPolicy",
  "Server",
  "ServerAuthorization",
  "Job",
  "CronJob",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "HorizontalPodAutoscaler",
  "Secret",
  "ConfigMap",
]);

/** Every object of the kinds above in the repository's manifests, with its file and line. */
export function manifestObjects(files: RepoFile[]): ManifestObject[] {
  const found: ManifestObject[] = [];
  for (const file of files) {
    if (!/\.ya?ml$/i.test(file.path) || file.path.startsWith(".github/") || !file.text || file.text.includes("{{") || !/^kind:\s*\S/m.test(file.text)) continue;
    for (const { doc, lines } of documents(file)) {
      const value = doc.toJS() as Record<string, unknown> | null;
      if (!value || typeof value !== "object" || typeof value.kind !== "string" || typeof value.apiVersion !== "string" || !KINDS.has(value.kind)) continue;
      const metadata = (value.metadata ?? {}) as Record<string, unknown>;
      // The object's line is its name's, which says which object it is.
      const line = lineOf(lines, doc.getIn(["metadata", "name"], true), lineOf(lines, doc.contents));
      found.push({ kind: value.kind, name: String(metadata.name ?? "?"), file: file.path, line, value });
    }
  }
  return found;
}

/** A value at a path of keys, or undefined. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string | number, unknown>)[key] : undefined), value);
}
