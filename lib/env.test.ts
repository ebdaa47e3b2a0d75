import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

const problems = (source: Record<string, string>) => {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe("parseEnv", () => {
  it("gives the documented defaults", () => {
    const env = parseEnv({});
    expect([env.PORT, env.HOST, env.RISK_ACCEPTANCE_MAX_DAYS, env.NOTIFY_SCAN_CRON, env.LOG_LEVEL]).toEqual([3000, "127.0.0.1", 365, "15 6 * * *", "info"]);
    expect(env.FINDING_SLA_DAYS).toEqual({ critical: 7, high: 30, medium: 90, low: 180 });
  });

  it("reads a remediation policy, in any order", () => {
    expect(parseEnv({ FINDING_SLA_DAYS: "low=365, medium=60,high=14,critical=2" }).FINDING_SLA_DAYS).toEqual({ critical: 2, high: 14, medium: 60, low: 365 });
  });

  it("names each bad setting on its own line", () => {
    expect(problems({ FINDING_SLA_DAYS: "critical=7,high=30" })).toEqual(["FINDING_SLA_DAYS must give all four severities; missing medium, low"]);
    expect(problems({ FINDING_SLA_DAYS: "critical=soon" })[0]).toContain("must look like critical=7");
    expect(problems({ PORT: "80", RISK_ACCEPTANCE_MAX_DAYS: "0" })).toHaveLength(2);
    expect(problems({ AUTH_OIDC_ISSUER: "https://id.example.com" })).toHaveLength(2);
    expect(problems({ LOG_LEVEL: "verbose" })[0]).toMatch(/^LOG_LEVEL /);
  });
});
