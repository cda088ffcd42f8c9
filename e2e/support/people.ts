// Each test makes its own people: unique emails, so tests run in parallel
// on one database without cleaning up after each other.
import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";

export interface Person {
  name: string;
  email: string;
  password: string;
}

export function newPerson(): Person {
  const id = randomUUID();
  return { name: `Tess ${id.slice(0, 6)}`, email: `e2e-${id}@example.test`, password: `pw-${randomUUID()}` };
}

/** Signs up through the form, as a person would, and waits for the empty task list. */
export async function signUpInBrowser(page: Page, person: Person = newPerson()): Promise<Person> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  return person;
}

/** Quicker, for tests about something else: Better Auth's endpoint, with the page's own cookies. */
export async function signUpQuickly(page: Page, person: Person = newPerson()): Promise<Person> {
  const origin = new URL(test.info().project.use.baseURL ?? page.url()).origin;
  const response = await page.request.post("/api/auth/sign-up/email", { data: person, headers: { Origin: origin } });
  expect(response.status(), await response.text()).toBe(200);
  return person;
}

export async function signInInBrowser(page: Page, person: Person): Promise<void> {
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** An API token for whoever is signed in on `request`'s cookies. */
export async function apiToken(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/auth/token");
  expect(response.status()).toBe(200);
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("token" in body) || typeof body.token !== "string") {
    throw new Error("no token in /api/auth/token");
  }
  return body.token;
}

/** The signed-in user's id, from Better Auth's session endpoint. */
export async function currentUserId(request: APIRequestContext): Promise<string> {
  const body: unknown = await (await request.get("/api/auth/get-session")).json();
  const user = typeof body === "object" && body !== null && "user" in body ? body.user : undefined;
  if (typeof user === "object" && user !== null && "id" in user && typeof user.id === "string") return user.id;
  throw new Error("nobody is signed in");
}
