// Drift, end to end: a lead asks for drift to reopen findings and makes a
// pipeline token; the pipeline imports Trivy's SARIF with the real command,
// which contradicts an approved "met"; the service shows the drift and a current
// score below the approved one, the lead is told, and the finding reopens.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectAccessible } from "./accessibility";
import { makeTeam } from "./factories";
import { fitsEveryWidth } from "./layout";
import { expectSignedIn, signIn } from "./roles";

const run = promisify(execFile);
const ITEM = "F07-UNPRIVILEGED-PORT";
test.setTimeout(120_000);

test("a pipeline's evidence contradicts an approved answer: drift shown, current score down, lead told, finding reopened", async ({ page, baseURL }) => {
  const team = await makeTeam([{ name: "Drifting Api", score: 100, approved: true }]);
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    // The item was a finding once, resolved by the approval.
    await db.query(
      `INSERT INTO findings (service_id, item_id, title, severity, status, opened_at, resolved_at, updated_at)
       SELECT id, $2, 'Runs as root', 'high', 'resolved', now() - interval '60 days', now() - interval '1 day', now() FROM services WHERE team_id = $1`,
      [team.id, ITEM],
    );
    await signIn(page, team.lead.email, team.lead.password);
    await expectSignedIn(page, team.lead.email);

    await page.goto("/tokens");
    const setting = page.locator("form", { hasText: `${team.name}: a drift on a critical or high item` });
    await setting.getByRole("checkbox").check();
    await setting.getByRole("button", { name: `Save the drift setting of ${team.name}` }).click();
    await expect(setting.getByText("now opens its finding at once")).toBeVisible();
    await page.getByLabel("Name").fill("ci-drifting-api");
    await page.getByLabel("Team", { exact: true }).selectOption({ label: team.name });
    await page.getByLabel("Expires after").selectOption("30");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByLabel("The token").inputValue();
    expect(token).toMatch(/^tf_/);

    // An upload past 100 MB, streamed without a length, is refused with a 413 and records nothing.
    const importsBefore = (await db.query("SELECT count(*)::int AS n FROM evidence_imports")).rows[0].n as number;
    const megabyte = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > 110) controller.close();
        else controller.enqueue(sent === 1 ? new TextEncoder().encode('{"version":"2.1.0","runs":[') : megabyte);
      },
    });
    const refused = await fetch(`${baseURL}/api/v1/services/drifting-api/evidence/imports`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: huge,
      duplex: "half",
    } as RequestInit & { duplex: "half" }).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(413);
    expect(((await (refused as Response).json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    expect((await db.query("SELECT count(*)::int AS n FROM evidence_imports")).rows[0].n).toBe(importsBefore);

    // The pipeline's one step.
    const imported = await run(
      process.execPath,
      ["scripts/twelvefold.mjs", "scan", "--import", "tests/fixtures/imports/trivy.sarif", "--url", baseURL!, "--service", "drifting-api"],
      { env: { NODE_ENV: "test", PATH: process.env.PATH, TWELVEFOLD_TOKEN: token } },
    );
    expect(imported.stderr).toContain("sarif 2.1.0, 3 results, 3 mapped to items; submitted");
    expect(imported.stderr).toContain(`drift: ${ITEM} (contradicted)`);
    expect(imported.stderr).toContain("pointing outside the repository");

    await page.goto(`/services/drifting-api?team=${team.slug}`);
    await expect(page.getByRole("heading", { name: /^Drifted \(3\)$/ })).toBeVisible();
    await expect(page.getByRole("link", { name: ITEM })).toBeVisible();
    await expect(page.getByText("deploy/k8s/deployment.yaml:21")).toBeVisible();
    // The import itself: what it was, how much mapped, and what was left out.
    await expect(page.getByRole("heading", { name: "Imported tool outputs" })).toBeVisible();
    await expect(page.getByText("3 results, 3 mapped to items · trivy.sarif")).toBeVisible();
    await expect(page.getByText(/1 result pointing outside the repository, not counted/)).toBeVisible();
    const scores = await db.query<{ latest: number; current: number }>(
      "SELECT latest_score AS latest, current_score AS current FROM services WHERE team_id = $1",
      [team.id],
    );
    expect(scores.rows[0]!.latest).toBe(100);
    expect(scores.rows[0]!.current).toBeLessThan(100);
    // Side by side: the approved score and the current one.
    await expect(page.getByRole("term").filter({ hasText: /^Approved$/ })).toBeVisible();
    await expect(page.getByRole("definition").nth(0)).toContainText("100");
    await expect(page.getByRole("term").filter({ hasText: /^Current$/ })).toBeVisible();
    await expect(page.getByRole("definition").nth(1)).toContainText(String(Math.round(scores.rows[0]!.current * 10) / 10));
    await page.screenshot({ path: "test-results/screenshots/drift-service.png", fullPage: true });
    await expectAccessible(page);
    await fitsEveryWidth(page, "drift-service", `/services/drifting-api?team=${team.slug}`);

    // The finding reopened at once, by the drift.
    const finding = await db.query<{ status: string }>(
      "SELECT f.status FROM findings f JOIN services s ON s.id = f.service_id WHERE s.team_id = $1 AND f.item_id = $2",
      [team.id, ITEM],
    );
    expect(finding.rows[0]!.status).toBe("open");

    // The lead is told (the worker fans the event out).
    await expect
      .poll(
        async () =>
          (
            await db.query(
              "SELECT 1 FROM notifications n JOIN notification_events e ON e.id = n.event_id JOIN users u ON u.id = n.user_id WHERE u.email = $1 AND e.kind = 'evidence.drifted'",
              [team.lead.email],
            )
          ).rowCount,
        { timeout: 30_000 },
      )
      .toBe(1);
    await page.goto("/notifications");
    await expect(page.getByText("Drifting Api: 3 approved answers have drifted")).toBeVisible();

    // The dashboard lists it.
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Drifted answers" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Drifting Api" }).first()).toBeVisible();
    await expectAccessible(page);
  } finally {
    await db.end();
  }
});
