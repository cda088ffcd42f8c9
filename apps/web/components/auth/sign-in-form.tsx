"use client";

import Link from "next/link";
import { signIn } from "@/app/(auth)/actions";
import { SIGN_IN_FIELDS } from "@/lib/auth-fields";
import { withNextPath } from "@/lib/safe-next-path";
import { FormAlert } from "../ui/form-alert";
import { FormField } from "../ui/form-field";
import { SubmitButton } from "../ui/submit-button";
import styles from "./auth-form.module.css";
import { useAuthForm } from "./use-auth-form";

export function SignInForm({ next }: { next: string }) {
  const form = useAuthForm({ fields: SIGN_IN_FIELDS, schema: "signInForm", action: signIn });

  return (
    <form
      ref={form.formRef}
      className={styles.form}
      action={form.formAction}
      onSubmit={form.handleSubmit}
      noValidate
      aria-labelledby="sign-in-title"
    >
      {form.failure ? <FormAlert>{form.failure}</FormAlert> : null}
      <input type="hidden" name="next" value={next} />
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
      <FormField label="Password" error={form.errors.password}>
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
      <SubmitButton busy={form.busy}>Sign in</SubmitButton>
      <p className={styles.switch}>
        <Link href="/forgot-password">Forgot password?</Link>
      </p>
      <p className={styles.switch}>
        New here? <Link href={withNextPath("/sign-up", next)}>Create an account</Link>
      </p>
    </form>
  );
}
