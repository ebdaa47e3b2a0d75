import { describe, expect, it } from "vitest";
import { checkEndpointUrl, isPublicAddress, maskEndpoint, parseAllowedHosts, privateAmong } from "./ssrf";

const none = parseAllowedHosts(undefined);

describe("webhook endpoints and server-side request forgery", () => {
  it("takes public addresses only", () => {
    for (const ok of ["8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isPublicAddress(ok), ok).toBe(true);
    const refused = [
      "127.0.0.1",
      "10.0.0.5",
      "172.16.3.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "192.0.2.10",
      "::1",
      "::",
      "fe80::1",
      "fd12::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "64:ff9b::a00:1",
      "2002:a00:1::",
      "not an address",
    ];
    for (const bad of refused) expect(isPublicAddress(bad), bad).toBe(false);
  });

  it("refuses anything but https, credentials, private literals and localhost", () => {
    expect(checkEndpointUrl("https://hooks.example.com/x", none)).toMatchObject({ ok: true, allowed: false });
    expect(checkEndpointUrl("http://hooks.example.com/x", none)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("ftp://hooks.example.com/x", none)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("https://user:password@hooks.example.com/x", none)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("https://127.0.0.1/x", none)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("https://[::1]:8443/x", none)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("https://169.254.169.254/latest/meta-data", none)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("https://localhost/x", none)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("https://a.localhost/x", none)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("https://LOCALHOST./x", none)).toMatchObject({ ok: false });
    // Other spellings of 127.0.0.1 that URL parsing turns into it.
    expect(checkEndpointUrl("https://0x7f.1/x", none)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("https://2130706433/x", none)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("https://[::ffff:7f00:1]/x", none)).toMatchObject({ ok: false });
    expect(checkEndpointUrl("not a url", none)).toMatchObject({ ok: false });
    expect(checkEndpointUrl(`https://hooks.example.com/${"a".repeat(2001)}`, none)).toMatchObject({ ok: false });
  });

  it("lets an operator allow named hosts, private and over plain http", () => {
    const allowed = parseAllowedHosts(" 127.0.0.1, Relay.Internal ,[::1]");
    expect([...allowed]).toEqual(["127.0.0.1", "relay.internal", "::1"]);
    expect(checkEndpointUrl("http://127.0.0.1:9000/hook", allowed)).toMatchObject({ ok: true, allowed: true });
    expect(checkEndpointUrl("http://relay.internal/hook", allowed)).toMatchObject({ ok: true, allowed: true });
    expect(checkEndpointUrl("http://[::1]:9000/hook", allowed)).toMatchObject({ ok: true, allowed: true });
    expect(checkEndpointUrl("http://10.0.0.1/hook", allowed)).toMatchObject({ ok: false });
  });

  it("judges every address a name resolves to, unless the host is allowed", () => {
    expect(privateAmong(["93.184.215.14", "10.0.0.1"], false)).toBe("10.0.0.1");
    expect(privateAmong(["93.184.215.14"], false)).toBeNull();
    expect(privateAmong(["127.0.0.1"], true)).toBeNull();
  });
});

describe("an endpoint as pages and the audit trail show it", () => {
  it("keeps the host and the first path segment, never the credential a path or query carries", () => {
    expect(maskEndpoint("https://hooks.slack.com/services/T0000/B0000/XXXXSECRET")).toBe("https://hooks.slack.com/services/…");
    expect(maskEndpoint("https://example.com/hook?token=abc")).toBe("https://example.com/hook/…");
    expect(maskEndpoint("http://127.0.0.1:9000/ok")).toBe("http://127.0.0.1:9000/ok");
    expect(maskEndpoint("https://example.com")).toBe("https://example.com");
  });
});
