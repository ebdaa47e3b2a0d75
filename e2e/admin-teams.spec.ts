import { expect, test } from "@playwright/test";
import { expectAccessible } from "./accessibility";
import { stateFile } from "./roles";

test.describe("the admin manages teams", () => {
  test.use({ storageState: stateFile("admin") });

  test("creates a team and renames it, and both show in the audit trail", async ({ page }) => {
    const name = `Observability ${Date.now()}`;
    await page.goto("/admin");
    await page.getByRole("link", { name: "Manage teams" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
    await expectAccessible(page);

    const create = page.locator("form", { has: page.getByRole("button", { name: "Create team" }) });
    await create.getByLabel("Team name").fill(name);
    await create.getByLabel("Description").fill("Metrics, traces and alerting.");
    await create.getByRole("button", { name: "Create team" }).click();
    await expect(create.getByRole("status")).toHaveText(`Created team ${name}.`);
    await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();

    // The team's entry keeps matching after the rename, which only appends to its name.
    const entry = page.getByRole("listitem").filter({ hasText: name });
    await entry.getByText(`Edit ${name}`).click();
    const edit = entry.locator("form");
    await edit.getByLabel("Team name").fill(`${name} & SRE`);
    await edit.getByRole("button", { name: "Save team" }).click();
    await expect(edit.getByRole("status")).toHaveText(`Saved ${name} & SRE.`);
    await expect(page.getByRole("heading", { level: 3, name: `${name} & SRE` })).toBeVisible();
    await expectAccessible(page);

    // A duplicate name is refused beside the field, and nothing changes.
    await create.getByLabel("Team name").fill("payments");
    await create.getByRole("button", { name: "Create team" }).click();
    await expect(create.getByText("A team with this name already exists.").first()).toBeVisible();

    await page.goto(`/audit?action=team.`);
    await expect(page.getByRole("row", { name: /team\.updated/ }).first()).toBeVisible();
    await expect(page.getByRole("row", { name: /team\.created/ }).first()).toBeVisible();
  });
});
