"use client";

import { changeEmail } from "@/app/settings/actions";
import { CHANGE_EMAIL_FIELDS } from "@/lib/auth-fields";
import { useAuthForm } from "../auth/use-auth-form";
import { FormAlert } from "../ui/form-alert";
import { FormField } from "../ui/form-field";
import { SubmitButton } from "../ui/submit-button";
import styles from "./settings.module.css";

/** Asks for the new address; it replaces the old one once its e-mailed link has been opened. */
export function ChangeEmailForm() {
  const form = useAuthForm({ fields: CHANGE_EMAIL_FIELDS, schema: "changeEmailForm", action: changeEmail });
  return (
    <form
      ref={form.formRef}
      className={styles.form}
      action={form.formAction}
      onSubmit={form.handleSubmit}
      noValidate
      aria-labelledby="email-title"
    >
      {form.failure ? <FormAlert>{form.failure}</FormAlert> : null}
      <FormField label="New email" error={form.errors.newEmail}>
        {(control) => (
          <input
            {...control}
            className="input"
            name="newEmail"
            type="email"
            autoComplete="email"
            defaultValue={form.values.newEmail}
            required
          />
        )}
      </FormField>
      <div className={styles.actions}>
        <SubmitButton busy={form.busy}>Save</SubmitButton>
      </div>
    </form>
  );
}
