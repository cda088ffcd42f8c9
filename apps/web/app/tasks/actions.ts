"use server";
// Adding a task as plain HTML (before hydration, or without JavaScript). Once
// hydrated, the form adds optimistically through the API instead. And the
// verify-email notice's "Remind me later".
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeNextPath, withNextPath } from "@/lib/safe-next-path";
import { getAuth } from "@/server/auth/auth";
import { remindLater } from "@/server/auth/verify-email-later";
import { type AddTaskState, addTaskFromForm } from "@/server/tasks/add-task-from-form";

export async function addTask(_previous: AddTaskState, formData: FormData): Promise<AddTaskState> {
  // The list to return to: the one the form was on (only paths on this site).
  const back = safeNextPath(formData.get("next"));
  // The owner is the session's user, never anything the form sent.
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) redirect(withNextPath("/sign-in", back));
  const refused = await addTaskFromForm(session.user.id, formData);
  if (refused) return refused;
  // A fresh GET of the list (post/redirect/get): a reload does not add it twice.
  redirect(back);
}

// The notice stays away until this browser closes; the state hides it at once.
export async function remindVerificationLater(_previous: boolean): Promise<boolean> {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (session) await remindLater(session.user.id);
  return true;
}
