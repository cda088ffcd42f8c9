import "server-only";
import { getEnv } from "../env";
import { getAuth, TOKEN_ALGORITHM } from "./auth";
import { createTokenVerifier } from "./token-verifier";

let verifier: ((token: string) => Promise<string>) | undefined;

/** Verifies an API token against this app's own keys; resolves to the user id. */
export function verifyToken(token: string): Promise<string> {
  verifier ??= createTokenVerifier({
    // In-process: no HTTP call to our own /api/auth/jwks.
    loadKeys: () => getAuth().api.getJwks(),
    algorithm: TOKEN_ALGORITHM,
    // Exactly the origins this deployment answers on (one; a preview's two):
    // a token Better Auth minted for any other host is not ours to accept.
    issuer: getEnv().authOrigins,
    audience: getEnv().authOrigins,
  });
  return verifier(token);
}
