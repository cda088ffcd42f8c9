"use client";

import Link from "next/link";
import { authClient } from "@/lib/auth-client";
import { signInForm } from "@/lib/auth-schemas";
import { withNextPath } from "@/lib/safe-next-path";
import { FormAlert } from "../ui/form-alert";
import { FormField } from "../ui/form-field";
import { SubmitButton } from "../ui/submit-button";
import styles from "./auth-form.module.css";
import { useAuthForm } from "./use-auth-form";

export function SignInForm({ next }: { next: string }) {
  const { errors, failure, busy, handleSubmit } = useAuthForm({
    fields: ["email", "password"],
    schema: signInForm,
    submit: (values) => authClient.signIn.email(values),
    next,
  });

  return (
    <form className={styles.form} noValidate onSubmit={handleSubmit} aria-labelledby="sign-in-title">
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      <FormField label="Email" error={errors.email}>
        {(control) => <input {...control} className="input" name="email" type="email" autoComplete="email" required />}
      </FormField>
      <FormField label="Password" error={errors.password}>
        {(control) => (
          <input
            {...control}
            className="input"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        )}
      </FormField>
      <SubmitButton busy={busy}>Sign in</SubmitButton>
      <p className={styles.switch}>
        New here? <Link href={withNextPath("/sign-up", next)}>Create an account</Link>
      </p>
    </form>
  );
}
