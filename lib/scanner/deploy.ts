// What the deployment says about each container, read from Kubernetes
// manifests (plain, or kept by Kustomize), Helm charts' values, and Compose
// files: who it runs as, whether its file system is read-only, its privileges,
// its resource limits, its image and ports, each with the file and line. Helm
// templates ({{ … }}) are not rendered; their chart's values.yaml is read.
import { isMap, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from "yaml";
import type { RepoFile } from "./repo";
import { baseName } from "./rule";

export interface DeployedContainer {
  source: "kubernetes" | "compose" | "helm values";
  file: string;
  /** The container's own line (its `- name:` or Compose service key). */
  line: number;
  workload: string;
  name: string;
  image: string | null;
  /** null where the deployment leaves it to the image. */
  runAsNonRoot: boolean | null;
  runAsUser: number | null;
  readOnlyRootFilesystem: boolean | null;
  allowPrivilegeEscalation: boolean | null;
  privileged: boolean;
  dropsAllCapabilities: boolean;
  limits: { cpu: boolean; memory: boolean };
  ports: number[];
  /** An init container (runs to completion before the others). */
  init: boolean;
  /** Kubernetes' readiness and liveness probes (a Compose healthcheck counts as both); null where not said (Helm values). */
  probes: { readiness: boolean; liveness: boolean } | null;
  /** Its command, arguments, environment and mounts as one text, to read settings such as TLS from ("" where not said). */
  settings: string;
}

const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod", "ReplicationController", "Rollout"]);
const YAML_FILE = /\.ya?ml$/i;
const COMPOSE_FILE = /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const bool = (v: unknown): boolean | null => (typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : null);
const num = (v: unknown): number | null => (typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null);

type Parsed = { doc: Document.Parsed; lines: LineCounter }[];
const parsedCache = new WeakMap<RepoFile, Parsed>();

/** A YAML file's documents that parse, each with its line counter; parsed once per file (containers and manifests both read them). */
export function documents(file: RepoFile): Parsed {
  let parsed = parsedCache.get(file);
  if (!parsed) parsedCache.set(file, (parsed = parseDocuments(file)));
  return parsed;
}

function parseDocuments(file: RepoFile): Parsed {
  if (!file.text || file.text.length > 512 * 1024) return [];
  const lines = new LineCounter();
  try {
    return parseAllDocuments(file.text, { lineCounter: lines, uniqueKeys: false, strict: false })
      .filter((doc): doc is Document.Parsed => "errors" in doc && doc.errors.length === 0)
      .map((doc) => ({ doc, lines }));
  } catch {
    return [];
  }
}

export function lineOf(lines: LineCounter, node: unknown, fallback = 1): number {
  const range = (node as Node | undefined)?.range;
  return range ? lines.linePos(range[0]).line : fallback;
}

type At = { source: DeployedContainer["source"]; file: string; line: number; workload: string; init?: boolean };
function containerFrom(c: Json, pod: Json, at: At): DeployedContainer {
  const security = obj(c.securityContext);
  const podSecurity = obj(pod.securityContext);
  const limits = obj(obj(c.resources).limits);
  const { init = false, ...where } = at;
  return {
    ...where,
    init,
    probes: at.source === "kubernetes" ? { readiness: c.readinessProbe !== undefined, liveness: c.livenessProbe !== undefined } : null,
    name: String(c.name ?? "?"),
    image: typeof c.image === "string" ? c.image : null,
    runAsNonRoot: bool(security.runAsNonRoot) ?? bool(podSecurity.runAsNonRoot),
    runAsUser: num(security.runAsUser) ?? num(podSecurity.runAsUser),
    readOnlyRootFilesystem: bool(security.readOnlyRootFilesystem),
    allowPrivilegeEscalation: bool(security.allowPrivilegeEscalation),
    privileged: bool(security.privileged) === true,
    dropsAllCapabilities: list(obj(security.capabilities).drop).some((d) => String(d).toUpperCase() === "ALL"),
    limits: { cpu: limits.cpu !== undefined, memory: limits.memory !== undefined },
    settings: JSON.stringify([c.command, c.args, c.env, c.envFrom, c.volumeMounts]),
    ports: list(c.ports)
      .map((p) => num(obj(p).containerPort))
      .filter((p): p is number => p !== null),
  };
}

function podSpecPath(kind: string): (string | number)[] {
  if (kind === "Pod") return ["spec"];
  if (kind === "CronJob") return ["spec", "jobTemplate", "spec", "template", "spec"];
  return ["spec", "template", "spec"];
}

function kubernetes(file: RepoFile): DeployedContainer[] {
  const found: DeployedContainer[] = [];
  for (const { doc, lines } of documents(file)) {
    const value = obj(doc.toJS());
    if (typeof value.kind !== "string" || !WORKLOADS.has(value.kind) || typeof value.apiVersion !== "string") continue;
    const path = podSpecPath(value.kind);
    const pod = obj(path.reduce<unknown>((at, key) => obj(at)[key], value));
    const workload = `${value.kind}/${String(obj(value.metadata).name ?? "?")}`;
    for (const key of ["containers", "initContainers"]) {
      const nodes = doc.getIn([...path, key], true);
      list(pod[key]).forEach((c, index) => {
        const node = isSeq(nodes) ? nodes.items[index] : undefined;
        found.push(containerFrom(obj(c), pod, { source: "kubernetes", file: file.path, line: lineOf(lines, node), workload, init: key === "initContainers" }));
      });
    }
  }
  return found;
}

function compose(file: RepoFile): DeployedContainer[] {
  const found: DeployedContainer[] = [];
  for (const { doc, lines } of documents(file)) {
    const services = doc.get("services", true);
    if (!isMap(services)) continue;
    for (const pair of services.items) {
      const name = String((pair.key as { value?: unknown })?.value ?? pair.key);
      const s = obj((pair.value as Node | null)?.toJSON?.() ?? {});
      const user = typeof s.user === "string" || typeof s.user === "number" ? String(s.user).split(":")[0]! : null;
      const limits = obj(obj(obj(s.deploy).resources).limits);
      found.push({
        source: "compose",
        file: file.path,
        line: lineOf(lines, pair.key),
        workload: `compose service ${name}`,
        name,
        image: typeof s.image === "string" ? s.image : null,
        runAsNonRoot: user === null ? null : user !== "root" && user !== "0",
        runAsUser: user !== null && /^\d+$/.test(user) ? Number(user) : null,
        readOnlyRootFilesystem: bool(s.read_only),
        allowPrivilegeEscalation: list(s.security_opt).some((o) => /no-new-privileges(:true)?$/.test(String(o))) ? false : null,
        privileged: bool(s.privileged) === true,
        dropsAllCapabilities: list(s.cap_drop).some((d) => String(d).toUpperCase() === "ALL"),
        limits: { cpu: limits.cpus !== undefined || s.cpus !== undefined, memory: limits.memory !== undefined || s.mem_limit !== undefined },
        settings: JSON.stringify([s.command, s.entrypoint, s.environment, s.env_file, s.volumes]),
        ports: [],
        init: false,
        probes: s.healthcheck !== undefined && !obj(s.healthcheck).disable ? { readiness: true, liveness: true } : null,
      });
    }
  }
  return found;
}

/** A chart's values.yaml, read as the settings its templates would apply to its one main container. */
function helmValues(file: RepoFile, chartName: string): DeployedContainer[] {
  const [entry] = documents(file);
  if (!entry) return [];
  const values = obj(entry.doc.toJS());
  const hasAny = ["securityContext", "podSecurityContext", "containerSecurityContext", "resources"].some((k) => k in values);
  if (!hasAny) return [];
  const image = obj(values.image);
  const container = {
    name: chartName,
    image: typeof image.repository === "string" ? `${image.repository}:${String(image.tag ?? "")}` : null,
    securityContext: { ...obj(values.securityContext), ...obj(values.containerSecurityContext) },
    resources: values.resources,
  };
  const line = lineOf(entry.lines, entry.doc.get("securityContext", true) ?? entry.doc.get("resources", true));
  return [
    containerFrom(
      container,
      { securityContext: values.podSecurityContext },
      { source: "helm values", file: file.path, line, workload: `Helm chart ${chartName}` },
    ),
  ];
}

/** Every container the repository's deployment files describe. */
export function deployedContainers(files: RepoFile[]): DeployedContainer[] {
  const charts = new Set(files.filter((f) => baseName(f.path) === "Chart.yaml").map((f) => f.path.slice(0, -"Chart.yaml".length)));
  const found: DeployedContainer[] = [];
  for (const file of files) {
    if (!YAML_FILE.test(file.path) || file.path.startsWith(".github/") || !file.text) continue;
    const folder = file.path.slice(0, file.path.lastIndexOf("/") + 1);
    if (baseName(file.path) === "values.yaml" && charts.has(folder)) {
      found.push(...helmValues(file, folder.split("/").filter(Boolean).at(-1) ?? "chart"));
    } else if (COMPOSE_FILE.test(baseName(file.path))) {
      found.push(...compose(file));
    } else if (!file.text.includes("{{") && /^kind:\s*\S/m.test(file.text)) {
      found.push(...kubernetes(file));
    }
  }
  return found;
}

/** Whether the deployment makes the container run as someone other than root. */
export function runsNonRoot(c: DeployedContainer): boolean | null {
  if (c.runAsUser === 0 || c.runAsNonRoot === false) return false;
  if (c.runAsNonRoot === true || (c.runAsUser !== null && c.runAsUser > 0)) return true;
  return null;
}
