import "server-only";
import type * as z from "zod/mini";
import { type AuthFailure, authFailure } from "@/lib/auth-errors";
import { fieldErrorsOf } from "@/lib/field-errors";
import type { FormState } from "@/lib/form-state";
import { type AuthEndpointBody, callAuthEndpoint } from "./call-auth-endpoint";

interface AuthForm<Field extends string, Parsed extends AuthEndpointBody> {
  fields: readonly Field[];
  /** The form's zod schema from lib/auth-schemas.ts, the same one the browser checks with. */
  schema: z.ZodMiniType<Parsed>;
  /** The Better Auth endpoint that does the work, e.g. "/sign-in/email". */
  endpoint: `/${string}`;
  /** What the endpoint needs besides the form's fields (a token, a callback URL). */
  extra?: AuthEndpointBody;
  /** The form's field for a problem Better Auth names by its own name (its "password" is our "currentPassword"). */
  fieldFor?: Partial<Record<NonNullable<AuthFailure["field"]>, Field>>;
}

/**
 * The body of an account form's server action: checks the submitted fields,
 * sends them to Better Auth, and answers with what the form should show, or
 * null when Better Auth said yes (the action then navigates).
 */
export async function submitAuthForm<Field extends string, Parsed extends AuthEndpointBody>(
  formData: FormData,
  { fields, schema, endpoint, extra, fieldFor }: AuthForm<Field, Parsed>,
): Promise<FormState<Field> | null> {
  const submitted = Object.fromEntries(fields.map((field) => [field, formData.get(field)]));
  const values: FormState<Field>["values"] = {};
  for (const field of fields) {
    const value = submitted[field];
    // A password is never sent back into the page.
    if (!/password/i.test(field) && typeof value === "string") values[field] = value;
  }
  const parsed = schema.safeParse(submitted);
  if (!parsed.success) return { values, errors: fieldErrorsOf(parsed.error, fields), failure: null };

  const result = await callAuthEndpoint(endpoint, { ...parsed.data, ...extra });
  if (result.ok) return null;
  const problem = authFailure(result);
  const field = problem.field
    ? (fieldFor?.[problem.field] ?? fields.find((name) => name === problem.field))
    : undefined;
  if (!field) return { values, errors: {}, failure: problem.message };
  const errors: FormState<Field>["errors"] = {};
  errors[field] = problem.message;
  return { values, errors, failure: null };
}
