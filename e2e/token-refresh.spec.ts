import { expect, type Page, test } from "@playwright/test";
import { signInInBrowser, signUpQuickly } from "./support/people";
import { addTask, expectAllSaved, taskCheckbox } from "./support/tasks-page";

/** Counts the browser's requests for a new API token. */
function countTokenRequests(page: Page): () => number {
  let count = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/auth/token") count += 1;
  });
  return () => count;
}

// Errors the person would see (Next's route announcer is an alert too, outside main).
const visibleErrors = (page: Page) => page.getByRole("main").getByRole("alert");

test("an API token that ran out is replaced before use, unnoticed", async ({ page }) => {
  await signUpQuickly(page);
  await page.clock.install();
  // Counted from before the page loads: it asks for its token as it starts, which may be before "load".
  const tokenRequests = countTokenRequests(page);
  await page.goto("/tasks");

  await addTask(page, "Added with a fresh token");
  await expectAllSaved(page);
  expect(tokenRequests()).toBe(1);

  await addTask(page, "Added with the same token");
  await expectAllSaved(page);
  expect(tokenRequests()).toBe(1);

  // Tokens live 15 minutes: after 16, the page asks for a new one first.
  await page.clock.fastForward("16:00");
  await addTask(page, "Added after the token expired");
  await expectAllSaved(page);
  expect(tokenRequests()).toBe(2);
  await expect(visibleErrors(page)).toHaveCount(0);
});

test("a token the server refuses is refreshed and the request retried once, unnoticed", async ({ page }) => {
  await signUpQuickly(page);
  await page.goto("/tasks");
  await addTask(page, "Water the plants");
  await expectAllSaved(page);
  const tokenRequests = countTokenRequests(page);

  // The real server gets an invalid token once (as with an expired one) and answers 401.
  let refused = false;
  await page.route("**/api/tasks/**", async (route) => {
    if (refused) return route.continue();
    refused = true;
    return route.continue({ headers: { ...route.request().headers(), authorization: "Bearer expired.or.invalid" } });
  });
  const statuses: number[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/api/tasks/")) statuses.push(response.status());
  });

  await taskCheckbox(page, "Water the plants").check();
  await expectAllSaved(page);
  await expect(taskCheckbox(page, "Water the plants")).toBeChecked();
  expect(statuses).toEqual([401, 200]);
  expect(tokenRequests()).toBe(1);
  await expect(visibleErrors(page)).toHaveCount(0);

  await page.reload();
  await expect(taskCheckbox(page, "Water the plants")).toBeChecked();
});

test("when the session has ended as well, the person signs in again and comes back", async ({ page }) => {
  const person = await signUpQuickly(page);
  await page.goto("/tasks?status=pending");
  await addTask(page, "Feed the cat");
  await expectAllSaved(page);

  // The session ends (signed out elsewhere) and the token in memory stops working.
  await page.context().clearCookies();
  await page.route("**/api/tasks/**", (route) =>
    route.continue({ headers: { ...route.request().headers(), authorization: "Bearer no.longer.valid" } }),
  );
  await taskCheckbox(page, "Feed the cat").check();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks%3Fstatus%3Dpending$/);

  await page.unrouteAll();
  await signInInBrowser(page, person);
  await expect(page).toHaveURL(/\/tasks\?status=pending$/);
  await expect(taskCheckbox(page, "Feed the cat")).not.toBeChecked();
});
