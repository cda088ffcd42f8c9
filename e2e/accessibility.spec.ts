import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe";
import { newPerson, signUpQuickly } from "./support/people";
import {
  addForm,
  addTask,
  browserDate,
  expectAllSaved,
  expectTitles,
  taskCheckbox,
  taskItem,
} from "./support/tasks-page";

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test("the signed-out pages, with and without errors", async ({ page }) => {
      await page.goto("/");
      await expectNoSeriousViolations(page, "the landing page");

      await page.goto("/sign-in");
      await expectNoSeriousViolations(page, "sign-in");
      await page.getByLabel("Email").fill(newPerson().email);
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
      await expectNoSeriousViolations(page, "sign-in with an error");

      await page.goto("/sign-up");
      await expectNoSeriousViolations(page, "sign-up");
      await page.getByRole("button", { name: "Sign up" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveCount(3);
      await expectNoSeriousViolations(page, "sign-up with errors");

      await page.goto("/forgot-password");
      await expectNoSeriousViolations(page, "forgot password");
      await page.getByRole("button", { name: "Send reset link" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
      await expectNoSeriousViolations(page, "forgot password with an error");
      await page.getByLabel("Email").fill(newPerson().email);
      await page.getByRole("button", { name: "Send reset link" }).click();
      await expect(page.getByRole("status")).toBeVisible();
      await expectNoSeriousViolations(page, "forgot password, sent");

      await page.goto("/reset-password?token=not-a-real-token");
      await expectNoSeriousViolations(page, "reset password");
      await page.goto("/reset-password?error=INVALID_TOKEN");
      await expectNoSeriousViolations(page, "a reset link that no longer works");
      await page.goto("/verify-email?verified=1&error=TOKEN_EXPIRED");
      await expectNoSeriousViolations(page, "a verification link that no longer works");
    });

    test("settings, with errors and dialogs", async ({ page }) => {
      await signUpQuickly(page);
      await page.goto("/tasks");
      await expect(page.getByRole("region", { name: "Verify your email address" })).toBeVisible();
      await expectNoSeriousViolations(page, "the task list with the verification notice");

      await page.goto("/settings");
      await expectNoSeriousViolations(page, "settings");
      const password = page.getByRole("form", { name: "Password", exact: true });
      await password.getByRole("button", { name: "Save" }).click();
      await expect(password.getByRole("alert")).toHaveCount(2);
      await expectNoSeriousViolations(page, "settings with errors");

      await page.getByRole("button", { name: "Delete account" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectNoSeriousViolations(page, "the delete-account dialog");
      await page.keyboard.press("Escape");
    });

    test("planning: due dates, priorities, an overdue task, Today and Upcoming", async ({ page }) => {
      await signUpQuickly(page);
      await page.goto("/tasks?status=upcoming");
      await expect(page.getByRole("heading", { name: /^Nothing/ })).toBeVisible();
      await expectNoSeriousViolations(page, "the empty Upcoming view");

      await page.getByRole("link", { name: "All", exact: true }).click();
      await addTask(page, "Water the plants", undefined, { due: await browserDate(page, 0), priority: "Medium" });
      await addTask(page, "File the taxes", undefined, { due: await browserDate(page, -2), priority: "High" });
      await addTask(page, "Dentist", undefined, { due: await browserDate(page, 3), priority: "Low" });
      await addTask(page, "Old receipt", undefined, { due: await browserDate(page, -5) });
      await taskCheckbox(page, "Old receipt").check();
      await expectAllSaved(page);
      await expect(taskItem(page, "File the taxes").locator("[data-overdue]")).toContainText("Overdue · 2 days");
      await expectNoSeriousViolations(page, "a list with due dates, priorities and an overdue task");

      await page.getByLabel("Sort").selectOption({ label: "Due date" });
      await expect(page).toHaveURL(/sort=due/);
      await expectNoSeriousViolations(page, "the list sorted by due date");

      await page.getByRole("link", { name: "Upcoming", exact: true }).click();
      await expectTitles(page, ["Dentist"]);
      await expectNoSeriousViolations(page, "the Upcoming view");
    });

    test("the task list in each of its states", async ({ page }) => {
      await signUpQuickly(page);
      await page.goto("/tasks");
      await expect(page.getByRole("heading", { name: "No tasks yet" })).toBeVisible();
      await expectNoSeriousViolations(page, "the empty list");

      await addForm(page).getByRole("button", { name: "Add task" }).click();
      await expect(addForm(page).getByRole("alert")).toBeVisible();
      await expectNoSeriousViolations(page, "the add form with an error");

      await addTask(page, "Renew passport", "Photos first, then the form at the post office");
      await addTask(page, "Book dentist");
      await taskCheckbox(page, "Book dentist").check();
      await expectAllSaved(page);
      await expectNoSeriousViolations(page, "a list with pending and completed tasks");

      await taskItem(page, "Renew passport").getByRole("button", { name: /^Edit/ }).click();
      await expect(page.getByRole("form", { name: /^Edit/ })).toBeVisible();
      await expectNoSeriousViolations(page, "a task being edited");
      await page.keyboard.press("Escape");

      await taskItem(page, "Book dentist")
        .getByRole("button", { name: /^Delete/ })
        .click();
      const undo = page.getByRole("button", { name: "Undo" });
      await expect(undo).toBeVisible();
      // On the toast, the pointer holds the Undo open for as long as the check takes.
      await undo.hover();
      await expectNoSeriousViolations(page, "a deletion with its Undo");
      await undo.click();
      await expect(taskCheckbox(page, "Book dentist")).toBeVisible();

      await page.getByRole("link", { name: "Completed", exact: true }).click();
      await page.getByRole("searchbox", { name: "Search tasks" }).fill("nothing like this");
      await expect(page.getByRole("heading", { name: "No matching tasks" })).toBeVisible();
      await expectNoSeriousViolations(page, "a search with no results");
    });
  });
}
