"use client";

import { useState } from "react";
import { CloseIcon } from "../ui/icons";
import { useHydrated } from "../ui/use-hydrated";
import { ResendVerificationForm } from "./resend-verification-form";
import styles from "./verify-email-notice.module.css";

/** Shown until the account's address is verified; dismissible once the page runs its scripts. */
export function VerifyEmailNotice({ email }: { email: string }) {
  const hydrated = useHydrated();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
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
      {hydrated ? (
        <button
          type="button"
          className={`button button-ghost button-icon ${styles.dismiss}`}
          aria-label="Remind me later"
          onClick={() => setDismissed(true)}
        >
          <CloseIcon />
        </button>
      ) : null}
    </section>
  );
}
