// What a load balancer and an orchestrator see: liveness and readiness, without
// a session, answering JSON that names no record.
import { expect, test } from "@playwright/test";

for (const [path, body] of [
  ["/api/health/live", { status: "live" }],
  ["/api/health/ready", { status: "ready" }],
] as const) {
  test(`${path} answers without a session, uncached`, async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(await response.json()).toEqual(body);
    await anonymous.dispose();
  });
}

test("the health checks do not take other methods", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const response = await anonymous.post("/api/health/ready", { data: {}, maxRedirects: 0 });
  expect(response.status()).toBe(405);
  await anonymous.dispose();
});
