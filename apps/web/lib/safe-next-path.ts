// Where to send a person after they sign in or up. Only paths on this site are
// followed, so a crafted ?next= cannot turn the sign-in page into an open
// redirect to another origin.
export const DEFAULT_NEXT_PATH = "/tasks";

const BASE = "http://next.invalid";

export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return DEFAULT_NEXT_PATH;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_NEXT_PATH;
  }
  if (url.origin !== BASE || /^\/(sign-in|sign-up|api)(\/|$)/.test(url.pathname)) return DEFAULT_NEXT_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in (or sign-up) page that returns to `next` afterwards. */
export function withNextPath(page: "/sign-in" | "/sign-up", next: string): string {
  return next === DEFAULT_NEXT_PATH ? page : `${page}?next=${encodeURIComponent(next)}`;
}
