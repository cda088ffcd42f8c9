"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { authClient } from "@/lib/auth-client";
import { authFailure, NETWORK_FAILURE } from "@/lib/auth-errors";
import { signInForm } from "@/lib/auth-schemas";
import { type FieldErrors, fieldErrorsOf } from "@/lib/field-errors";
import { withNextPath } from "@/lib/safe-next-path";
import styles from "./auth-form.module.css";
import { focusFirstInvalid } from "./focus-first-invalid";
import { FormAlert } from "./form-alert";
import { FormField } from "./form-field";
import { SubmitButton } from "./submit-button";

const FIELDS = ["email", "password"] as const;
type Field = (typeof FIELDS)[number];

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [navigating, startNavigation] = useTransition();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting || navigating) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = signInForm.safeParse({ email: data.get("email"), password: data.get("password") });
    setFailure(null);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error, FIELDS);
      setErrors(fieldErrors);
      focusFirstInvalid(form, FIELDS, fieldErrors);
      return;
    }
    setErrors({});
    setSubmitting(true);
    const result = await authClient.signIn.email(parsed.data).catch(() => null);
    setSubmitting(false);
    if (!result || result.error) {
      const problem = result ? authFailure(result.error) : NETWORK_FAILURE;
      if (problem.field) setErrors({ [problem.field]: problem.message });
      else setFailure(problem.message);
      return;
    }
    startNavigation(() => router.replace(next));
  }

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
      <SubmitButton busy={submitting || navigating}>Sign in</SubmitButton>
      <p className={styles.switch}>
        New here? <Link href={withNextPath("/sign-up", next)}>Create an account</Link>
      </p>
    </form>
  );
}
