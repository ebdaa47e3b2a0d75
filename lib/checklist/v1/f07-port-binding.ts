import { asvs, cis, defineFactor, twelveFactor } from "../define";

export const portBinding = defineFactor(
  {
    number: 7,
    key: "port-binding",
    name: "Port binding",
    date: "2019-04-08",
    summary:
      "A self-contained app exports HTTP by binding a port. Bind an unprivileged port (above 1024) so the app runs without root, and forward 443 to it at the operating system or firewall. The embedded server still needs configuring: no weak passwords, nothing exposed by default.",
  },
  [
    {
      id: "F07-UNPRIVILEGED-PORT",
      title: "The app binds an unprivileged port and never runs as root",
      guidance:
        "The service listens on a port above 1024, set from the environment, and its process runs as a dedicated non-root user with no capability to bind privileged ports (no CAP_NET_BIND_SERVICE, no setuid).",
      verify: "Check the listening port and the process owner on a running instance (ss -ltnp, ps -o user), and the container's user and capabilities.",
      evidence: "Output of the port and process-owner checks; the container security context.",
      severity: "high",
      basis: "series",
      standards: [twelveFactor("VII. Port binding"), asvs("1.2.1")],
    },
    {
      id: "F07-PORT-FORWARDING",
      title: "Public traffic reaches the app only through forwarding from 443",
      guidance:
        "Clients connect to 443 on a load balancer, ingress or firewall rule (for example iptables) that forwards to the app's port. The app's own port is not reachable from the internet.",
      verify: "From outside the network, probe the app's port directly: it must not answer. Read the forwarding rule or ingress definition.",
      evidence: "External probe result; the forwarding rule or ingress manifest.",
      severity: "medium",
      basis: "series",
      standards: [cis("12.2"), cis("4.4")],
    },
    {
      id: "F07-NO-WEAK-PASSWORDS",
      title: "Embedded servers and consoles have no default or weak credentials",
      guidance:
        "Management interfaces that ship with the server or framework (admin consoles, actuator or metrics endpoints, debug servers) are disabled, or protected by strong unique credentials and not exposed publicly.",
      verify: "List the management interfaces the runtime offers and test each for default credentials and public reachability.",
      evidence: "List of management interfaces with their state; the test results.",
      severity: "critical",
      basis: "series",
      standards: [asvs("2.10.2"), cis("4.7")],
    },
    {
      id: "F07-TLS-AT-EDGE",
      title: "TLS is terminated with a strong configuration and HSTS",
      guidance:
        "The public endpoint offers TLS 1.2 or later with modern ciphers only, redirects HTTP to HTTPS and sends Strict-Transport-Security. Traffic from the proxy to the app stays on a private network or is itself encrypted.",
      verify: "Scan the public endpoint with a TLS scanner (testssl.sh, sslyze) and check the response headers for HSTS.",
      evidence: "TLS scan report; response headers.",
      severity: "high",
      basis: "practice",
      standards: [asvs("9.1.1"), asvs("9.1.2"), asvs("14.4.5")],
    },
    {
      id: "F07-SERVER-HARDENED",
      title: "The embedded web server is configured defensively",
      guidance:
        "Version banners are off, request size and header limits are set, security headers are sent (Content-Security-Policy, X-Content-Type-Options, frame-ancestors), and unused HTTP methods are refused.",
      verify: "Inspect the response headers of a page and an error; send an oversized request and an unusual method (TRACE).",
      evidence: "Header dumps and the responses to the oversized and TRACE requests.",
      severity: "medium",
      basis: "practice",
      standards: [asvs("14.3.3"), asvs("14.4.3"), asvs("14.5.1")],
    },
    {
      id: "F07-BIND-SCOPE",
      title: "Internal ports are bound only where they are needed",
      guidance:
        "Metrics, health and debug listeners bind to a separate port or interface that is not exposed publicly; the service does not listen on ports nobody documented.",
      verify: "List every listening socket of the process and match each to documentation and to network policy.",
      evidence: "Socket list with the purpose and exposure of each.",
      severity: "medium",
      basis: "practice",
      standards: [cis("4.8"), cis("12.2")],
    },
  ],
);
