// What the Kubernetes manifests say beyond each container: how a replacement is
// known to be ready, which Services are reachable from outside and how, whether
// calls between services are authenticated, and whether admin tasks run as
// one-off Jobs of the release. Nothing here is judged without manifests.
import { at, type ManifestObject } from "../manifests";
import { count, defineRule, isDocOrFixture, worst, type Finding } from "../rule";

const LONG_RUNNING = /^(Deployment|StatefulSet|DaemonSet|ReplicaSet|Rollout|ReplicationController)\//;
const BACKING =
  /\b(redis|postgres(ql)?|mysql|mariadb|mongo(db)?|database|db|cache|memcached?|kafka|rabbitmq|elasticsearch|opensearch|cassandra|zookeeper|etcd)\b/i;
const live = (o: { file: string }) => !isDocOrFixture(o.file);

export const healthProbes = defineRule("health-probes", (repo) => {
  // Containers that serve (they declare a port) in long-running workloads: a replacement must say when it is ready.
  const serving = repo.containers.filter((c) => c.source === "kubernetes" && !c.init && LONG_RUNNING.test(c.workload) && c.ports.length && live(c));
  if (!serving.length) return { verdict: null, summary: "No Kubernetes workload with a serving container found.", findings: [] };
  const findings: Finding[] = serving.map((c) => {
    const missing = [c.probes?.readiness ? null : "readiness", c.probes?.liveness ? null : "liveness"].filter((m) => m !== null);
    return missing.length
      ? { file: c.file, line: c.line, verdict: "partially_met", message: `${c.workload}, container ${c.name} has no ${missing.join(" or ")} probe` }
      : { file: c.file, line: c.line, verdict: "met", message: `${c.workload}, container ${c.name} has readiness and liveness probes` };
  });
  const short = findings.filter((f) => f.verdict !== "met").length;
  return {
    verdict: short ? "partially_met" : "met",
    summary: short
      ? `${short} of ${count(findings.length, "serving container")} ${short === 1 ? "has" : "have"} no readiness or liveness probe: a replacement may get traffic before it is ready, or a hung one is never restarted.`
      : `Every serving container (${findings.length}) is run by a controller with readiness and liveness probes, so a replaced instance takes traffic only once ready.`,
    findings,
  };
});

const exposedType = (o: ManifestObject) => String(at(o.value, "spec", "type") ?? "ClusterIP");
const isBacking = (o: ManifestObject) =>
  BACKING.test(o.name) || Object.values((at(o.value, "spec", "selector") as Record<string, unknown>) ?? {}).some((v) => BACKING.test(String(v)));

export const serviceExposure = defineRule("service-exposure", (repo) => {
  const services = repo.objects.filter((o) => o.kind === "Service" && live(o));
  if (!services.length) return { verdict: null, summary: "No Kubernetes Service found.", findings: [] };
  const exposed = services.filter((o) => exposedType(o) === "LoadBalancer" || exposedType(o) === "NodePort");
  const findings: Finding[] = exposed.map((o) =>
    isBacking(o)
      ? {
          file: o.file,
          line: o.line,
          verdict: "partially_met",
          message: `Service ${o.name}, a backing service, is reachable from outside the cluster (${exposedType(o)})`,
        }
      : { file: o.file, line: o.line, verdict: "met", message: `Service ${o.name} is an entry point (${exposedType(o)})` },
  );
  const policies = repo.objects.filter((o) => (o.kind === "NetworkPolicy" || o.kind === "CiliumNetworkPolicy") && live(o));
  if (policies[0])
    findings.push({
      file: policies[0].file,
      line: policies[0].line,
      verdict: "met",
      message: `${policies.length} network ${policies.length === 1 ? "policy limits" : "policies limit"} which pods reach which ports`,
    });
  const internal = services.length - exposed.length;
  const verdict = worst(findings.map((f) => f.verdict));
  const entries = exposed.length - findings.filter((f) => f.verdict !== "met").length;
  return {
    verdict: findings.length ? verdict : "met",
    summary:
      verdict !== "met"
        ? `A backing service is reachable from outside the cluster; it should be bound inside it only.`
        : `${internal} of ${count(services.length, "Service")} are internal to the cluster; ${entries ? `${count(entries, "entry point")} ${entries === 1 ? "is" : "are"} exposed` : "none is exposed"}${policies.length ? ", and network policies limit the rest" : ""}.`,
    findings,
  };
});

