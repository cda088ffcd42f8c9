"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import type { z } from "zod";
import { authFailure, NETWORK_FAILURE } from "@/lib/auth-errors";
import { type FieldErrors, fieldErrorsOf } from "@/lib/field-errors";
import { focusFirstInvalid } from "../ui/focus-first-invalid";

interface AuthFormOptions<Field extends string, Schema extends z.ZodType> {
  fields: readonly Field[];
  schema: Schema;
  /** Sends the checked values to Better Auth; its client resolves to `{ error }` rather than throwing. */
  submit: (values: z.output<Schema>) => Promise<{ error: { status: number; code?: string | undefined } | null }>;
  /** Where to go once signed in. */
  next: string;
}

/**
 * The state of a sign-in or sign-up form: checks the fields with `schema`
 * before any round trip, shows Better Auth's answer next to the field it
 * concerns (focusing it) or above the form, and navigates to `next` on success.
 */
export function useAuthForm<Field extends string, Schema extends z.ZodType>({
  fields,
  schema,
  submit,
  next,
}: AuthFormOptions<Field, Schema>) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [navigating, startNavigation] = useTransition();
  const busy = submitting || navigating;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = schema.safeParse(Object.fromEntries(fields.map((field) => [field, data.get(field)])));
    setFailure(null);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error, fields);
      setErrors(fieldErrors);
      focusFirstInvalid(form, fields, fieldErrors);
      return;
    }
    setErrors({});
    setSubmitting(true);
    const result = await submit(parsed.data).catch(() => null);
    setSubmitting(false);
    if (!result || result.error) {
      const problem = result?.error ? authFailure(result.error) : NETWORK_FAILURE;
      const field = fields.find((name) => name === problem.field);
      if (field) {
        const fieldErrors: FieldErrors<Field> = {};
        fieldErrors[field] = problem.message;
        setErrors(fieldErrors);
        focusFirstInvalid(form, fields, fieldErrors);
      } else setFailure(problem.message);
      return;
    }
    startNavigation(() => router.replace(next));
  }

  return { errors, failure, busy, handleSubmit };
}
