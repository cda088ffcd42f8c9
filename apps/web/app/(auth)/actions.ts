"use server";
// The account forms' server actions. A form bound to one of them posts as
// plain HTML before hydration or without JavaScript, and through React once
// hydrated: either way the password travels in a POST body, never in a URL.
import { RedirectType, redirect } from "next/navigation";
import {
  DELETE_ACCOUNT_FIELDS,
  deleteAccountForm,
  SIGN_IN_FIELDS,
  SIGN_UP_FIELDS,
  signInForm,
  signUpForm,
} from "@/lib/auth-schemas";
import type { FormState } from "@/lib/form-state";
import { safeNextPath } from "@/lib/safe-next-path";
import { callAuthEndpoint } from "@/server/auth/call-auth-endpoint";
import { submitAuthForm } from "@/server/auth/submit-auth-form";

type SignInState = FormState<(typeof SIGN_IN_FIELDS)[number]>;
type SignUpState = FormState<(typeof SIGN_UP_FIELDS)[number]>;
type DeleteAccountState = FormState<(typeof DELETE_ACCOUNT_FIELDS)[number]>;

// `next` comes from the form, so it is checked again here: only paths on this site.
export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const refused = await submitAuthForm(formData, {
    fields: SIGN_IN_FIELDS,
    schema: signInForm,
    endpoint: "/sign-in/email",
  });
  if (refused) return refused;
  redirect(safeNextPath(formData.get("next")), RedirectType.replace);
}

export async function signUp(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const refused = await submitAuthForm(formData, {
    fields: SIGN_UP_FIELDS,
    schema: signUpForm,
    endpoint: "/sign-up/email",
  });
  if (refused) return refused;
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
