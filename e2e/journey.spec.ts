import { expect, test } from "@playwright/test";
import { signInInBrowser, signUpInBrowser } from "./support/people";
import { addTask, expectAllSaved, expectTitles, taskCheckbox, taskItem } from "./support/tasks-page";

test("a person signs up, manages tasks, and finds them again after signing back in", async ({ page }) => {
  const person = await signUpInBrowser(page);
  await expect(page.getByRole("heading", { name: "No tasks yet" })).toBeVisible();
  await expect(page.getByText("0 pending")).toBeVisible();

  await addTask(page, "Buy milk", "Oat milk, two litres");
  await addTask(page, "Call the plumber");
  await addTask(page, "Write the report");
  await expectTitles(page, ["Write the report", "Call the plumber", "Buy milk"]);
  await expect(page.getByText("3 pending")).toBeVisible();

  await taskCheckbox(page, "Call the plumber").check();
  await expect(taskCheckbox(page, "Call the plumber")).toBeChecked();
  await expect(page.getByText("2 pending")).toBeVisible();
  await expect(page.getByText("1 completed")).toBeVisible();
  await expectAllSaved(page);

  await page.getByRole("link", { name: "Pending", exact: true }).click();
  await expect(page).toHaveURL(/\/tasks\?status=pending$/);
  await expectTitles(page, ["Write the report", "Buy milk"]);
  await page.getByRole("link", { name: "Completed", exact: true }).click();
  await expect(page).toHaveURL(/\/tasks\?status=completed$/);
  await expectTitles(page, ["Call the plumber"]);
  await page.getByRole("link", { name: "All", exact: true }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expectTitles(page, ["Write the report", "Call the plumber", "Buy milk"]);

  await taskItem(page, "Buy milk").getByRole("button", { name: "Edit “Buy milk”" }).click();
  const editor = page.getByRole("form", { name: "Edit “Buy milk”" });
  await editor.getByLabel("Title").fill("Buy oat milk");
  await editor.getByLabel("Description").fill("From the corner shop");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(taskItem(page, "Buy oat milk")).toContainText("From the corner shop");

  await taskItem(page, "Write the report").getByRole("button", { name: "Delete “Write the report”" }).click();
  const toast = page.getByRole("status").filter({ hasText: "Deleted “Write the report”." });
  await expect(toast.getByRole("button", { name: "Undo" })).toBeVisible();
  await expectTitles(page, ["Call the plumber", "Buy oat milk"]);
  // The deletion is sent once its Undo has had its time.
  await expect(toast).toBeHidden();
  await expectAllSaved(page);

  await page.reload();
  await expectPersisted();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/sign-in");
  await signInInBrowser(page, person);
  await expect(page).toHaveURL(/\/tasks$/);
  await expectPersisted();

  async function expectPersisted() {
    await expectTitles(page, ["Call the plumber", "Buy oat milk"]);
    await expect(taskCheckbox(page, "Call the plumber")).toBeChecked();
    await expect(taskCheckbox(page, "Buy oat milk")).not.toBeChecked();
    await expect(taskItem(page, "Buy oat milk")).toContainText("From the corner shop");
    await expect(page.getByText("1 pending")).toBeVisible();
    await expect(page.getByText("1 completed")).toBeVisible();
  }
});
