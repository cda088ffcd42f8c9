"use client";

import type { ReactNode } from "react";
import { deleteAccount } from "@/app/(auth)/actions";
import { DELETE_ACCOUNT_FIELDS } from "@/lib/auth-fields";
import { useAuthForm } from "../auth/use-auth-form";
import styles from "../ui/dialog.module.css";
import { FormAlert } from "../ui/form-alert";
import { FormField } from "../ui/form-field";
import { SubmitButton } from "../ui/submit-button";

interface DeleteAccountFormProps {
  /** The heading that names the form, and the text that explains it (ids of elements on the page). */
  titleId: string;
  descriptionId: string;
  /** What backs out: a button in the dialog, a link on the page of its own. */
  cancel: ReactNode;
  children?: ReactNode;
}

/** Deletes the account and, with it, every task; the password confirms it is really them. */
export function DeleteAccountForm({ titleId, descriptionId, cancel, children }: DeleteAccountFormProps) {
  const form = useAuthForm({ fields: DELETE_ACCOUNT_FIELDS, schema: "deleteAccountForm", action: deleteAccount });
  return (
    <form
      ref={form.formRef}
      className={styles.body}
      action={form.formAction}
      onSubmit={form.handleSubmit}
      noValidate
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
    >
      {children}
      {form.failure ? <FormAlert>{form.failure}</FormAlert> : null}
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
      <div className={styles.actions}>
        {cancel}
        <SubmitButton busy={form.busy} className="button button-danger">
          Delete account
        </SubmitButton>
      </div>
    </form>
  );
}
