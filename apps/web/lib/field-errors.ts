import type { core } from "zod/mini";

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** The first message of a failed zod parse for each of `fields`, for showing next to that field. */
export function fieldErrorsOf<Field extends string>(
  error: core.$ZodError,
  fields: readonly Field[],
): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const field of fields) {
    const issue = error.issues.find((candidate) => candidate.path[0] === field);
    if (issue) errors[field] = issue.message;
  }
  return errors;
}
