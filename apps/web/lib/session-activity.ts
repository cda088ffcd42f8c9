// When a signed-in device was last active, in words, from its session's
// updatedAt. Better Auth moves updatedAt when it reads the session (a page of
// the app, a new API token: every 15 minutes while the app is open) and at
// least SESSION_ACTIVITY_SECONDS have passed since the last move; so
// updatedAt is up to that much older than the device's last request.
import { timeAgo } from "./describe-device";

/**
 * Better Auth's session.updateAge. Short, so that "last active" is honest;
 * it costs one write per active session per interval, on page loads and
 * token requests only (the tasks API verifies its JWT without the session).
 */
export const SESSION_ACTIVITY_SECONDS = 5 * 60;

/** "Active now" (this device), "Active in the last 5 minutes", "Last active 2 hours ago". */
export function sessionActivity(updatedAt: Date, now: Date, current: boolean): string {
  if (current) return "Active now";
  if (now.getTime() - updatedAt.getTime() < SESSION_ACTIVITY_SECONDS * 1000) {
    return `Active in the last ${SESSION_ACTIVITY_SECONDS / 60} minutes`;
  }
  return `Last active ${timeAgo(updatedAt, now)}`;
}
