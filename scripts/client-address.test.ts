import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module, run before any loader
import { stampClient, trustFrom } from "./client-address.mjs";

type Req = { socket: { remoteAddress: string }; connection: { remoteAddress: string }; headers: Record<string, string | undefined> };
const request = (peer: string, headers: Record<string, string>): Req => ({
  socket: { remoteAddress: peer },
  connection: { remoteAddress: peer },
  headers: { ...headers },
});
const stamp = (setting: string | undefined, req: Req) => {
  stampClient(req, trustFrom(setting));
  return req.headers;
};

describe("the client's address", () => {
  it("is the connection's own when no proxy is trusted, whatever the client claims", () => {
    const headers = stamp(
      undefined,
      request("198.51.100.7", {
        "x-forwarded-for": "10.0.0.1, 127.0.0.1",
        "x-real-ip": "1.2.3.4",
        "x-forwarded-proto": "https",
        "x-forwarded-host": "evil.test",
      }),
    );
    expect(headers).toEqual({ "x-forwarded-for": "198.51.100.7" });
  });

  it("is taken from X-Forwarded-For behind a trusted proxy: the nearest address that is not a trusted proxy", () => {
    const headers = stamp("10.0.0.0/8", request("10.0.0.2", { "x-forwarded-for": "203.0.113.9, 198.51.100.7, 10.0.0.5", "x-forwarded-proto": "https" }));
    expect(headers).toEqual({ "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "https" });
  });

  it("ignores forwarding headers sent straight to the app by a client outside the trusted ranges", () => {
    const headers = stamp("10.0.0.0/8, loopback", request("203.0.113.50", { "x-forwarded-for": "10.0.0.9", "x-forwarded-host": "evil.test" }));
    expect(headers).toEqual({ "x-forwarded-for": "203.0.113.50" });
  });

  it("refuses a setting that names no address", () => {
    expect(() => trustFrom("10.0.0.0/8, not-an-address")).toThrow();
    expect(() => trustFrom("loopback, ::1, 192.168.0.0/16")).not.toThrow();
  });
});