/** How one public entry point takes traffic: TLS, or plain HTTP. */
function entry(o: ManifestObject): Finding | null {
  const where = { file: o.file, line: o.line };
  if (o.kind === "Ingress") {
    const tls = Array.isArray(at(o.value, "spec", "tls")) && (at(o.value, "spec", "tls") as unknown[]).length > 0;
    return tls
      ? { ...where, verdict: "met", message: `Ingress ${o.name} terminates TLS` }
      : { ...where, verdict: "partially_met", message: `Ingress ${o.name} has no TLS section: it serves plain HTTP` };
  }
  if (o.kind === "Gateway") {
    const api = String(o.value.apiVersion);
    const listeners = api.startsWith("gateway.networking.k8s.io")
      ? ((at(o.value, "spec", "listeners") as unknown[]) ?? []).map((l) => String(at(l, "protocol") ?? ""))
      : ((at(o.value, "spec", "servers") as unknown[]) ?? []).map((s) => String(at(s, "port", "protocol") ?? ""));
    if (!listeners.length) return null;
    const plain = listeners.filter((p) => /^(HTTP|HTTP2|TCP)$/i.test(p)).length;
    const secure = listeners.filter((p) => /^(HTTPS|TLS)$/i.test(p)).length;
    if (secure && !plain) return { ...where, verdict: "met", message: `Gateway ${o.name} listens with TLS only` };
    if (secure) return { ...where, verdict: "met", message: `Gateway ${o.name} listens with TLS (and on plain HTTP, which may redirect)` };
    return { ...where, verdict: "partially_met", message: `Gateway ${o.name} listens on plain HTTP only` };
  }
  if (o.kind === "Service" && exposedType(o) === "LoadBalancer" && !isBacking(o)) {
    const ports = ((at(o.value, "spec", "ports") as unknown[]) ?? []).map((p) => Number(at(p, "port")));
    if (ports.includes(443)) return { ...where, verdict: "met", message: `Service ${o.name} takes public traffic on 443` };
    return { ...where, verdict: "partially_met", message: `Service ${o.name} takes public traffic on ${ports.join(", ") || "?"}, not on 443 with TLS` };
  }
  return null;
}

export const publicEntry = defineRule("public-entry", (repo) => {
  const findings = repo.objects.filter(live).flatMap((o) => entry(o) ?? []);
  if (!findings.length) return { verdict: null, summary: "No Ingress, Gateway or public load balancer in the manifests.", findings };
  const plain = findings.filter((f) => f.verdict !== "met").length;
  return {
    verdict: plain ? "partially_met" : "met",
    summary: plain
      ? `${plain} of ${count(findings.length, "public entry point")} ${plain === 1 ? "takes" : "take"} traffic without TLS.`
      : `Every public entry point (${findings.length}) takes traffic over TLS.`,
    findings,
  };
});

export const meshIdentity = defineRule("mesh-identity", (repo) => {
  const objects = repo.objects.filter(live);
  const findings: Finding[] = [];
  for (const o of objects.filter((x) => x.kind === "PeerAuthentication")) {
    const mode = String(at(o.value, "spec", "mtls", "mode") ?? "PERMISSIVE").toUpperCase();
    findings.push(
      mode === "STRICT"
        ? { file: o.file, line: o.line, verdict: "met", message: `PeerAuthentication ${o.name} requires mutual TLS` }
        : { file: o.file, line: o.line, verdict: "partially_met", message: `PeerAuthentication ${o.name} allows calls without mutual TLS (${mode})` },
    );
  }
  const authz = objects.filter((x) => x.kind === "AuthorizationPolicy" || x.kind === "ServerAuthorization");
  if (!findings.length) return { verdict: null, summary: "No service mesh policy for calls between services found.", findings };
  if (authz[0])
    findings.push({
      file: authz[0].file,
      line: authz[0].line,
      verdict: "met",
      message: `${count(authz.length, "authorisation policy")} say which services may call which`,
    });
  else if (findings.every((f) => f.verdict === "met"))
    findings.push({
      file: findings[0]!.file,
      line: findings[0]!.line,
      verdict: "partially_met",
      message: "Calls are authenticated, but no policy says which service may call which",
    });
  const verdict = worst(findings.map((f) => f.verdict));
  return {
    verdict,
    summary:
      verdict === "met"
        ? "Calls between services use mutual TLS and are authorised by policy."
        : "Calls between services are not all authenticated with mutual TLS and authorised by policy.",
    findings,
  };
});

