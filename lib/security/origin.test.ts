import { describe, expect, it } from "vitest";
import { checkOrigin } from "./origin";

const headers = (entries: Record<string, string>) => new Headers({ host: "twelvefold.example", ...entries });

describe("checkOrigin", () => {
  it("lets reads through whatever they say", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(checkOrigin(method, "/findings", headers({ origin: "https://evil.test" }))).toEqual({ ok: true });
  });

  it("takes a POST from the app's own origin, or a same-origin fetch that sends no Origin", () => {
    expect(checkOrigin("POST", "/assessments/x", headers({ origin: "https://twelvefold.example" }))).toEqual({ ok: true });
    expect(checkOrigin("POST", "/assessments/x", headers({ "sec-fetch-site": "same-origin" }))).toEqual({ ok: true });
  });

  it("refuses a write from another site, from an opaque origin, or that says nothing", () => {
    for (const origin of ["https://evil.test", "https://twelvefold.example.evil.test", "null", "not a url"]) {
      expect(checkOrigin("POST", "/findings/export", headers({ origin })).ok, origin).toBe(false);
    }
    expect(checkOrigin("POST", "/services/new", headers({})).ok).toBe(false);
    expect(checkOrigin("POST", "/services/new", headers({ "sec-fetch-site": "cross-site" })).ok).toBe(false);
    expect(checkOrigin("DELETE", "/x", headers({ origin: "https://evil.test" })).ok).toBe(false);
  });

  it("leaves the token-authenticated API and Auth.js's own CSRF-protected posts to them", () => {
    expect(checkOrigin("POST", "/api/v1/services", headers({}))).toEqual({ ok: true });
    expect(checkOrigin("PATCH", "/scim/v2/Users/x", headers({}))).toEqual({ ok: true });
    expect(checkOrigin("POST", "/api/auth/callback/credentials", headers({}))).toEqual({ ok: true });
    expect(checkOrigin("POST", "/api/health/live", headers({}))).toEqual({ ok: true });
  });

  it("compares with the host a trusted proxy forwarded", () => {
    expect(checkOrigin("POST", "/x", headers({ "x-forwarded-host": "tf.example.org", origin: "https://tf.example.org" }))).toEqual({ ok: true });
  });
});
