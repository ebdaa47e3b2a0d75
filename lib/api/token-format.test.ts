import { describe, expect, it } from "vitest";
import { bearerToken, hashApiToken, newApiToken, tokenPrefix, TOKEN_PATTERN } from "./token-format";

describe("API tokens", () => {
  it("are random, recognisable and hashed", () => {
    const a = newApiToken();
    const b = newApiToken();
    expect(a).toMatch(TOKEN_PATTERN);
    expect(a).not.toBe(b);
    expect(tokenPrefix(a)).toBe(a.slice(0, 10));
    expect(hashApiToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(a)).not.toBe(hashApiToken(b));
  });

  it("are read only from a well-formed bearer header", () => {
    const token = newApiToken();
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer  ${token} `)).toBe(token);
    expect(bearerToken(token)).toBeNull();
    expect(bearerToken(`Basic ${token}`)).toBeNull();
    expect(bearerToken("Bearer tf_short")).toBeNull();
    expect(bearerToken(`Bearer ${token}x`)).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
