import { asvs, cis, defineFactor, ssdf, twelveFactor } from "../define";

export const concurrency = defineFactor(
  {
    number: 8,
    key: "concurrency",
    name: "Concurrency",
    date: "2019-05-13",
    summary:
      "Scaling out through the process model multiplies whatever each process does, including denial of service. Watch for APIs known to allow it (the series names the unbounded readLine) and bound every read: limits on input size, time and rate.",
  },
  [
    {
      id: "F08-BOUNDED-READS",
      title: "Every read of untrusted input has a size limit",
      guidance:
        "Request bodies, uploaded files, lines read from sockets or streams, and decompressed data are all capped before they are read into memory. No unbounded readLine, readAll or body parser without a limit.",
      verify:
        "Search for line and whole-stream reads and for body-parser settings; each must have a limit. Send a request larger than the limit: it is refused early with 413, memory stays flat.",
      evidence: "Search results with the limits found; the oversized-request test.",
      severity: "high",
      basis: "series",
      standards: [asvs("12.1.1"), asvs("12.1.3")],
    },
    {
      id: "F08-TIMEOUTS",
      title: "Every inbound and outbound operation has a timeout",
      guidance:
        "Request handling, database statements, outbound HTTP calls, locks and queue handlers all have timeouts, so slow clients (slowloris) or slow dependencies cannot hold workers indefinitely.",
      verify:
        "Read the server's header and request timeouts, the database statement timeout and the HTTP client defaults. Open a connection that sends headers slowly: the server must drop it.",
      evidence: "Timeout settings per layer; the slow-client test.",
      severity: "high",
      basis: "series",
      standards: [asvs("11.1.4"), cis("16.10")],
    },
    {
      id: "F08-RATE-LIMITS",
      title: "Rate limits hold across all instances",
      guidance:
        "Authentication, password reset, search, export and other expensive endpoints are rate-limited per account and per client, with counters in a shared store so adding instances does not multiply the allowance.",
      verify: "Exceed the limit against two instances alternately: the limit must apply to the sum. Read where the counters are kept.",
      evidence: "Rate-limit configuration; the two-instance test result.",
      severity: "high",
      basis: "series",
      standards: [asvs("11.1.4"), asvs("2.2.1")],
    },
    {
      id: "F08-DOS-PRONE-APIS",
      title: "Known denial-of-service-prone APIs are banned or guarded",
      guidance:
        "The team keeps a list of constructs that allow denial of service in its stack (unbounded reads, backtracking regular expressions on user input, XML entity expansion, decompression bombs, deeply nested JSON) and a linter or review rule enforces it.",
      verify: "Ask for the list and the rule that enforces it. Run the linter on the code base and review any suppressions.",
      evidence: "The banned-API list; lint configuration and output.",
      severity: "high",
      basis: "series",
      standards: [asvs("5.5.2"), asvs("12.1.2")],
    },
    {
      id: "F08-RESOURCE-LIMITS",
      title: "Each process type has resource limits and scaling caps",
      guidance:
        "Every process type declares CPU and memory limits and a maximum instance count, so a flood on one type cannot starve the others or scale cost without bound; queues have maximum depths.",
      verify: "Read the deployment manifests for limits and autoscaler maximums; check queue configuration for depth limits.",
      evidence: "Manifest excerpts with limits; autoscaler and queue settings.",
      severity: "medium",
      basis: "twelve-factor",
      standards: [twelveFactor("VIII. Concurrency"), cis("16.10")],
    },
    {
      id: "F08-LOAD-TESTED",
      title: "Load and abuse tests show the limits hold at scale",
      guidance:
        "A repeatable load test runs against several instances with abusive patterns (oversized bodies, bursts at rate limits, slow clients) and the results are kept; it is re-run after changes to limits or scaling.",
      verify: "Ask for the last load-test report and the script that produced it; check its date against recent changes to limits.",
      evidence: "Load-test script and report.",
      severity: "low",
      basis: "practice",
      standards: [ssdf("PW.8.2")],
    },
  ],
);
