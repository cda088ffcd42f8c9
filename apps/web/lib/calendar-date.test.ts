import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isCalendarDate, isTimeZone, todayIn } from "./calendar-date";

describe("isCalendarDate", () => {
  it.each(["2026-12-24", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])("accepts %s", (text) => {
    expect(isCalendarDate(text)).toBe(true);
  });

  it.each([
    "2026-02-30",
    "2026-2-3",
    "2026-02-29",
    "1900-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "0000-01-01",
    "26-12-24",
    "2026-12-24T00:00:00Z",
    " 2026-12-24",
    "",
  ])("refuses %j", (text) => {
    expect(isCalendarDate(text)).toBe(false);
  });
});

describe("isTimeZone", () => {
  it.each(["UTC", "Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Asia/Calcutta"])(
    "knows %s",
    (zone) => {
      expect(isTimeZone(zone)).toBe(true);
    },
  );

  it.each(["Mars/Olympus", "+01:00", "Europe/", "", "Europe/Paris\u0000", "../etc/passwd"])("refuses %j", (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});

describe("todayIn", () => {
  // 2026-12-31 23:30 UTC: already 1 January in Paris, still 31 December in New York.
  const now = new Date("2026-12-31T23:30:00Z");

  it.each([
    ["UTC", "2026-12-31"],
    ["Europe/Paris", "2027-01-01"],
    ["America/New_York", "2026-12-31"],
    ["Pacific/Kiritimati", "2027-01-01"],
    ["Pacific/Pago_Pago", "2026-12-31"],
  ])("in %s it is %s", (zone, date) => {
    expect(todayIn(zone, now)).toBe(date);
  });
});

describe("addDays and daysBetween", () => {
  it.each([
    ["2026-12-31", 1, "2027-01-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-03-28", 7, "2026-04-04"],
    ["0001-01-01", 0, "0001-01-01"],
  ])("%s + %i days is %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });
});
