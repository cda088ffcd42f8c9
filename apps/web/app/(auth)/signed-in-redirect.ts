import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/safe-next-path";
import { getAuth } from "@/server/auth/auth";

/** Where the sign-in and sign-up forms should send a person; someone already signed in goes there now. */
export async function nextPathOrRedirect(searchParams: Promise<{ next?: string | string[] }>): Promise<string> {
  const next = safeNextPath((await searchParams).next);
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (session) redirect(next);
  return next;
}
