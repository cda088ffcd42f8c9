import "server-only";
import { cookies } from "next/headers";
import { getEnv } from "../env";

// "Remind me later" on the notice asking to verify the address: a cookie
// without an expiry, so the notice stays away until the browser closes. It
// names the account, so another account signed in on this browser still
// sees its own notice.
const COOKIE = "verify-email-later";

/** Whether this browser was asked to remind `userId` later. */
export async function remindsLater(userId: string): Promise<boolean> {
  return (await cookies()).get(COOKIE)?.value === userId;
}

export async function remindLater(userId: string): Promise<void> {
  (await cookies()).set(COOKIE, userId, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: new URL(getEnv().BETTER_AUTH_URL).protocol === "https:",
  });
}
