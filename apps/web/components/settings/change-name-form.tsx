"use client";

import { changeName } from "@/app/settings/actions";
import { CHANGE_NAME_FIELDS } from "@/lib/auth-fields";
import { useAuthForm } from "../auth/use-auth-form";
import { FormAlert } from "../ui/form-alert";
import { FormField } from "../ui/form-field";
import { SubmitButton } from "../ui/submit-button";
import styles from "./settings.module.css";

export function ChangeNameForm({ name }: { name: string }) {
  const form = useAuthForm({ fields: CHANGE_NAME_FIELDS, schema: "changeNameForm", action: changeName });
  return (
    <form
      ref={form.formRef}
      className={styles.form}
      action={form.formAction}
      onSubmit={form.handleSubmit}
      noValidate
      aria-labelledby="name-title"
    >
      {form.failure ? <FormAlert>{form.failure}</FormAlert> : null}
      <FormField label="Name" error={form.errors.name}>
        {(control) => (
          <input
            {...control}
            className="input"
            name="name"
            autoComplete="name"
            defaultValue={form.values.name ?? name}
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
