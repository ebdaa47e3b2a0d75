import { asvs, cis, defineFactor, twelveFactor } from "../define";

export const logs = defineFactor(
  {
    number: 11,
    key: "logs",
    name: "Logs",
    date: "2019-10-15",
    summary:
      "Treat logs as an event stream and write them with security in mind: security messages must be easy to pull out of the stream, not buried in stack traces, with a separate record for each security-critical event.",
  },
  [
    {
      id: "F11-SECURITY-EVENTS",
      title: "Each security-critical event is logged as its own record",
      guidance:
        "Sign-in success and failure, sign-out, access refusals, changes to users, roles and permissions, token creation and revocation, exports and admin actions each produce one log record, whether or not anything failed.",
      verify: "Perform a failed sign-in, a refused request and a role change in staging, then find exactly one record for each in the log system.",
      evidence: "The three records as found in the log system.",
      severity: "high",
      basis: "series",
      standards: [asvs("7.1.3"), asvs("7.2.1"), asvs("7.2.2")],
    },
    {
      id: "F11-EXTRACTABLE",
      title: "Security events are structured and easy to filter",
      guidance:
        "Logs are structured (JSON) and security events carry a distinct, documented marker (for example category=security) and a stable event name, so a single query pulls them out of the stream. They are never only a line inside a stack trace.",
      verify: "Run the single query that selects security events for a day and check it returns the test events above and nothing unrelated.",
      evidence: "The query and its result.",
      severity: "medium",
      basis: "series",
      standards: [asvs("7.1.4"), cis("8.5")],
    },
    {
      id: "F11-NO-SECRETS",
      title: "Logs contain no secrets and only necessary personal data",
      guidance:
        "Passwords, tokens, session ids, keys and full card or identity numbers are never logged; request bodies and headers are redacted by default; personal data is limited to what investigation needs.",
      verify: "Search a day of logs for known patterns (Bearer, password=, session cookie names, key prefixes). Read the logger's redaction configuration.",
      evidence: "Search results; redaction configuration.",
      severity: "high",
      basis: "practice",
      standards: [asvs("7.1.1"), asvs("7.1.2")],
    },
    {
      id: "F11-CONTEXT",
      title: "Each security record says who, what, when, where from and the outcome",
      guidance:
        "Records include the actor (user or service id), the action, the target, the outcome, the source address and a UTC timestamp from a synchronised clock, plus a request id that ties them to other records.",
      verify: "Inspect the three records from the first item for each field. Check the hosts' time synchronisation.",
      evidence: "Annotated example record; time sync status.",
      severity: "medium",
      basis: "practice",
      standards: [asvs("7.1.4"), asvs("7.3.4"), cis("8.4")],
    },
    {
      id: "F11-CENTRAL-TAMPER-EVIDENT",
      title: "Logs go to stdout and on to a central, tamper-evident store",
      guidance:
        "The app writes its event stream to stdout; the platform ships it to a central store outside the app's control, where the app's own credentials cannot delete or alter it, and it is kept for the agreed retention period.",
      verify: "Confirm the app writes no log files. Check who can delete or modify records in the central store and the retention setting.",
      evidence: "Log routing configuration; store permissions and retention.",
      severity: "high",
      basis: "twelve-factor",
      standards: [twelveFactor("XI. Logs"), asvs("7.3.3"), cis("8.9"), cis("8.10")],
    },
    {
      id: "F11-LOG-INJECTION",
      title: "Log records cannot be forged through user input",
      guidance:
        "User-supplied values are written as escaped fields of a structured record, never concatenated into the message, so newlines or control characters cannot forge or hide records.",
      verify: "Sign in with a user name containing a newline and a fake record; check the stored record is one escaped field.",
      evidence: "The resulting record.",
      severity: "medium",
      basis: "practice",
      standards: [asvs("7.3.1")],
    },
    {
      id: "F11-ALERTING",
      title: "Security events raise alerts that reach a person",
      guidance:
        "Rules alert on patterns that matter (bursts of failed sign-ins, privilege changes, access refusals from one source, logging gaps) and reach an on-call person who acknowledges them.",
      verify: "Read the alert rules and the last few alerts with their acknowledgement times.",
      evidence: "Alert rule definitions; recent alert history.",
      severity: "medium",
      basis: "practice",
      standards: [cis("8.11"), cis("13.1")],
    },
  ],
);
