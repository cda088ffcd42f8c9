// Calendar dates ("2026-12-24") as plain strings: a due date has no time and no
// zone, so arithmetic stays on year/month/day and never passes through a
// midnight-UTC Date that a zone offset could move to another day.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real date written YYYY-MM-DD, from 0001-01-01 to 9999-12-31. */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Making an Intl.DateTimeFormat costs far more than using one (tens of µs on
// every list request): one per zone is kept. Only zones that exist get here,
// and there are a few hundred of them.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(zone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(zone, format);
  }
  return format;
}

/** Whether `zone` names a time zone this runtime knows (IANA names such as "Europe/Paris", or "UTC"). */
export function isTimeZone(zone: string): boolean {
  // Offsets such as "+01:00" are accepted by newer runtimes but are not IANA names.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    dayFormat(zone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date it is at `now` in `zone`. */
export function todayIn(zone: string, now: Date = new Date()): string {
  const parts = dayFormat(zone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? "";
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  const moved = new Date(0);
  moved.setUTCFullYear(year, month - 1, day + days);
  return [
    String(moved.getUTCFullYear()).padStart(4, "0"),
    String(moved.getUTCMonth() + 1).padStart(2, "0"),
    String(moved.getUTCDate()).padStart(2, "0"),
  ].join("-");
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMillis(to) - utcMillis(from)) / 86_400_000);
}

function utcMillis(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
  const value = new Date(0);
  value.setUTCFullYear(year, month - 1, day);
  return value.getTime();
}
