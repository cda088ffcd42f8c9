import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { authRequest, BASE_URL, issueToken, signUpUser } from "@/test/factories";
import { verifyToken } from "./verify-token";

describe("Better Auth with the jwt plugin", () => {
  it("issues a token for a new user that the API's verifier accepts", async () => {
    const user = await signUpUser();
    await expect(verifyToken(user.token)).resolves.toBe(user.id);
  });

  it("signs EdDSA tokens that carry only what the API needs", async () => {
    const user = await signUpUser();
    expect(decodeProtectedHeader(user.token)).toMatchObject({ alg: "EdDSA", kid: expect.any(String) });
    const claims = decodeJwt(user.token);
    expect(Object.keys(claims).sort()).toEqual(["aud", "exp", "iat", "iss", "sub"]);
    expect(claims).toMatchObject({ sub: user.id, iss: BASE_URL, aud: BASE_URL });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(15 * 60);
  });

  it("signs in with the password and issues a fresh token", async () => {
    const user = await signUpUser();
    const response = await authPost(
      authRequest("/sign-in/email", { body: { email: user.email, password: user.password } }),
    );
    expect(response.status).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(";")[0])
      .join("; ");
    await expect(verifyToken(await issueToken(cookie))).resolves.toBe(user.id);
  });

  it("refuses a wrong password and a token request without a session", async () => {
    const user = await signUpUser();
    const wrong = await authPost(
      authRequest("/sign-in/email", { body: { email: user.email, password: "wrong-password" } }),
    );
    expect(wrong.status).toBe(401);
    expect((await authGet(authRequest("/token"))).status).toBe(401);
  });

  it("ends the session on sign-out", async () => {
    const user = await signUpUser();
    const response = await authPost(authRequest("/sign-out", { body: {}, cookie: user.cookie }));
    expect(response.status).toBe(200);
    expect((await authGet(authRequest("/token", { cookie: user.cookie }))).status).toBe(401);
  });
});
