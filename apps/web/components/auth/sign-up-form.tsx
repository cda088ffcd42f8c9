"use client";

import Link from "next/link";
import { authClient } from "@/lib/auth-client";
import { PASSWORD_MIN_LENGTH, signUpForm } from "@/lib/auth-schemas";
import { withNextPath } from "@/lib/safe-next-path";
import { FormAlert } from "../ui/form-alert";
import { FormField } from "../ui/form-field";
import { SubmitButton } from "../ui/submit-button";
import styles from "./auth-form.module.css";
import { useAuthForm } from "./use-auth-form";

export function SignUpForm({ next }: { next: string }) {
  const { errors, failure, busy, handleSubmit } = useAuthForm({
    fields: ["name", "email", "password"],
    schema: signUpForm,
    submit: (values) => authClient.signUp.email(values),
    next,
  });

  return (
    <form className={styles.form} noValidate onSubmit={handleSubmit} aria-labelledby="sign-up-title">
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      <FormField label="Name" error={errors.name}>
        {(control) => <input {...control} className="input" name="name" autoComplete="name" required />}
      </FormField>
      <FormField label="Email" error={errors.email}>
        {(control) => <input {...control} className="input" name="email" type="email" autoComplete="email" required />}
      </FormField>
      <FormField label="Password" hint={`At least ${PASSWORD_MIN_LENGTH} characters`} error={errors.password}>
        {(control) => (
          <input {...control} className="input" name="password" type="password" autoComplete="new-password" required />
        )}
      </FormField>
      <SubmitButton busy={busy}>Sign up</SubmitButton>
      <p className={styles.switch}>
        Already have an account? <Link href={withNextPath("/sign-in", next)}>Sign in</Link>
      </p>
    </form>
  );
}
