import { expect, test } from "@playwright/test";
import { bearer, listTasksViaApi } from "./support/api";
import { apiToken, signUpQuickly } from "./support/people";
import { addForm, addTask, expectAllSaved, expectTitles } from "./support/tasks-page";

test.beforeEach(async ({ page }) => {
  await signUpQuickly(page);
  await page.goto("/tasks");
});

test("empty and 201-character titles are refused with a message, and nothing is created", async ({ page }) => {
  const form = addForm(page);
  const title = form.getByLabel("Title");
  const add = form.getByRole("button", { name: "Add task" });

  await add.click();
  await expect(form.getByRole("alert")).toHaveText("Title is required");
  await expect(title).toBeFocused();
  await expect(title).toHaveAttribute("aria-invalid", "true");

  await title.fill("    ");
  await add.click();
  await expect(form.getByRole("alert")).toHaveText("Title is required");

  await title.fill("x".repeat(201));
  await expect(form.getByText("201/200")).toBeVisible();
  await add.click();
  await expect(form.getByRole("alert")).toHaveText("Title must be at most 200 characters");

  await expect(page.getByRole("heading", { name: "No tasks yet" })).toBeVisible();
  const token = await apiToken(page.request);
  expect(await listTasksViaApi(page.request, token)).toEqual([]);

  // Exactly 200 is fine, and the error goes away.
  await addTask(page, "y".repeat(200));
  await expect(form.getByRole("alert")).toHaveCount(0);
  await expectAllSaved(page);
  expect(await listTasksViaApi(page.request, token)).toHaveLength(1);
});

test("the server's own refusal shows next to the field, and the text comes back", async ({ page }) => {
  // Past the form's check: the real server gets a title that is too long.
  await page.route("**/api/tasks", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    return route.continue({ postData: JSON.stringify({ title: "z".repeat(201) }) });
  });
  const form = addForm(page);
  await form.getByLabel("Title").fill("Looks fine here");
  await form.getByRole("button", { name: "Add task" }).click();

  await expect(form.getByRole("alert")).toHaveText("Title must be at most 200 characters");
  await expect(form.getByLabel("Title")).toHaveValue("Looks fine here");
  await expectTitles(page, []);
  await expect(page.getByRole("heading", { name: "No tasks yet" })).toBeVisible();
});

test("the API refuses bad titles too, for clients without the form", async ({ page }) => {
  const token = await apiToken(page.request);
  for (const [title, detail] of [
    ["", "Title is required"],
    ["x".repeat(201), "Title must be at most 200 characters"],
  ]) {
    const response = await page.request.post("/api/tasks", { headers: bearer(token), data: { title } });
    expect(response.status()).toBe(422);
    expect(await response.json()).toMatchObject({ detail });
  }
  expect(await listTasksViaApi(page.request, token)).toEqual([]);
});
