"use client";

import Link from "next/link";
import { resetPassword } from "@/app/(auth)/actions";
import { PASSWORD_MIN_LENGTH, RESET_PASSWORD_FIELDS } from "@/lib/auth-fields";
import { FormAlert } from "../ui/form-alert";
import { FormField } from "../ui/form-field";
import { SubmitButton } from "../ui/submit-button";
import styles from "./auth-form.module.css";
import { useAuthForm } from "./use-auth-form";

/** Sets a new password with the token from the e-mailed link (posted, never put in another URL). */
export function ResetPasswordForm({ token }: { token: string }) {
  const form = useAuthForm({ fields: RESET_PASSWORD_FIELDS, schema: "resetPasswordForm", action: resetPassword });
  return (
    <form
      ref={form.formRef}
      className={styles.form}
      action={form.formAction}
      onSubmit={form.handleSubmit}
      noValidate
      aria-labelledby="reset-password-title"
    >
      {form.failure ? (
        <FormAlert action={<Link href="/forgot-password">Send a new link</Link>}>{form.failure}</FormAlert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <FormField
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters`}
        error={form.errors.newPassword}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
          />
        )}
      </FormField>
      <SubmitButton busy={form.busy}>Set new password</SubmitButton>
    </form>
  );
}
