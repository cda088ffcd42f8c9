// The changes feed's cursor, opaque to clients. `position` is (transaction id,
// task id) of the last change delivered: the feed continues strictly after
// it. `floor` is the transaction id from which deletions matter to this
// reader (older ones are of tasks it never had); a floor at or below a purged
// deletion answers 410.
export interface SyncCursor {
  xid: bigint;
  afterId: string;
  floor: bigint;
}

/** Sorts before every task id: "from the start of this transaction id". */
export const NIL_UUID = "00000000-0000-0000-0000-000000000000";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const XID = /^\d{1,19}$/;
const MAX_XID = 2n ** 63n - 1n;

export function encodeSyncCursor(cursor: SyncCursor): string {
  const parts = [cursor.xid, cursor.floor, cursor.afterId === NIL_UUID ? "" : cursor.afterId];
  return btoa(parts.join(".").replace(/\.+$/, "")).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The cursor, or null when the text is not one this server made. */
export function decodeSyncCursor(text: string): SyncCursor | null {
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(text)) return null;
  let decoded: string;
  try {
    decoded = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
  const [xid = "", floor = "", afterId = NIL_UUID, ...rest] = decoded.split(".");
  if (rest.length > 0 || !XID.test(xid) || !XID.test(floor) || !UUID.test(afterId || NIL_UUID)) return null;
  if (BigInt(xid) > MAX_XID || BigInt(floor) > MAX_XID) return null;
  return { xid: BigInt(xid), floor: BigInt(floor), afterId: afterId || NIL_UUID };
}
