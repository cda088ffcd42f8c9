"use client";

import Link from "next/link";
import { signUp } from "@/app/(auth)/actions";
import { PASSWORD_MIN_LENGTH, SIGN_UP_FIELDS } from "@/lib/auth-fields";
import { withNextPath } from "@/lib/safe-next-path";
import { FormAlert } from "../ui/form-alert";
import { FormField } from "../ui/form-field";
import { SubmitButton } from "../ui/submit-button";
import styles from "./auth-form.module.css";
import { useAuthForm } from "./use-auth-form";

export function SignUpForm({ next }: { next: string }) {
  const form = useAuthForm({ fields: SIGN_UP_FIELDS, schema: "signUpForm", action: signUp });

  return (
    <form
      ref={form.formRef}
      className={styles.form}
      action={form.formAction}
      onSubmit={form.handleSubmit}
      noValidate
      aria-labelledby="sign-up-title"
    >
      {form.failure ? <FormAlert>{form.failure}</FormAlert> : null}
      <input type="hidden" name="next" value={next} />
      <FormField label="Name" error={form.errors.name}>
        {(control) => (
          <input
            {...control}
            className="input"
            name="name"
            autoComplete="name"
            defaultValue={form.values.name}
            required
          />
        )}
      </FormField>
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
      <FormField label="Password" hint={`At least ${PASSWORD_MIN_LENGTH} characters`} error={form.errors.password}>
        {(control) => (
          <input {...control} className="input" name="password" type="password" autoComplete="new-password" required />
        )}
      </FormField>
      <SubmitButton busy={form.busy}>Sign up</SubmitButton>
      <p className={styles.switch}>
        Already have an account? <Link href={withNextPath("/sign-in", next)}>Sign in</Link>
      </p>
    </form>
  );
}
