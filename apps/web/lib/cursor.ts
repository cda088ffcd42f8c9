// The list's keyset cursor: the sort keys of the last task on a page, and the
// sort they belong to, opaque to clients. Pages continue strictly after it, so
// tasks created, moved or deleted between page reads never make a page skip or
// repeat one that kept its place.
import { isCalendarDate } from "./calendar-date";
import { isTaskPriority, type TaskPriority, type TaskSort } from "./task-planning";

interface Newest {
  createdAt: Date;
  id: string;
}

export type Cursor =
  | ({ sort: "created" } & Newest)
  | ({ sort: "due"; dueDate: string | null } & Newest)
  | ({ sort: "priority"; priority: TaskPriority } & Newest)
  | { sort: "manual"; position: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const POSITION = /^[A-Za-z][0-9A-Za-z]+$/;
const PREFIX: Record<TaskSort, string> = { created: "c", due: "d", priority: "p", manual: "m" };

export function encodeCursor(cursor: Cursor): string {
  const keys = (() => {
    switch (cursor.sort) {
      case "created":
        return [cursor.createdAt.getTime(), cursor.id];
      case "due":
        return [cursor.dueDate ?? "", cursor.createdAt.getTime(), cursor.id];
      case "priority":
        return [cursor.priority, cursor.createdAt.getTime(), cursor.id];
      case "manual":
        return [cursor.position];
    }
  })();
  const text = [PREFIX[cursor.sort], ...keys].join(":");
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The cursor, or null when the text is not one this server made. */
export function decodeCursor(text: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(text)) return null;
  let decoded: string;
  try {
    decoded = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
  const [prefix, ...keys] = decoded.split(":");
  switch (prefix) {
    case "c":
      return newest(keys, { sort: "created" });
    case "d": {
      const [dueDate = "", ...rest] = keys;
      if (dueDate !== "" && !isCalendarDate(dueDate)) return null;
      return newest(rest, { sort: "due", dueDate: dueDate || null });
    }
    case "p": {
      const [priority = "", ...rest] = keys;
      return isTaskPriority(priority) ? newest(rest, { sort: "priority", priority }) : null;
    }
    case "m": {
      const [position = ""] = keys;
      return keys.length === 1 && POSITION.test(position) ? { sort: "manual", position } : null;
    }
    default:
      // Cursors made before sorts existed ("<millis>:<id>") still continue a newest-first list.
      return newest([prefix ?? "", ...keys], { sort: "created" });
  }
}

function newest<Rest extends object>(keys: string[], rest: Rest): (Rest & Newest) | null {
  const [millisText = "", id = "", ...extra] = keys;
  const millis = Number(millisText);
  if (extra.length > 0 || !/^\d{1,15}$/.test(millisText) || !Number.isSafeInteger(millis) || !UUID.test(id)) {
    return null;
  }
  return { ...rest, createdAt: new Date(millis), id };
}
