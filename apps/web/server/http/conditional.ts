// Pure functions, like limits/rate-limiter.ts (no server-only import): the
// benchmark times them in-process (scripts/bench-overhead.ts).
import { createHash } from "node:crypto";

/**
 * What an `If-Match` header allows: `undefined` when any current version will
 * do (no header, or `*`), otherwise the task versions it names. Weak
 * validators never match a write (RFC 9110 §13.1.1), and neither does
 * anything that is not an entity tag, so such a header matches nothing.
 */
export type IfMatch = readonly number[] | undefined;

// One entity tag of a list: optional W/ prefix, then a quoted opaque value.
const ENTITY_TAG = /^\s*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*$/;

export function readIfMatch(request: Request): IfMatch {
  const header = request.headers.get("if-match");
  if (header === null || header.trim() === "*") return undefined;
  const versions: number[] = [];
  for (const part of header.split(",")) {
    const match = ENTITY_TAG.exec(part);
    if (!match || match[1] || !/^[1-9]\d{0,9}$/.test(match[2] ?? "")) continue;
    versions.push(Number(match[2]));
  }
  return versions;
}

/** The strong ETag of a task: its version, quoted. */
export const taskEtag = (task: { version: number }) => `"${task.version}"`;

/** A strong ETag for a whole JSON answer (a list page, a feed page): a digest of its bytes. */
export const bodyEtag = (body: string) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/**
 * Whether `If-None-Match` names `etag`. The comparison is weak, as RFC 9110
 * §13.1.2 asks for this header: `W/"3"` matches `"3"`.
 */
export function ifNoneMatchHits(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (header === null) return false;
  if (header.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return header.split(",").some((part) => ENTITY_TAG.exec(part)?.[0].trim().replace(/^W\//, "") === opaque);
}
