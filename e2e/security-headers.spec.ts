import { expect, test } from "@playwright/test";
import { stateFile } from "./roles";

test.use({ storageState: stateFile("admin") });

test("every page carries a nonce-based CSP and the other security headers", async ({ request }) => {
  for (const path of ["/", "/services", "/findings", "/admin", "/no-such-page", "/sign-in"]) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce, `${path}: CSP has a nonce`).toBeTruthy();
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) expect(csp).toContain(directive);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-powered-by"]).toBeUndefined();
    // Served over plain HTTP in the test, so no HSTS (it would be ignored anyway).
    expect(headers["strict-transport-security"]).toBeUndefined();

    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
  }
});

test("each request gets a fresh nonce", async ({ request }) => {
  const nonceOf = async () => /'nonce-([^']+)'/.exec((await request.get("/")).headers()["content-security-policy"] ?? "")?.[1];
  expect(await nonceOf()).not.toBe(await nonceOf());
});

test("static files carry the static security headers", async ({ request }) => {
  const response = await request.get("/screenshots/dashboard.png");
  expect(response.status()).toBe(200);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the policy blocks nothing the app itself needs", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/services");
  await page.getByRole("button", { name: /Colour theme/ }).click();
  await expect(page.getByRole("menuitemradio", { name: "Dark" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("an address too long for any form is refused with 414, and a trailing slash is dropped without echoing one back", async ({ request }) => {
  const long = `x=${"b".repeat(9000)}`;
  for (const path of [`/services?${long}`, `/api/v1/services/?${long}`, `/scim/v2/Users/?${long}`]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path.slice(0, 30)).toBe(414);
  }
  const slash = await request.get("/services/?q=pay", { maxRedirects: 0 });
  expect(slash.status()).toBe(308);
  expect(slash.headers().location).toMatch(/\/services\?q=pay$/);
  expect(slash.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});
