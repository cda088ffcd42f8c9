// A due date in words, relative to the person's own today: "Today",
// "Tomorrow", "Fri 4 Dec", "Overdue · 2 days".
import { daysBetween } from "./calendar-date";

export interface DueLabel {
  text: string;
  overdue: boolean;
}

// Calendar dates format in UTC, where their midnight is: no zone can shift the day.
const sameYear = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const otherYear = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

export function dueLabel(dueDate: string, today: string): DueLabel {
  const days = daysBetween(today, dueDate);
  if (days < 0) return { text: `Overdue · ${-days} ${days === -1 ? "day" : "days"}`, overdue: true };
  if (days === 0) return { text: "Today", overdue: false };
  if (days === 1) return { text: "Tomorrow", overdue: false };
  const date = new Date(`${dueDate}T00:00:00.000Z`);
  const format = dueDate.slice(0, 4) === today.slice(0, 4) ? sameYear : otherYear;
  // en-GB puts a comma after the weekday ("Fri, 4 Dec"); the design has none.
  return { text: format.format(date).replace(",", ""), overdue: false };
}