const ADMIN_TASK = /\b(migrat\w*|flyway|liquibase|alembic|db:migrate|backup|restore|rollup|seed|cleanup|prune|reindex|vacuum)\b/i;

export const oneOffJobs = defineRule("one-off-jobs", (repo) => {
  const findings: Finding[] = [];
  for (const o of repo.objects.filter((x) => (x.kind === "Job" || x.kind === "CronJob") && live(x))) {
    findings.push({ file: o.file, line: o.line, verdict: "met", message: `${o.kind} ${o.name} runs an admin task as a one-off process of the release` });
  }
  for (const c of repo.containers.filter((x) => x.init && x.source === "kubernetes" && live(x) && ADMIN_TASK.test(x.name))) {
    findings.push({ file: c.file, line: c.line, verdict: "met", message: `${c.workload} runs ${c.name} before it starts, from the release` });
  }
  for (const file of repo.files.filter((f) => /(^|\/)Procfile$/.test(f.path))) {
    const index = file.lines.findIndex((l) => /^release:\s*\S/.test(l));
    if (index >= 0) findings.push({ file: file.path, line: index + 1, verdict: "met", message: "The release phase runs its admin task from the release" });
  }
  if (!findings.length) return { verdict: null, summary: "No Job, release phase or migration container found for admin tasks.", findings };
  return {
    verdict: "met",
    summary: `Admin tasks run as one-off processes of the release (${count(findings.length, "place")}). Tasks run by hand elsewhere are not visible.`,
    findings: findings.slice(0, 30),
  };
});

/** Where a Job's or CronJob's run settings sit. */
const jobSpec = (o: ManifestObject) => (o.kind === "CronJob" ? at(o.value, "spec", "jobTemplate", "spec") : at(o.value, "spec"));

export const adminIdentity = defineRule("admin-identity", (repo) => {
  const jobs = repo.objects.filter((o) => (o.kind === "Job" || o.kind === "CronJob") && live(o));
  if (!jobs.length) return { verdict: null, summary: "No Kubernetes Job or CronJob found.", findings: [] };
  // Which identities the long-running workloads use: a one-off task that shares one holds the service's rights.
  const serving = new Map<string, string>();
  for (const o of repo.objects.filter((x) => (x.kind === "Deployment" || x.kind === "StatefulSet" || x.kind === "DaemonSet") && live(x))) {
    const account = at(o.value, "spec", "template", "spec", "serviceAccountName");
    if (typeof account === "string") serving.set(account, `${o.kind} ${o.name}`);
  }
  const findings: Finding[] = jobs.map((o) => {
    const spec = jobSpec(o);
    const account = at(spec, "template", "spec", "serviceAccountName");
    const missing = [
      typeof account !== "string"
        ? "runs as the namespace's default service account"
        : serving.has(account)
          ? `shares the service account ${account} with ${serving.get(account)}`
          : null,
      at(spec, "activeDeadlineSeconds") === undefined ? "has no time limit (activeDeadlineSeconds)" : null,
    ].filter((m) => m !== null);
    return missing.length
      ? { file: o.file, line: o.line, verdict: "partially_met", message: `${o.kind} ${o.name} ${missing.join(" and ")}` }
      : { file: o.file, line: o.line, verdict: "met", message: `${o.kind} ${o.name} runs as its own service account, with a time limit` };
  });
  const short = findings.filter((f) => f.verdict !== "met").length;
  return {
    verdict: short ? "partially_met" : "met",
    summary: short
      ? `${short} of ${count(findings.length, "one-off task")} ${short === 1 ? "runs without an identity of its own" : "run without identities of their own"} or a time limit. What the identity may do (its RBAC) is for the reviewer.`
      : `Every one-off task (${findings.length}) runs as its own service account with a time limit. What each may do (its RBAC) is for the reviewer.`,
    findings: findings.slice(0, 30),
  };
});
