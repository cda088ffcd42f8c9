"use server";
// The settings page's server actions: each form posts as plain HTML before
// hydration or without JavaScript, goes through Better Auth's own endpoint
// (origin check, rate limit, input checks), and comes back to /settings with
// what happened (post/redirect/get), or with what to fix.
import { headers } from "next/headers";
import { RedirectType, redirect } from "next/navigation";
import { CHANGE_EMAIL_FIELDS, CHANGE_NAME_FIELDS, CHANGE_PASSWORD_FIELDS } from "@/lib/auth-fields";
import { changeEmailForm, changeNameForm, changePasswordForm } from "@/lib/auth-schemas";
import type { FormState } from "@/lib/form-state";
import { withNextPath } from "@/lib/safe-next-path";
import type { SettingsOutcome } from "@/lib/settings-outcome";
import { getAuth } from "@/server/auth/auth";
import { callAuthEndpoint } from "@/server/auth/call-auth-endpoint";
import { EMAIL_VERIFIED_PATH } from "@/server/auth/mail-landing";
import { submitAuthForm } from "@/server/auth/submit-auth-form";

type ChangeNameState = FormState<(typeof CHANGE_NAME_FIELDS)[number]>;
type ChangeEmailState = FormState<(typeof CHANGE_EMAIL_FIELDS)[number]>;
type ChangePasswordState = FormState<(typeof CHANGE_PASSWORD_FIELDS)[number]>;

const done = (outcome: SettingsOutcome): never => redirect(`/settings?done=${outcome}`, RedirectType.replace);

async function currentSession() {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) redirect(withNextPath("/sign-in", "/settings"));
  return session;
}

export async function changeName(_previous: ChangeNameState, formData: FormData): Promise<ChangeNameState> {
  const refused = await submitAuthForm(formData, {
    fields: CHANGE_NAME_FIELDS,
    schema: changeNameForm,
    endpoint: "/update-user",
  });
  return refused ?? done("name");
}

// The account keeps its address until the link sent to the new one is opened.
export async function changeEmail(_previous: ChangeEmailState, formData: FormData): Promise<ChangeEmailState> {
  const { user } = await currentSession();
  const newEmail = formData.get("newEmail");
  if (typeof newEmail === "string" && newEmail.trim().toLowerCase() === user.email.toLowerCase()) {
    return { values: { newEmail }, errors: { newEmail: "This is already your email address." }, failure: null };
  }
  const refused = await submitAuthForm(formData, {
    fields: CHANGE_EMAIL_FIELDS,
    schema: changeEmailForm,
    endpoint: "/change-email",
    extra: { callbackURL: EMAIL_VERIFIED_PATH },
    fieldFor: { email: "newEmail" },
  });
  return refused ?? done("email-sent");
}

export async function changePassword(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const refused = await submitAuthForm(formData, {
    fields: CHANGE_PASSWORD_FIELDS,
    schema: changePasswordForm,
    endpoint: "/change-password",
    // Better Auth's "password" problems concern the current one: a new one was checked here first.
    fieldFor: { password: "currentPassword" },
  });
  return refused ?? done("password");
}

// The form names a session by its id: session tokens never reach the page.
export async function revokeSession(formData: FormData): Promise<void> {
  const sessionId = formData.get("sessionId");
  const sessions = await getAuth().api.listSessions({ headers: await headers() });
  const session = sessions.find((candidate) => candidate.id === sessionId);
  if (session) await callAuthEndpoint("/revoke-session", { token: session.token });
  done("session-ended");
}

export async function revokeOtherSessions(): Promise<void> {
  await callAuthEndpoint("/revoke-other-sessions", {});
  done("others-ended");
}

export interface ResendState {
  sent: boolean;
  failure: string | null;
}

export async function resendVerification(_previous: ResendState): Promise<ResendState> {
  const { user } = await currentSession();
  const result = await callAuthEndpoint("/send-verification-email", {
    email: user.email,
    callbackURL: EMAIL_VERIFIED_PATH,
  });
  if (result.ok) return { sent: true, failure: null };
  return {
    sent: false,
    failure: result.status === 429 ? "Too many attempts. Wait a minute, then try again." : "Could not send the email.",
  };
}
