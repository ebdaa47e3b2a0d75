import { test as setup } from "@playwright/test";
import { demoPassword, emailOf, expectSignedIn, ROLES, signIn, stateFile } from "./roles";

for (const role of ROLES) {
  setup(`sign in as the demo ${role}`, async ({ page }) => {
    await signIn(page, emailOf(role), demoPassword());
    await page.waitForURL("/");
    await expectSignedIn(page, emailOf(role));
    await page.context().storageState({ path: stateFile(role) });
  });
}
