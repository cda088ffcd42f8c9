"use client";

import { changePassword } from "@/app/settings/actions";
import { CHANGE_PASSWORD_FIELDS, PASSWORD_MIN_LENGTH } from "@/lib/auth-fields";
import { useAuthForm } from "../auth/use-auth-form";
import { FormAlert } from "../ui/form-alert";
import { FormField } from "../ui/form-field";
import { SubmitButton } from "../ui/submit-button";
import styles from "./settings.module.css";

export function ChangePasswordForm() {
  const form = useAuthForm({ fields: CHANGE_PASSWORD_FIELDS, schema: "changePasswordForm", action: changePassword });
  return (
    <form
      ref={form.formRef}
      className={styles.form}
      action={form.formAction}
      onSubmit={form.handleSubmit}
      noValidate
      aria-labelledby="password-title"
    >
      {form.failure ? <FormAlert>{form.failure}</FormAlert> : null}
      <FormField label="Current password" error={form.errors.currentPassword}>
        {(control) => (
          <input
            {...control}
            className="input"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
          />
        )}
      </FormField>
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
      <label className={styles.check}>
        <input type="checkbox" name="revokeOtherSessions" defaultChecked />
        Sign out of all other devices
      </label>
      <div className={styles.actions}>
        <SubmitButton busy={form.busy}>Save</SubmitButton>
      </div>
    </form>
  );
}
