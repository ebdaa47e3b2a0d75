import { describe, expect, it } from "vitest";
import { isLoopbackHost } from "./loopback";
import { smtpOptions } from "./mailer";

describe("SMTP settings", () => {
  it("knows this machine", () => {
    for (const h of ["localhost", "mail.localhost", "127.0.0.1", "127.3.2.1", "[::1]", "::1"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["smtp.example.com", "10.0.0.1", "::ffff:10.0.0.1"]) expect(isLoopbackHost(h), h).toBe(false);
  });
  it("verifies TLS always, and requires STARTTLS off this machine", () => {
    const relay = smtpOptions("smtp://user%40x:changeme%3A1@smtp.example.com");
    expect(relay).toMatchObject({ host: "smtp.example.com", port: 587, secure: false, requireTLS: true, auth: { user: "user@x", pass: "changeme:1" } });
    expect(relay.tls).toMatchObject({ rejectUnauthorized: true });
    expect(smtpOptions("smtps://smtp.example.com")).toMatchObject({ port: 465, secure: true, requireTLS: false });
    expect(smtpOptions("smtp://127.0.0.1:2525")).toMatchObject({ port: 2525, requireTLS: false });
  });
});
