// A client of the changes feed for tests: keeps a copy of the user's tasks by
// applying every page, exactly as a device would.
import { createClient } from "@todo/db";
import type pg from "pg";
import { expect } from "vitest";
import { changesPage } from "@/lib/sync-schemas";
import type { Task } from "@/lib/task-schemas";
import { call } from "./api";

export class FeedReader {
  readonly tasks = new Map<string, Task>();
  since: string | undefined;

  constructor(private readonly token: string) {}

  /** Applies pages until the feed says there is no more; returns the ids each page carried. */
  async catchUp(limit = 100): Promise<string[][]> {
    const pages: string[][] = [];
    for (;;) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (this.since) query.set("since", this.since);
      const answer = await call("GET", `/api/tasks/changes?${query}`, { token: this.token });
      expect(answer.status).toBe(200);
      const page = changesPage.parse(answer.json);
      for (const change of page.data) {
        if ("deleted" in change) this.tasks.delete(change.id);
        else this.tasks.set(change.id, change);
      }
      pages.push(page.data.map((change) => change.id));
      this.since = page.next_since;
      if (!page.has_more) return pages;
    }
  }
}

/** A direct connection to the test database, for writes a test must interleave by hand. */
export async function connect(): Promise<pg.Client> {
  const client = createClient(process.env.DATABASE_URL ?? "");
  await client.connect();
  return client;
}
