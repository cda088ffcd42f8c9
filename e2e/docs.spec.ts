import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe";
import { signUpQuickly } from "./support/people";

test("the API reference sends real requests with the signed-in person's token", async ({ page }) => {
  await signUpQuickly(page);
  await page.goto("/docs");
  await expect(page.getByRole("heading", { name: "Todo API", level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page, "the API reference");

  // The planning additions: their endpoints, parameters and fields.
  await expect(page.getByRole("region", { name: "POST /api/tasks/{id}/move", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "POST /api/tasks/clear", exact: true })).toBeVisible();
  const list = page.getByRole("region", { name: "GET /api/tasks", exact: true });
  for (const parameter of ["sort", "due", "tz"]) await expect(list.getByText(parameter, { exact: true })).toBeVisible();
  await expect(page.getByText("due_date").first()).toBeAttached();

  const create = page.getByRole("region", { name: "POST /api/tasks", exact: true });
  await create.getByText("Try it").click();
  await create.getByLabel("JSON body").fill('{"title": "Made from the docs"}');
  await create.getByRole("button", { name: "Send POST" }).click();
  const answer = create.getByRole("status");
  await expect(answer).toContainText("201");
  await expect(answer).toContainText("Made from the docs");

  await page.goto("/tasks");
  await expect(page.getByRole("checkbox", { name: "Made from the docs" })).toBeVisible();
});

test("an unknown page is a real 404 page that runs its scripts", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expectNoSeriousViolations(page, "the 404 page");
  expect(violations).toEqual([]);
});
