import "server-only";
import { fieldErrorsOf } from "@/lib/field-errors";
import type { FormState } from "@/lib/form-state";
import { createTaskBody } from "@/lib/task-schemas";
import { ApiError } from "../http/api-error";
import { takeApiRequest } from "../limits/api-rate-limit";
import { createTask } from "./create-task";

export const ADD_TASK_FIELDS = ["title", "description", "due_date", "priority"] as const;
export type AddTaskState = FormState<(typeof ADD_TASK_FIELDS)[number]>;

/**
 * Adds a task for `userId` from the add form posted as plain HTML (before
 * hydration, or without JavaScript), checked with the API's own schema and
 * held to the API's limits: each post counts against the user's request
 * limit, so this is no unlimited way to write. Resolves to null once the task
 * is added, else to what the form shows.
 */
export async function addTaskFromForm(userId: string, formData: FormData): Promise<AddTaskState | null> {
  const submitted = {
    title: formData.get("title"),
    description: formData.get("description"),
    // An empty date field means no due date.
    due_date: formData.get("due_date") || null,
    priority: formData.get("priority") ?? undefined,
  };
  const values: AddTaskState["values"] = {};
  for (const field of ADD_TASK_FIELDS) {
    const value = submitted[field];
    if (typeof value === "string") values[field] = value;
  }
  try {
    takeApiRequest(userId);
    const parsed = createTaskBody.safeParse(submitted);
    if (!parsed.success) return { values, errors: fieldErrorsOf(parsed.error, ADD_TASK_FIELDS), failure: null };
    await createTask(userId, parsed.data);
    return null;
  } catch (error) {
    // The API's 429 and 409, in words for the form.
    if (!(error instanceof ApiError)) throw error;
    return { values, errors: {}, failure: failureOf(error) };
  }
}

function failureOf(error: ApiError): string {
  const retryAfter = error.headers["Retry-After"];
  return error.status === 429 && retryAfter ? `Too many requests; try again in ${retryAfter} s.` : error.detail;
}
