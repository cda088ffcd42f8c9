"use server";
// The account forms' server actions. A form bound to one of them posts as
// plain HTML before hydration or without JavaScript, and through React once
// hydrated: either way the password travels in a POST body, never in a URL.
import { RedirectType, redirect } from "next/navigation";
import {
  DELETE_ACCOUNT_FIELDS,
  FORGOT_PASSWORD_FIELDS,
  RESET_PASSWORD_FIELDS,
  SIGN_IN_FIELDS,
  SIGN_UP_FIELDS,
} from "@/lib/auth-fields";
import { deleteAccountForm, forgotPasswordForm, resetPasswordForm, signInForm, signUpForm } from "@/lib/auth-schemas";
import type { FormState } from "@/lib/form-state";
import { safeNextPath } from "@/lib/safe-next-path";
import { callAuthEndpoint } from "@/server/auth/call-auth-endpoint";
import { EMAIL_VERIFIED_PATH, RESET_PASSWORD_PATH } from "@/server/auth/mail-landing";
import { resetTokenOwner } from "@/server/auth/reset-token-owner";
import { submitAuthForm } from "@/server/auth/submit-auth-form";
import { getEnv } from "@/server/env";

type SignInState = FormState<(typeof SIGN_IN_FIELDS)[number]>;
type SignUpState = FormState<(typeof SIGN_UP_FIELDS)[number]>;
type DeleteAccountState = FormState<(typeof DELETE_ACCOUNT_FIELDS)[number]>;
type ForgotPasswordState = FormState<(typeof FORGOT_PASSWORD_FIELDS)[number]>;
type ResetPasswordState = FormState<(typeof RESET_PASSWORD_FIELDS)[number]>;

// `next` comes from the form, so it is checked again here: only paths on this site.
export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const refused = await submitAuthForm(formData, {
    fields: SIGN_IN_FIELDS,
    schema: signInForm,
    endpoint: "/sign-in/email",
    // For the new link sent when REQUIRE_EMAIL_VERIFICATION refuses an unverified address.
    extra: { callbackURL: EMAIL_VERIFIED_PATH },
  });
  if (refused) return refused;
  redirect(safeNextPath(formData.get("next")), RedirectType.replace);
}

export async function signUp(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const refused = await submitAuthForm(formData, {
    fields: SIGN_UP_FIELDS,
    schema: signUpForm,
    endpoint: "/sign-up/email",
    extra: { callbackURL: EMAIL_VERIFIED_PATH },
  });
  if (refused) return refused;
  // No session until the address is verified: say where the link went.
  if (getEnv().REQUIRE_EMAIL_VERIFICATION) redirect("/verify-email?sent=1", RedirectType.replace);
  redirect(safeNextPath(formData.get("next")), RedirectType.replace);
}

export async function signOut(): Promise<void> {
  await callAuthEndpoint("/sign-out", {});
  redirect("/", RedirectType.replace);
}

export async function deleteAccount(_previous: DeleteAccountState, formData: FormData): Promise<DeleteAccountState> {
  const refused = await submitAuthForm(formData, {
    fields: DELETE_ACCOUNT_FIELDS,
    schema: deleteAccountForm,
    endpoint: "/delete-user",
  });
  if (refused) return refused;
  redirect("/?account=deleted", RedirectType.replace);
}

// The same answer whether or not the address has an account (Better Auth's own
// answer is the same, and the e-mail goes out in the background).
export async function requestPasswordReset(
  _previous: ForgotPasswordState,
  formData: FormData,
): Promise<ForgotPasswordState> {
  const refused = await submitAuthForm(formData, {
    fields: FORGOT_PASSWORD_FIELDS,
    schema: forgotPasswordForm,
    endpoint: "/request-password-reset",
    extra: { redirectTo: RESET_PASSWORD_PATH },
  });
  if (refused) return refused;
  redirect("/forgot-password?sent=1", RedirectType.replace);
}

// Better Auth ends every session of the account (revokeSessionsOnPasswordReset);
// this browser then signs in with the new password.
export async function resetPassword(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  const token = formData.get("token");
  const newPassword = formData.get("newPassword");
  if (typeof token !== "string" || token === "") redirect("/reset-password?error=INVALID_TOKEN", RedirectType.replace);
  const email = await resetTokenOwner(token);
  const refused = await submitAuthForm(formData, {
    fields: RESET_PASSWORD_FIELDS,
    schema: resetPasswordForm,
    endpoint: "/reset-password",
    extra: { token },
  });
  if (refused) return refused;
  const signedIn =
    email !== undefined &&
    typeof newPassword === "string" &&
    (await callAuthEndpoint("/sign-in/email", { email, password: newPassword })).ok;
  redirect(signedIn ? "/tasks" : "/sign-in?reset=done", RedirectType.replace);
}
