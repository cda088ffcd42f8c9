// The list's keyset cursor: the (created_at, id) of the last task on a page,
// opaque to clients. Pages continue strictly after it, so tasks created or
// deleted between page reads never make a page skip or repeat one.
export interface Cursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(cursor: Cursor): string {
  return btoa(`${cursor.createdAt.getTime()}:${cursor.id}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The cursor, or null when the text is not one this server made. */
export function decodeCursor(text: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(text)) return null;
  let decoded: string;
  try {
    decoded = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
  const match = /^(\d{1,15}):(.+)$/.exec(decoded);
  const millis = Number(match?.[1]);
  const id = match?.[2] ?? "";
  if (!match || !Number.isSafeInteger(millis) || !UUID.test(id)) return null;
  return { createdAt: new Date(millis), id };
}
