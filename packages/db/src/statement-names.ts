import { createHash } from "node:crypto";

/** How many distinct query texts a process prepares; more run unnamed. */
export const PREPARED_TEXTS = 200;

/**
 * Names for the client's queries as PostgreSQL prepared statements: a
 * connection parses and plans a named text once and afterwards only binds and
 * executes it, which takes a good part of the database's CPU off every request.
 * The name is a hash of the text, so every process and connection agrees on it.
 * A connection keeps each statement it has prepared until it closes, so only
 * the first `limit` distinct texts get a name: texts that vary with their input
 * (an IN list of any length) would otherwise grow that without bound. The rest
 * get "", which node-postgres sends as the unnamed statement, as before.
 */
export function statementNames(limit = PREPARED_TEXTS): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined) {
      if (names.size >= limit) return "";
      name = `todo_${createHash("sha256").update(sql).digest("base64url").slice(0, 32)}`;
      names.set(sql, name);
    }
    return name;
  };
}
