"use client";

import { useActionState } from "react";
import { remindVerificationLater } from "@/app/tasks/actions";
import { CloseIcon } from "../ui/icons";
import { ResendVerificationForm } from "./resend-verification-form";
import styles from "./verify-email-notice.module.css";

/**
 * Shown until the account's address is verified. "Remind me later" puts it
 * away until the browser closes (a plain form: works before hydration).
 */
export function VerifyEmailNotice({ email }: { email: string }) {
  const [later, remindLater, pending] = useActionState(remindVerificationLater, false);
  if (later) return null;
  return (
    <section className={styles.notice} aria-labelledby="verify-email-title">
      <div className={styles.text}>
        <h2 id="verify-email-title">Verify your email address</h2>
        <p>
          We sent a link to <strong>{email}</strong>. Open it to confirm that this address is yours, so you can reset
          your password if you forget it.
        </p>
      </div>
      <ResendVerificationForm className={styles.resend} />
      <form action={remindLater} className={styles.dismiss}>
        <button
          type="submit"
          className="button button-ghost button-icon"
          aria-label="Remind me later"
          aria-disabled={pending || undefined}
        >
          <CloseIcon />
        </button>
      </form>
    </section>
  );
}
