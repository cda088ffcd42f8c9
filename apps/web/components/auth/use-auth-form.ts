"use client";

import { type FormEvent, useActionState, useEffect, useRef, useState } from "react";
import { forgetApiToken } from "@/lib/api-token";
import { type FieldErrors, fieldErrorsOf } from "@/lib/field-errors";
import { emptyFormState, type FormState } from "@/lib/form-state";
import { focusFirstInvalid } from "../ui/focus-first-invalid";

type AuthSchemas = typeof import("@/lib/auth-schemas");

interface AuthFormOptions<Field extends string> {
  /** A module-level list (the effect below depends on it). */
  fields: readonly Field[];
  /** The form's schema in lib/auth-schemas.ts, the one its server action checks with. */
  schema: keyof AuthSchemas;
  /** The form's server action (app/(auth)/actions.ts). */
  action: (state: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;
}

/**
 * The state of an account form bound to its server action: the same form
 * posts as plain HTML before hydration. Once hydrated and its schema loaded
 * (after the page, so that zod is not part of the page's first load; until
 * then the server action checks, as before hydration), it checks the fields
 * before any round trip, shows the server's answer next to the
 * field it concerns (focusing it) or above the form, and lets the action
 * navigate on success.
 */
export function useAuthForm<Field extends string>({ fields, schema, action }: AuthFormOptions<Field>) {
  const [state, formAction, pending] = useActionState(action, emptyFormState<Field>());
  // What this browser's own check found, shown until the server answers again.
  const [checked, setChecked] = useState<{ answer: FormState<Field>; errors: FieldErrors<Field> } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const checker = useRef<AuthSchemas[keyof AuthSchemas] | null>(null);

  useEffect(() => {
    // Should it fail to load, the server action goes on checking alone.
    void import("@/lib/auth-schemas").then(
      (schemas) => {
        checker.current = schemas[schema];
      },
      () => {},
    );
  }, [schema]);

  useEffect(() => {
    if (formRef.current) focusFirstInvalid(formRef.current, fields, state.errors);
  }, [state, fields]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    if (pending) {
      event.preventDefault();
      return;
    }
    const data = new FormData(event.currentTarget);
    const parsed = checker.current?.safeParse(Object.fromEntries(fields.map((field) => [field, data.get(field)])));
    if (parsed && !parsed.success) {
      // Cancelled here, the submit never reaches the action.
      event.preventDefault();
      const errors = fieldErrorsOf(parsed.error, fields);
      setChecked({ answer: state, errors });
      focusFirstInvalid(event.currentTarget, fields, errors);
      return;
    }
    setChecked({ answer: state, errors: {} });
    // A token kept in memory belongs to whoever was signed in before.
    forgetApiToken();
  }

  const own = checked?.answer === state ? checked : null;
  return {
    formRef,
    formAction,
    handleSubmit,
    busy: pending,
    values: state.values,
    errors: own ? own.errors : state.errors,
    failure: own ? null : state.failure,
  };
}
