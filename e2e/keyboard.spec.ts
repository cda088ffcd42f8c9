import { expect, type Locator, type Page, test } from "@playwright/test";
import { newPerson } from "./support/people";
import { addForm, expectAllSaved, expectTitles, taskCheckbox, taskItem } from "./support/tasks-page";

/** Presses Tab until `target` has focus: proves it can be reached without a mouse. */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with Tab`);
}

test("a person can do everything from the keyboard alone", async ({ page }) => {
  const person = newPerson();
  await page.goto("/");
  await tabTo(page, page.getByRole("main").getByRole("link", { name: "Sign up" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sign-up$/);

  await tabTo(page, page.getByLabel("Name"));
  await page.keyboard.type(person.name);
  await page.keyboard.press("Tab");
  await page.keyboard.type(person.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(person.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/tasks$/);

  const title = addForm(page).getByLabel("Title");
  await tabTo(page, title);
  await page.keyboard.type("Plan the trip");
  await page.keyboard.press("Enter");
  await expect(taskCheckbox(page, "Plan the trip")).toBeVisible();
  await expect(title).toBeFocused();
  await page.keyboard.type("Pack the bags");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Passport, charger, snacks");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expectTitles(page, ["Pack the bags", "Plan the trip"]);

  await tabTo(page, taskCheckbox(page, "Plan the trip"));
  await page.keyboard.press("Space");
  await expect(taskCheckbox(page, "Plan the trip")).toBeChecked();

  const edit = taskItem(page, "Pack the bags").getByRole("button", { name: /^Edit/ });
  await tabTo(page, edit);
  await page.keyboard.press("Enter");
  const editorTitle = page.getByRole("form", { name: /^Edit/ }).getByLabel("Title");
  await expect(editorTitle).toBeFocused();
  await page.keyboard.type("Pack light");
  await page.keyboard.press("Enter");
  await expect(taskCheckbox(page, "Pack light")).toBeVisible();
  await expect(taskItem(page, "Pack light").getByRole("button", { name: /^Edit/ })).toBeFocused();

  // Delete at once, with an Undo to reach from the keyboard too.
  await page.keyboard.press("Tab");
  await expect(taskItem(page, "Pack light").getByRole("button", { name: /^Delete/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expectTitles(page, ["Plan the trip"]);
  await expect(taskCheckbox(page, "Plan the trip")).toBeFocused();
  await expectAllSaved(page);

  await tabTo(page, page.getByRole("link", { name: "Completed", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/status=completed$/);
  await expectTitles(page, ["Plan the trip"]);

  await page.keyboard.press("Shift+Tab");
  await tabTo(page, page.getByRole("button", { name: "Sign out" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/$/);
});
