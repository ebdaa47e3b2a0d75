import { asvs, cis, defineFactor, twelveFactor } from "../define";

export const config = defineFactor(
  {
    number: 3,
    key: "config",
    name: "Config",
    date: "2018-08-06",
    summary:
      "The twelve-factor test: could the code be published right now without leaking a credential? Moving config into the environment moves the risk there, so audit that environment, harden it to a recognised guideline, and have it assessed by someone outside the team.",
  },
  [
    {
      id: "F03-NO-SECRETS-IN-CODE",
      title: "The code could be published today without leaking a credential",
      guidance:
        "No password, key, token or connection string with credentials is in the repository, its history, its images or its build logs. Example config files carry placeholders only.",
      verify:
        "Run a secret scanner over the repository and its history, and over the built image layers. Read the example configuration files. Any real credential found is a failure even if it is 'only for dev'.",
      evidence: "Scanner report for the repository and the image; the example config file.",
      severity: "critical",
      basis: "series",
      standards: [twelveFactor("III. Config"), asvs("2.10.4")],
    },
    {
      id: "F03-ENV-VALIDATED",
      title: "Configuration comes from the environment and is validated at start",
      guidance:
        "Everything that differs between deploys is read from the environment (or a secret store that injects into it) in one place, validated at start-up, and a missing or malformed value stops the process with a clear message instead of running with a default.",
      verify:
        "Find where configuration is read. Start the service with a required variable missing and with a malformed one: it must refuse to start and say which one.",
      evidence: "The config module's path; the start-up output of the two failure runs.",
      severity: "medium",
      basis: "twelve-factor",
      standards: [twelveFactor("III. Config"), asvs("14.1.3")],
    },
    {
      id: "F03-SECRET-STORE",
      title: "Secrets are held in a managed secret store and injected at run time",
      guidance:
        "Secrets live in a secret manager or vault with access control and an access log, and reach the process at run time. They are not in plain env files on disk, baked into images, or pasted into CI variables readable by every pipeline.",
      verify: "Trace one production secret from where it is stored to the running process. Check who can read it in the store and whether reads are logged.",
      evidence: "Diagram or description of the secret's path; the store's access policy for it.",
      severity: "high",
      basis: "practice",
      standards: [asvs("6.4.1"), asvs("6.4.2")],
    },
    {
      id: "F03-ENV-HARDENED",
      title: "The environment that holds the configuration is hardened and audited",
      guidance:
        "Hosts, orchestrator and CI that hold the environment follow a hardening benchmark (CIS for the OS, Kubernetes or container runtime). Reading a process's environment (pod specs, /proc, 'describe' commands) is limited to the few who need it.",
      verify:
        "Ask for the latest benchmark scan of the runtime platform and its open deviations. List who can read environment variables or secrets of production workloads.",
      evidence: "Benchmark scan report with deviations; the access list for production workload specs.",
      severity: "high",
      basis: "series",
      standards: [cis("4.1"), cis("16.7")],
    },
    {
      id: "F03-ROTATION",
      title: "Every secret can be rotated without a code change, and is",
      guidance:
        "Each secret has an owner, a rotation interval and a documented procedure; rotation needs a config change and a restart at most. Secrets are rotated after staff with access leave or after any suspected exposure.",
      verify:
        "Pick one secret and ask when it was last rotated and how. Compare with its stated interval. Ask what happened to secrets after the last departure of someone with access.",
      evidence: "Secret inventory with owners and last rotation dates; the rotation runbook.",
      severity: "medium",
      basis: "practice",
      standards: [asvs("2.10.1"), asvs("6.4.1")],
    },
    {
      id: "F03-NO-CONFIG-LEAK",
      title: "Configuration never leaks through errors, debug endpoints, logs or client code",
      guidance:
        "Error pages show no stack traces or environment; debug and diagnostic endpoints are off in production; logs redact secrets; the browser bundle contains only values meant to be public.",
      verify:
        "Trigger an error in production-like settings and read the response. Request common debug paths (/env, /debug, /actuator). Search the client bundle for known secret names.",
      evidence: "Responses of the error and debug probes; the bundle search result.",
      severity: "high",
      basis: "practice",
      standards: [asvs("14.3.2"), asvs("7.1.1")],
    },
    {
      id: "F03-INDEPENDENT-REVIEW",
      title: "The configuration environment has been assessed by an independent security team",
      guidance:
        "A security team outside the service's own (internal red team or an outside firm) has assessed how configuration and secrets are stored and delivered within the last year, and its findings are tracked to closure.",
      verify: "Ask for the latest assessment report and the tracker entries for its findings. Confirm the scope covered secret storage and delivery.",
      evidence: "Assessment report (or its summary) and the status of its findings.",
      severity: "low",
      basis: "series",
      standards: [cis("18.2")],
    },
  ],
);
