// "Last active" on /settings is the session's updatedAt: Better Auth moves it
// when the session is read (a page, a token request) at least updateAge after
// the last move. These tests age a real session in the database and read it
// the way the UI does.
import { describe, expect, it } from "vitest";
import { GET as authGet } from "@/app/api/auth/[...all]/route";
import { SESSION_ACTIVITY_SECONDS } from "@/lib/session-activity";
import { authRequest, signUpUser } from "@/test/factories";
import { getDb } from "../db";

/** Moves the user's session `seconds` into the past, as if unused since then. */
async function ageSession(userId: string, seconds: number): Promise<Date> {
  const [session] = await getDb().session.findMany({ where: { userId } });
  if (!session) throw new Error("no session");
  const updatedAt = new Date(session.updatedAt.getTime() - seconds * 1000);
  await getDb().session.update({
    where: { id: session.id },
    data: { updatedAt, expiresAt: new Date(session.expiresAt.getTime() - seconds * 1000) },
  });
  return updatedAt;
}

async function lastActive(userId: string): Promise<Date | undefined> {
  return (await getDb().session.findFirst({ where: { userId } }))?.updatedAt;
}

describe("a session's last activity", () => {
  it("moves to now when the UI renews its API token after a few idle minutes", async () => {
    const user = await signUpUser();
    await ageSession(user.id, SESSION_ACTIVITY_SECONDS + 60);
    const before = Date.now();
    expect((await authGet(authRequest("/token", { cookie: user.cookie }))).status).toBe(200);
    expect((await lastActive(user.id))?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("is not written again within SESSION_ACTIVITY_SECONDS: at most one write per session per interval", async () => {
    const user = await signUpUser();
    const aged = await ageSession(user.id, SESSION_ACTIVITY_SECONDS - 60);
    expect((await authGet(authRequest("/get-session", { cookie: user.cookie }))).status).toBe(200);
    expect(await lastActive(user.id)).toEqual(aged);
  });
});
