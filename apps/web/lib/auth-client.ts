// Better Auth in the browser: session cookie for the pages, and `token()` for
// the short-lived JWT the tasks API wants (jwt plugin).
import { createAuthClient } from "better-auth/client";
import { jwtClient } from "better-auth/client/plugins";

export const authClient = createAuthClient({ plugins: [jwtClient()] });
