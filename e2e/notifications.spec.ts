// A reviewer submits; the team's lead hears of it three ways, delivered by the
// real worker: the bell and notification centre, an email (in the outbox, as
// the embedded default has no SMTP server), and a webhook call that a receiver
// on loopback verifies with the signing secret the lead copied when registering
// it. Then one-click unsubscribe (RFC 8058) turns that kind of email off.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startReceiver, type TestReceiver } from "../tests/notify-peers";
import { expectAccessible } from "./accessibility";
import { makeTeam, makeUser } from "./factories";
import { pageAs, signIn } from "./roles";

let receiver: TestReceiver;
let db: pg.Client;

test.beforeAll(async () => {
  receiver = await startReceiver();
  db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
});

test.afterAll(async () => {
  await receiver?.close();
  await db?.end();
});

const until = async <T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

test("a reviewer submits; the lead's bell, the outbox and the team's webhook all have it", async ({ browser }) => {
  const team = await makeTeam([{ name: "Bell service", score: 80, ready: "draft" }]);
  const reviewer = await makeUser("Bell Reviewer", { [team.slug]: "reviewer" });

  // The lead registers the team's webhook and copies its signing secret.
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, team.lead.email, team.lead.password);
  await expect(lead).not.toHaveURL(/sign-in/);
  await lead.goto("/webhooks");
  await lead.getByLabel("Name").fill("Loopback receiver");
  await lead.getByLabel("Endpoint (https://)").fill(`${receiver.base}/ok`);
  await lead.getByRole("button", { name: "Register webhook" }).click();
  const secret = await lead.getByLabel("Signing secret (Standard Webhooks)").inputValue();
  expect(secret).toMatch(/^whsec_/);
  receiver.setSecret("/ok", secret);
  await expect(lead.getByRole("heading", { name: /Loopback receiver/ })).toBeVisible();
  await expectAccessible(lead);

  // The reviewer submits.
  const reviewerContext = await browser.newContext();
  const page = await reviewerContext.newPage();
  await signIn(page, reviewer.email, reviewer.password);
  await expect(page).not.toHaveURL(/sign-in/);
  const { id } = (
    await db.query<{ id: string }>("SELECT a.id FROM assessments a JOIN services s ON s.id = a.service_id WHERE s.team_id = $1 AND a.status = 'draft'", [
      team.id,
    ])
  ).rows[0]!;
  await page.goto(`/assessments/${id}`);
  await page.getByRole("button", { name: "Submit for sign-off" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Submitted for sign-off");
  // Never told of their own act.
  await page.goto("/notifications");
  await expect(page.getByText("Bell service: assessment submitted")).toHaveCount(0);
  await reviewerContext.close();

  // The lead's bell counts it, and the notification centre leads to the assessment.
  await until(
    async () =>
      (await db.query("SELECT 1 FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = $1", [team.lead.email])).rowCount ? true : undefined,
    "the fan-out",
  );
  await lead.goto("/");
  // The new team's only news (a scan on a day boundary could add a reminder, so the count is read, not assumed).
  const bell = lead.getByRole("link", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await expect(bell.getByTestId("unread-count")).toHaveText(/^[1-9]/);
  await bell.click();
  await expect(lead.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expectAccessible(lead);
  await lead.getByRole("button", { name: /Bell service: assessment submitted for sign-off by Bell Reviewer/ }).click();
  await expect(lead).toHaveURL(new RegExp(`/assessments/${id}$`));
  const [opened] = (
    await db.query(
      "SELECT n.read_at FROM notifications n JOIN notification_events e ON e.id = n.event_id WHERE e.kind = 'assessment.submitted' AND e.subject_id = $1",
      [id],
    )
  ).rows;
  expect(opened.read_at).not.toBeNull();

  // The webhook: delivered by the worker, signature verified, the id the delivery log shows.
  const delivery = await until(async () => receiver.delivered.find((d) => d.path === "/ok"), "the webhook delivery");
  expect(delivery.verified).toBe(true);
  expect(delivery.body).toMatchObject({ type: "assessment.submitted", data: { team: team.name, url: `${new URL(lead.url()).origin}/assessments/${id}` } });
  await lead.goto("/webhooks");
  await expect(lead.getByRole("list", { name: "Latest deliveries to Loopback receiver" })).toContainText(delivery.id);
  await expect(lead.getByRole("list", { name: "Latest deliveries to Loopback receiver" })).toContainText("sent · 204");
  await leadContext.close();

  // The email, in the outbox an admin reads, with a one-click unsubscribe.
  const { page: admin, context: adminContext } = await pageAs(browser, "admin");
  const row = await until(
    async () => (await db.query<{ headers: Record<string, string> }>('SELECT headers FROM outbox_emails WHERE "to" = $1', [team.lead.email])).rows[0],
    "the email",
  );
  await admin.goto("/admin/outbox");
  await expect(admin.getByText(`to ${team.lead.email}`)).toBeVisible();
  await expectAccessible(admin);
  await adminContext.close();
  expect(row.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = row.headers["List-Unsubscribe"]!.replace(/^<|>$/g, "");
  // A mail provider posts it with no session and from no page of ours.
  const refused = await fetch(oneClick.replace(/t=[^&]+/, "t=forged"), {
    method: "POST",
    body: "List-Unsubscribe=One-Click",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  expect(refused.status).toBe(400);
  const done = await fetch(oneClick, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  expect(done.status).toBe(200);
  const [preference] = (
    await db.query("SELECT p.email FROM notification_preferences p JOIN users u ON u.id = p.user_id WHERE u.email = $1 AND p.kind = 'assessment.submitted'", [
      team.lead.email,
    ])
  ).rows;
  expect(preference).toEqual({ email: "off" });
});

test("an unsubscribe link opened in a browser asks first, then stops that kind of email", async ({ browser, baseURL }) => {
  // The demo's seeded notifications leave email in the outbox once the worker has delivered them.
  const email = await until(
    async () =>
      (await db.query<{ headers: Record<string, string> }>("SELECT headers FROM outbox_emails WHERE headers->>'List-Unsubscribe' IS NOT NULL LIMIT 1")).rows[0],
    "an email in the outbox",
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  // Opening the link (as a link scanner would) changes nothing.
  await page.goto(email.headers["List-Unsubscribe"]!.replace(/^<|>$/g, "").replace(baseURL!, ""));
  await expect(page.getByRole("heading", { name: "Stop these emails?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Stop emails about these" }).click();
  await expect(page.getByRole("heading", { name: "Unsubscribed" })).toBeVisible();
  await page.goto("/unsubscribe?t=not-a-token");
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await context.close();
});
