import { describe, expect, it } from "vitest";
import { NAME_MAX } from "./auth-fields";
import { deleteAccountForm, signInForm, signUpForm } from "./auth-schemas";

const valid = { name: "Ada", email: "ada@example.test", password: "long-enough" };

/** The first message for `field`, or undefined when the input passes. */
function problemWith(result: ReturnType<typeof signUpForm.safeParse>, field: string): string | undefined {
  return result.success ? undefined : result.error.issues.find((issue) => issue.path[0] === field)?.message;
}

describe("signUpForm", () => {
  it("accepts a valid person, trimming the name and email", () => {
    expect(signUpForm.parse({ ...valid, name: "  Ada ", email: " ada@example.test " })).toEqual(valid);
  });

  it(`counts the name in code points: ${NAME_MAX} emoji pass, ${NAME_MAX + 1} characters do not`, () => {
    expect(signUpForm.safeParse({ ...valid, name: "🙂".repeat(NAME_MAX) }).success).toBe(true);
    expect(problemWith(signUpForm.safeParse({ ...valid, name: "n".repeat(NAME_MAX + 1) }), "name")).toBe(
      `Use at most ${NAME_MAX} characters`,
    );
  });

  it.each(["name", "email", "password"])("refuses a NUL character in the %s", (field) => {
    const input = { ...valid, [field]: field === "email" ? "a\u0000@example.test" : "long\u0000enough" };
    expect(problemWith(signUpForm.safeParse(input), field)).toMatch(/NUL/);
  });
});

describe("signInForm and deleteAccountForm", () => {
  it("refuse a NUL character in the password", () => {
    expect(signInForm.safeParse({ email: valid.email, password: "a\u0000b" }).success).toBe(false);
    expect(deleteAccountForm.safeParse({ password: "a\u0000b" }).success).toBe(false);
  });

  it("ask for the password to delete the account", () => {
    const result = deleteAccountForm.safeParse({ password: "" });
    expect(result.success ? undefined : result.error.issues[0]?.message).toBe("Enter your password to confirm.");
  });
});
