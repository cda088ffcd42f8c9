import type { FieldErrors } from "./field-errors";

/**
 * A form's server action answers with this when it does not navigate away.
 * The same state renders the form after a plain HTML post (no JavaScript) and
 * after a hydrated submit.
 */
export interface FormState<Field extends string> {
  /** What to fill the form in with again: what was typed, never a password. */
  values: Partial<Record<Field, string>>;
  errors: FieldErrors<Field>;
  /** A problem with the whole form rather than one field. */
  failure: string | null;
}

export function emptyFormState<Field extends string>(): FormState<Field> {
  return { values: {}, errors: {}, failure: null };
}
