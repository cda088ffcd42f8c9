// The account forms' limits and field names, apart from their schemas
// (auth-schemas.ts) so that a form can show them without loading zod.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const NAME_MAX = 100;

// The fields of each form, for reading FormData and placing errors.
export const SIGN_UP_FIELDS = ["name", "email", "password"] as const;
export const SIGN_IN_FIELDS = ["email", "password"] as const;
export const DELETE_ACCOUNT_FIELDS = ["password"] as const;
export const FORGOT_PASSWORD_FIELDS = ["email"] as const;
export const RESET_PASSWORD_FIELDS = ["newPassword"] as const;
export const CHANGE_PASSWORD_FIELDS = ["currentPassword", "newPassword", "revokeOtherSessions"] as const;
export const CHANGE_NAME_FIELDS = ["name"] as const;
export const CHANGE_EMAIL_FIELDS = ["newEmail"] as const;
