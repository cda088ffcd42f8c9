/** An error the API answers with its own status and `detail`; thrown anywhere, mapped in one place. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
}

/** A request body or query that failed its schema: 422 with every problem listed. */
export class RequestValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues[0]?.msg ?? "Invalid request");
  }
}

export const taskNotFound = () => new ApiError(404, "Task not found");

export const taskLimitReached = () => new ApiError(409, "Task limit reached");

export const missingCredentials = () =>
  new ApiError(401, "Missing authentication credentials", { "WWW-Authenticate": "Bearer" });

export const invalidToken = () =>
  new ApiError(401, "Invalid or expired token", { "WWW-Authenticate": 'Bearer error="invalid_token"' });
