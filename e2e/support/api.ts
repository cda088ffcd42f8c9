// Direct calls to the tasks API with a person's real token, to check what
// the UI did (or must not be able to do) from the server's side.
import { type APIRequestContext, expect } from "@playwright/test";

export interface ApiTask {
  id: string;
  title: string;
  completed: boolean;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Every task the token's owner has (first page of up to 100). */
export async function listTasksViaApi(request: APIRequestContext, token: string): Promise<ApiTask[]> {
  const response = await request.get("/api/tasks?limit=100", { headers: bearer(token) });
  expect(response.status()).toBe(200);
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("data" in body) || !Array.isArray(body.data)) {
    throw new Error("unexpected list body");
  }
  return body.data.map(toApiTask);
}

export async function createTaskViaApi(request: APIRequestContext, token: string, title: string): Promise<ApiTask> {
  const response = await request.post("/api/tasks", { headers: bearer(token), data: { title } });
  expect(response.status()).toBe(201);
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("data" in body)) throw new Error("unexpected create body");
  return toApiTask(body.data);
}

function toApiTask(value: unknown): ApiTask {
  if (
    typeof value === "object" &&
    value !== null &&
    "id" in value &&
    typeof value.id === "string" &&
    "title" in value &&
    typeof value.title === "string" &&
    "completed" in value &&
    typeof value.completed === "boolean"
  ) {
    return { id: value.id, title: value.title, completed: value.completed };
  }
  throw new Error(`not a task: ${JSON.stringify(value)}`);
}

/** The owner's tasks exactly as the API sends them, in `query`'s order (first page of up to 100). */
export async function rawTasksViaApi(request: APIRequestContext, token: string, query = ""): Promise<unknown[]> {
  const response = await request.get(`/api/tasks?limit=100${query}`, { headers: bearer(token) });
  expect(response.status()).toBe(200);
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("data" in body) || !Array.isArray(body.data)) {
    throw new Error("unexpected list body");
  }
  return body.data;
}
