"use server";
// Adding a task as plain HTML (before hydration, or without JavaScript). Once
// hydrated, the form adds optimistically through the API instead. And the
// verify-email notice's "Remind me later".
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { fieldErrorsOf } from "@/lib/field-errors";
import type { FormState } from "@/lib/form-state";
import { safeNextPath, withNextPath } from "@/lib/safe-next-path";
import { createTaskBody } from "@/lib/task-schemas";
import { getAuth } from "@/server/auth/auth";
import { remindLater } from "@/server/auth/verify-email-later";
import { createTask } from "@/server/tasks/create-task";

const FIELDS = ["title", "description", "due_date", "priority"] as const;
type AddTaskState = FormState<(typeof FIELDS)[number]>;

export async function addTask(_previous: AddTaskState, formData: FormData): Promise<AddTaskState> {
  // The list to return to: the one the form was on (only paths on this site).
  const back = safeNextPath(formData.get("next"));
  // The owner is the session's user, never anything the form sent.
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) redirect(withNextPath("/sign-in", back));

  const submitted = {
    title: formData.get("title"),
    description: formData.get("description"),
    // An empty date field means no due date.
    due_date: formData.get("due_date") || null,
    priority: formData.get("priority") ?? undefined,
  };
  const parsed = createTaskBody.safeParse(submitted);
  if (!parsed.success) {
    const values: AddTaskState["values"] = {};
    for (const field of FIELDS) {
      const value = submitted[field];
      if (typeof value === "string") values[field] = value;
    }
    return { values, errors: fieldErrorsOf(parsed.error, FIELDS), failure: null };
  }
  await createTask(session.user.id, parsed.data);
  // A fresh GET of the list (post/redirect/get): a reload does not add it twice.
  redirect(back);
}

// The notice stays away until this browser closes; the state hides it at once.
export async function remindVerificationLater(_previous: boolean): Promise<boolean> {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (session) await remindLater(session.user.id);
  return true;
}
