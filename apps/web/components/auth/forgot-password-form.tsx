"use client";

import Link from "next/link";
import { requestPasswordReset } from "@/app/(auth)/actions";
import { FORGOT_PASSWORD_FIELDS } from "@/lib/auth-fields";
import { FormAlert } from "../ui/form-alert";
import { FormField } from "../ui/form-field";
import { SubmitButton } from "../ui/submit-button";
import styles from "./auth-form.module.css";
import { useAuthForm } from "./use-auth-form";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const form = useAuthForm({
    fields: FORGOT_PASSWORD_FIELDS,
    schema: "forgotPasswordForm",
    action: requestPasswordReset,
  });
  return (
    <form
      ref={form.formRef}
      className={styles.form}
      action={form.formAction}
      onSubmit={form.handleSubmit}
      noValidate
      aria-labelledby="forgot-password-title"
    >
      {form.failure ? <FormAlert>{form.failure}</FormAlert> : null}
      <FormField label="Email" error={form.errors.email}>
        {(control) => (
          <input
            {...control}
            className="input"
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={form.values.email}
            required
          />
        )}
      </FormField>
      <SubmitButton busy={form.busy}>Send reset link</SubmitButton>
      <p className={styles.switch}>
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
