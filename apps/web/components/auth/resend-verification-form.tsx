"use client";

import { useActionState } from "react";
import { type ResendState, resendVerification } from "@/app/settings/actions";

const NOT_YET: ResendState = { sent: false, failure: null };

/** Sends the verification link again; says so in place (a plain form: works before hydration). */
export function ResendVerificationForm({ className }: { className?: string }) {
  const [state, action, pending] = useActionState(resendVerification, NOT_YET);
  return (
    <form action={action} className={className}>
      <button type="submit" className="button button-secondary button-small" aria-disabled={pending || undefined}>
        Resend
      </button>
      {/* A live region, not role="status": the page's own status messages stay the only ones. */}
      <span aria-live="polite">{state.sent ? "Sent. Check your inbox." : null}</span>
      {state.failure ? <span role="alert">{state.failure}</span> : null}
    </form>
  );
}
