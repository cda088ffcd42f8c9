// Deleting an account is the one thing a stolen session must not be able to
// do alone: the server asks for the password every time, whether the request
// comes over HTTP or from the app's own server code.
import { describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { authRequest, signUpUser } from "@/test/factories";
import { getDb } from "../db";
import { getAuth } from "./auth";

const userExists = async (id: string) => (await getDb().user.count({ where: { id } })) === 1;

describe("POST /api/auth/delete-user", () => {
  it.each([
    ["no password", {}, "PASSWORD_REQUIRED"],
    ["an empty password", { password: "" }, "PASSWORD_REQUIRED"],
    ["a password that is not a string", { password: 12345678 }, undefined],
    ["a wrong password", { password: "not-the-password" }, "INVALID_PASSWORD"],
  ])("refuses %s and deletes nothing", async (_case, body, code) => {
    const user = await signUpUser();
    const response = await authPost(authRequest("/delete-user", { body, cookie: user.cookie }));
    expect(response.status).toBe(400);
    if (code) expect(await response.json()).toMatchObject({ code });
    expect(await userExists(user.id)).toBe(true);
  });

  it("refuses a server-side call without the password as well", async () => {
    const user = await signUpUser();
    const headers = new Headers({ cookie: user.cookie });
    await expect(getAuth().api.deleteUser({ body: {}, headers })).rejects.toMatchObject({
      body: { code: "PASSWORD_REQUIRED" },
    });
    expect(await userExists(user.id)).toBe(true);
  });

  it("deletes the account, and the session with it, with the right password", async () => {
    const user = await signUpUser();
    const response = await authPost(
      authRequest("/delete-user", { body: { password: user.password }, cookie: user.cookie }),
    );
    expect(response.status).toBe(200);
    expect(await userExists(user.id)).toBe(false);
    expect(await getDb().session.count({ where: { userId: user.id } })).toBe(0);
  });
});
