import { asvs, cis, defineFactor, twelveFactor } from "../define";

export const backingServices = defineFactor(
  {
    number: 4,
    key: "backing-services",
    name: "Backing services",
    date: "2018-09-12",
    summary:
      "You assume the risk of every backing service you attach: know its security posture and write code as if it attacks you. Use TLS on every connection, authenticate with a least-privileged account, and put security checks inside the resource abstraction so its callers need not be security-aware.",
  },
  [
    {
      id: "F04-INVENTORY",
      title: "Every backing service is inventoried with its owner, data and posture",
      guidance:
        "A current list names each datastore, queue, cache, mail or third-party API the service attaches, who owns it, what data flows to it and its security posture (patch level, exposure, certifications for third parties).",
      verify:
        "Compare the inventory with the service's configuration: every connection string or API base URL in config must appear in it, and nothing in the inventory is stale.",
      evidence: "The inventory (document or service catalogue entry) and the config keys it was checked against.",
      severity: "medium",
      basis: "series",
      standards: [cis("2.1"), twelveFactor("IV. Backing services")],
    },
    {
      id: "F04-TLS",
      title: "Every backing-service connection uses TLS with the certificate verified",
      guidance:
        "Connections to databases, caches, brokers and APIs are encrypted with TLS 1.2 or later and verify the server's certificate and host name (for Postgres, sslmode=verify-full); plain or 'encrypt but do not verify' modes are not used, even inside the network.",
      verify:
        "Read each connection's configuration for its TLS mode. On the server side, confirm plain connections are refused (for Postgres, hostssl-only rules in pg_hba.conf).",
      evidence: "Connection settings with TLS mode for each backing service; the server rule that refuses plaintext.",
      severity: "high",
      basis: "series",
      standards: [asvs("9.2.2"), asvs("9.2.1"), cis("3.10")],
    },
    {
      id: "F04-LEAST-PRIVILEGE",
      title: "The app authenticates with a least-privileged account of its own",
      guidance:
        "The service connects with an account used by nothing else, holding only the grants it needs: for Postgres a separate role that is not the owner or a superuser, with DML on its tables and no DDL. Migrations run with a different, owner account.",
      verify: "List the grants of the app's database role (\\du and \\dp in psql, or the cloud IAM policy). Try a DDL statement as that role: it must fail.",
      evidence: "The role's grants; output of the refused DDL attempt.",
      severity: "high",
      basis: "series",
      standards: [asvs("1.2.1"), asvs("4.1.3"), cis("5.4")],
    },
    {
      id: "F04-UNIQUE-CREDENTIALS",
      title: "Backing-service credentials are unique per service and environment, never defaults",
      guidance:
        "No backing service runs with a vendor default password or no password. Each service and each environment has its own credentials, so one leak does not open the others.",
      verify:
        "For each backing service, confirm the credential in use is not the product default and is not shared with another service or environment (compare secret references, not values).",
      evidence: "List of backing services with the secret reference each uses per environment.",
      severity: "high",
      basis: "practice",
      standards: [asvs("2.10.2"), cis("4.7")],
    },
    {
      id: "F04-HOSTILE-DATA",
      title: "Data from backing services is treated as untrusted",
      guidance:
        "Values read from datastores, queues and third-party APIs are validated before use and encoded on output; queries are parameterised; responses are size-limited and time-limited. A compromised backing service cannot pivot into the app.",
      verify:
        "Review the code that consumes two backing services: look for schema validation of responses, parameterised queries and output encoding. Search for string-built SQL or shell commands.",
      evidence: "Links to the reviewed code paths; the search results for string-built queries.",
      severity: "high",
      basis: "series",
      standards: [asvs("5.3.4"), asvs("5.1.3")],
    },
    {
      id: "F04-SECURITY-IN-ABSTRACTION",
      title: "Security checks live inside the resource abstraction",
      guidance:
        "Authorisation, tenant scoping, encryption and auditing happen inside the data-access layer that wraps each backing service, so a caller cannot forget them; code outside that layer cannot reach the resource directly.",
      verify:
        "Find the module that wraps the datastore. Check that every query passes through it with the acting identity, and search the code for direct client use outside it.",
      evidence: "The abstraction's path; search results showing no direct client use elsewhere.",
      severity: "medium",
      basis: "series",
      standards: [asvs("1.4.1"), asvs("4.1.1")],
    },
    {
      id: "F04-THIRD-PARTY-ASSURANCE",
      title: "Third-party services are assessed before they are attached and yearly after",
      guidance:
        "Before a managed or third-party service receives data, its security posture is reviewed (SOC 2 or ISO 27001 report, pen-test summary, data processing terms) and the review is repeated each year.",
      verify: "For each third-party service in the inventory, find the latest assurance review and its date.",
      evidence: "Vendor assessment records with dates.",
      severity: "medium",
      basis: "series",
      standards: [cis("15.4"), cis("15.5")],
    },
  ],
);
