import { asvs, cis, defineFactor, ssdf, twelveFactor } from "../define";

export const devProdParity = defineFactor(
  {
    number: 10,
    key: "dev-prod-parity",
    name: "Dev/prod parity",
    date: "2019-09-16",
    summary:
      "Keep development, staging and production alike, but parity must never mean shared secrets (Uber published a sensitive database key on a public GitHub page). Enforce separation of duties between environments, and replicate the security services in DEV, QA and STAGE.",
  },
  [
    {
      id: "F10-NO-SHARED-SECRETS",
      title: "No secret is shared between environments",
      guidance:
        "Each environment has its own credentials, keys and certificates. A secret from DEV or QA opens nothing in STAGE or PROD, so a leak from a laptop or a test system stays contained.",
      verify:
        "Compare the secret references of each environment for the same backing service or key; none may point to the same secret. Ask how a new environment gets its secrets.",
      evidence: "Per-environment secret reference list for the service.",
      severity: "critical",
      basis: "series",
      standards: [asvs("2.10.4"), ssdf("PO.5.1")],
    },
    {
      id: "F10-SEPARATION-OF-DUTIES",
      title: "Each environment's secrets are readable only by that environment's people and systems",
      guidance:
        "DEV cannot read QA secrets, QA cannot read STAGE secrets and STAGE cannot read PROD secrets. Production secrets are readable by the production runtime and a small, named group, with access logged.",
      verify: "Read the secret store's policies per environment. Pick a developer account and confirm it cannot read a STAGE or PROD secret.",
      evidence: "Secret store policies per environment; the denied read.",
      severity: "high",
      basis: "series",
      standards: [cis("3.3"), cis("6.8")],
    },
    {
      id: "F10-SECURITY-SERVICES-REPLICATED",
      title: "Security services are present in every environment, not just production",
      guidance:
        "Authentication, TLS, the secret store, security headers, WAF rules and security logging run in DEV, QA and STAGE as in production, so security behaviour is exercised before release rather than discovered after.",
      verify: "For each security service listed for production, confirm it is enabled in STAGE and QA, and note how DEV approximates it.",
      evidence: "Environment comparison table for security services.",
      severity: "medium",
      basis: "series",
      standards: [twelveFactor("X. Dev/prod parity")],
    },
    {
      id: "F10-NO-PRODUCTION-DATA",
      title: "Production personal data is not copied to lower environments unmasked",
      guidance:
        "Test environments use synthetic data or data masked by a reviewed process. Any exception is approved, time-limited and the environment is protected to production standard for its duration.",
      verify: "Ask where test data comes from. Sample a QA database for real customer identifiers (emails of known customers, real card prefixes).",
      evidence: "Test data procedure; the result of the sample.",
      severity: "high",
      basis: "practice",
      standards: [cis("16.8"), asvs("8.3.1")],
    },
    {
      id: "F10-ENVIRONMENT-ISOLATION",
      title: "Non-production environments cannot reach production",
      guidance:
        "Networks, accounts and identities of DEV, QA and STAGE are separated from production: a compromised test system has no route or credential into production systems.",
      verify: "From a STAGE host, attempt to connect to the production database and API: both must fail at the network level.",
      evidence: "Network policy excerpt; the failed connection attempts.",
      severity: "high",
      basis: "practice",
      standards: [cis("16.8"), cis("12.2")],
    },
    {
      id: "F10-LEAK-MONITORING",
      title: "Public code sites are watched for leaked secrets, and leaks are rotated at once",
      guidance:
        "Public repositories, gists and paste sites are monitored for the organisation's secrets and domains. A leaked secret is revoked and rotated immediately, whatever its environment, and the incident is recorded.",
      verify: "Ask which monitoring is in place and for the last alert and its handling time.",
      evidence: "Monitoring configuration; the last alert's incident record.",
      severity: "high",
      basis: "series",
      standards: [cis("17.4")],
    },
    {
      id: "F10-SAME-BACKING-SERVICES",
      title: "Environments use the same kinds and versions of backing services",
      guidance:
        "DEV and STAGE run the same database, queue and cache products and major versions as production (no SQLite standing in for Postgres), so TLS settings, roles and grants are tested before they matter.",
      verify: "Compare backing service products and versions across environments.",
      evidence: "Version comparison across environments.",
      severity: "medium",
      basis: "twelve-factor",
      standards: [twelveFactor("X. Dev/prod parity")],
    },
  ],
);
