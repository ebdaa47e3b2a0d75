import { asvs, cis, defineFactor, twelveFactor } from "../define";

export const processes = defineFactor(
  {
    number: 6,
    key: "processes",
    name: "Processes",
    date: "2019-03-04",
    summary:
      "Run the app as stateless, shared-nothing processes. Splitting a monolith into services grows the attack surface (WhiteHat's 2018 figures: 39 vulnerabilities per 100 KLOC in monoliths against 180 in microservices), so treat every process input as attacker-controlled, review legacy code newly exposed on the network, and dedicate processes to security services.",
  },
  [
    {
      id: "F06-STATELESS",
      title: "Processes are stateless and share nothing",
      guidance:
        "Nothing a later request depends on is kept in process memory or on local disk: sessions, rate-limit counters, uploads and job state live in a backing service, so any instance can serve any request and a lost instance loses nothing.",
      verify:
        "Search for in-memory caches of user state, sticky-session settings and local file writes. Restart one instance under load and confirm no user is signed out or loses work.",
      evidence: "Search results; the load balancer's session-affinity setting; the restart test result.",
      severity: "medium",
      basis: "series",
      standards: [twelveFactor("VI. Processes")],
    },
    {
      id: "F06-INPUT-UNTRUSTED",
      title: "Every process input is validated as attacker-controlled",
      guidance:
        "Each entry point (HTTP handlers, queue consumers, internal RPC, file imports, environment) validates input against an explicit schema with types, lengths and allowed values before use, including calls from other internal services.",
      verify:
        "List the service's entry points and check each for schema validation. Send a malformed message to an internal endpoint or queue: it must be rejected without a crash.",
      evidence: "Entry-point list with the validating code for each; the malformed-input test result.",
      severity: "critical",
      basis: "series",
      standards: [asvs("5.1.3"), asvs("5.1.4")],
    },
    {
      id: "F06-SERVICE-AUTH",
      title: "Service-to-service calls are authenticated and authorised",
      guidance:
        "Internal calls carry a verifiable identity (mTLS or signed service tokens), and the receiving service authorises what the caller may do. Being inside the network grants nothing.",
      verify:
        "Call an internal endpoint from inside the network without credentials: it must be refused. Read the policy that says which services may call which operations.",
      evidence: "The refused call; the service-to-service authorisation policy.",
      severity: "high",
      basis: "series",
      standards: [asvs("1.2.2"), asvs("4.1.1")],
    },
    {
      id: "F06-LEGACY-EXPOSURE",
      title: "Legacy code is reviewed before it is exposed on the network",
      guidance:
        "When code written for in-process callers becomes a network service, its assumptions about callers (trusted input, prior authentication, single tenant) are reviewed and it is tested before release.",
      verify: "Ask which endpoints wrap code that predates the service split. For each, find the security review or test done before exposure.",
      evidence: "List of such endpoints with their review or pen-test records.",
      severity: "high",
      basis: "series",
      standards: [asvs("1.1.2"), cis("16.13")],
    },
    {
      id: "F06-ATTACK-SURFACE",
      title: "The attack surface is inventoried and kept small",
      guidance:
        "Every externally and internally reachable endpoint is listed with its authentication requirement; the list is generated from code or the gateway, not hand-kept, and unused endpoints are removed.",
      verify:
        "Generate the endpoint list (OpenAPI, gateway export, route dump) and compare it with the documented inventory. Pick two endpoints and confirm their stated authentication.",
      evidence: "The generated endpoint list; the two spot checks.",
      severity: "medium",
      basis: "series",
      standards: [asvs("1.1.2"), cis("16.10")],
    },
    {
      id: "F06-SECURITY-SERVICES",
      title: "Security functions run in dedicated, shared services",
      guidance:
        "Authentication, authorisation decisions, secret access and audit recording are provided by dedicated processes or vetted shared libraries, not re-implemented in each service.",
      verify:
        "Ask how the service authenticates users, decides permissions and records audit events; each should point to the shared service or library, not local code.",
      evidence: "Architecture note naming the security services used and how they are called.",
      severity: "medium",
      basis: "series",
      standards: [asvs("1.2.3"), asvs("1.4.4")],
    },
  ],
);
