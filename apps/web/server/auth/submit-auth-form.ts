import "server-only";
import type { z } from "zod";
import { authFailure } from "@/lib/auth-errors";
import { fieldErrorsOf } from "@/lib/field-errors";
import type { FormState } from "@/lib/form-state";
import { callAuthEndpoint } from "./call-auth-endpoint";

interface AuthForm<Field extends string> {
  fields: readonly Field[];
  /** The form's zod schema from lib/auth-schemas.ts, the same one the browser checks with. */
  schema: z.ZodType<Record<Field, string>>;
  /** The Better Auth endpoint that does the work, e.g. "/sign-in/email". */
  endpoint: `/${string}`;
}

/**
 * The body of an account form's server action: checks the submitted fields,
 * sends them to Better Auth, and answers with what the form should show, or
 * null when Better Auth said yes (the action then navigates).
 */
export async function submitAuthForm<Field extends string>(
  formData: FormData,
  { fields, schema, endpoint }: AuthForm<Field>,
): Promise<FormState<Field> | null> {
  const submitted = Object.fromEntries(fields.map((field) => [field, formData.get(field)]));
  const values: FormState<Field>["values"] = {};
  for (const field of fields) {
    const value = submitted[field];
    if (field !== "password" && typeof value === "string") values[field] = value;
  }
  const parsed = schema.safeParse(submitted);
  if (!parsed.success) return { values, errors: fieldErrorsOf(parsed.error, fields), failure: null };

  const result = await callAuthEndpoint(endpoint, parsed.data);
  if (result.ok) return null;
  const problem = authFailure(result);
  const field = fields.find((name) => name === problem.field);
  if (!field) return { values, errors: {}, failure: problem.message };
  const errors: FormState<Field>["errors"] = {};
  errors[field] = problem.message;
  return { values, errors, failure: null };
}
