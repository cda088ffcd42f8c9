// The person's time zone: the browser knows it; the server learns it from a
// cookie that every page sets once its scripts run (RememberTimeZone), so the
// first /tasks it renders counts "today" in the same zone as everything the
// browser does afterwards. Without scripts there is no zone to learn: UTC.
import { isTimeZone } from "./calendar-date";

export const TIME_ZONE_COOKIE = "tz";

/** The zone from the cookie, or UTC when there is none yet (or it is not a zone). */
export function timeZoneFromCookie(value: string | undefined): string {
  return value && isTimeZone(value) ? value : "UTC";
}

/** The browser's own zone (UTC if it does not say). */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : "UTC";
}

/** Remembers the zone for the server's next render, for a year. */
export function rememberTimeZone(zone: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: one plain, non-secret preference the server reads
  document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
