// A service's fields have one set of rules: the page's form (through its server
// action) and the public API validate with the same schema
// (lib/services/schemas.ts), so each refuses exactly what the other refuses.
// The form is checked with its browser limits removed, as an attacker would.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { hashApiToken, newApiToken } from "../lib/api/token-format";
import { SERVICE_LIMITS } from "../lib/services/schemas";
import { pageAs } from "./roles";

const LIMIT = SERVICE_LIMITS.description;
const MESSAGE = `At most ${LIMIT} characters.`;
let token = "";

test.beforeAll(async () => {
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    token = newApiToken();
    await db.query(
      `INSERT INTO api_tokens (name, prefix, token_hash, team_id, scope, created_by_id, expires_at)
       SELECT $1, $2, $3, t.id, 'submit_evidence', m.user_id, now() + interval '1 day'
       FROM teams t JOIN memberships m ON m.team_id = t.id AND m.role = 'lead' WHERE t.slug = 'payments' LIMIT 1`,
      [`limits ${randomUUID()}`, token.slice(0, 10), hashApiToken(token)],
    );
  } finally {
    await db.end();
  }
});

test("the API and the page take a description of exactly the limit, and refuse one character more alike", async ({ browser, request }) => {
  const unique = randomUUID().slice(0, 8);
  const post = (name: string, description: string) =>
    request.post("/api/v1/services", { headers: { authorization: `Bearer ${token}` }, data: { name, description, criticality: "low" } });

  const apiTooLong = await post(`api over ${unique}`, "d".repeat(LIMIT + 1));
  expect(apiTooLong.status()).toBe(422);
  expect(JSON.stringify(await apiTooLong.json())).toContain(MESSAGE);
  expect((await post(`api at ${unique}`, "d".repeat(LIMIT))).status()).toBe(201);

  const { page } = await pageAs(browser, "reviewer");
  const submit = async (name: string, description: string) => {
    await page.goto("/services/new");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Team").selectOption({ label: "Payments" });
    const field = page.getByLabel("Description");
    await field.evaluate((element) => element.removeAttribute("maxlength"));
    await field.fill(description);
    await page.getByRole("button", { name: "Add service" }).click();
  };
  await submit(`page over ${unique}`, "d".repeat(LIMIT + 1));
  await expect(page.locator("#service-description-error")).toHaveText(MESSAGE);
  await submit(`page at ${unique}`, "d".repeat(LIMIT));
  await expect(page).toHaveURL(/\/services\/page-at-/);
});
