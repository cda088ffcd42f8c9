"use client";

import { useFormStatus } from "react-dom";
import { signOut } from "@/app/(auth)/actions";
import { forgetApiToken } from "@/lib/api-token";

/** A form, not a script: signing out works before hydration and without JavaScript. */
export function SignOutButton() {
  return (
    // The API token in memory must not outlive the session it came from.
    <form action={signOut} onSubmit={() => forgetApiToken()}>
      <SignOutSubmit />
    </form>
  );
}

function SignOutSubmit() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button button-secondary button-small" aria-disabled={pending || undefined}>
      Sign out
    </button>
  );
}
