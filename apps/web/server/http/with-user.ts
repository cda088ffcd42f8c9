import "server-only";
import { InvalidTokenError } from "../auth/token-verifier";
import { verifyToken } from "../auth/verify-token";
import { takeApiRequest } from "../limits/api-rate-limit";
import { invalidToken, missingCredentials } from "./api-error";
import { type RequestContext, withRequest } from "./with-request";

export interface UserContext<Params> extends RequestContext<Params> {
  /** The verified token's `sub`: the only source of the caller's identity. */
  userId: string;
}

/**
 * For handlers that act for a signed-in user: verifies the Bearer token, then
 * counts the request against the user's rate limit (a 401 counts for nobody).
 */
export function withUser<Params = object>(handler: (context: UserContext<Params>) => Promise<Response>) {
  return withRequest<Params>(async (context) => {
    const userId = await authenticate(context.request);
    for (const [name, value] of Object.entries(takeApiRequest(userId))) context.responseHeaders.set(name, value);
    return handler({ ...context, userId });
  });
}

async function authenticate(request: Request): Promise<string> {
  const [scheme, token, ...rest] = (request.headers.get("authorization") ?? "").trim().split(/\s+/);
  if (scheme?.toLowerCase() !== "bearer" || !token) throw missingCredentials();
  if (rest.length > 0) throw invalidToken();
  try {
    return await verifyToken(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw invalidToken();
    throw error;
  }
}
