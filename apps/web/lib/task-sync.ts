// Keeps the browser's copy of the person's tasks in step with the server: the
// changes feed from scratch, then the live events stream (fetch streaming with
// the Bearer token), resumed from the last cursor after the stream's own end,
// a network loss or sleep, so nothing is lost or applied twice. Where
// streaming is unavailable it polls the feed with If-None-Match instead.
import { forgetApiToken, getApiToken, SessionExpiredError } from "./api-token";
import { loadSyncSchemas } from "./load-schemas";
import { ServerEventParser } from "./server-events";
import type { TaskChange } from "./sync-schemas";
import type { TaskCounts } from "./task-list-state";
import type { Task } from "./task-schemas";

export interface SyncUpdate {
  changes: TaskChange[];
  /** Counts over every task of the person, once the copy is complete (undefined before). */
  counts: TaskCounts | undefined;
}

const POLL_MS = 2_000;
/** The server comments every 15 s: silence for longer means a dead connection (sleep, network change). */
const SILENCE_MS = 25_000;
const MAX_BACKOFF_MS = 10_000;

class StreamUnavailable extends Error {}

export interface TaskSync {
  /** What this tab's own request got back from the server: the copy has it at once, without waiting for the echo. */
  noteSaved(change: TaskChange): void;
  stop(): void;
}

/** Starts syncing. */
export function startTaskSync(
  onUpdate: (update: SyncUpdate) => void,
  /** Whether changes now arrive live (a stream is open) or not (connecting, offline, polling). */
  onLive: (live: boolean) => void = () => {},
): TaskSync {
  const copy = new Map<string, Task>();
  let since: string | undefined;
  // The copy holds every task only once the feed from scratch has been read to its end.
  let complete = false;
  let feedEtag: string | undefined;
  let streaming = typeof ReadableStream !== "undefined";
  let stopped = false;
  let connection: AbortController | undefined;
  let wake = () => {};

  function apply(changes: TaskChange[]): void {
    for (const change of changes) {
      const known = copy.get(change.id);
      if ("deleted" in change) copy.delete(change.id);
      else if (!known || known.version <= change.version) copy.set(change.id, change);
    }
    if (changes.length > 0) onUpdate({ changes, counts: complete ? countsOf(copy) : undefined });
  }

  function startOver(): void {
    complete = false;
    since = undefined;
    feedEtag = undefined;
    copy.clear();
  }

  async function catchUp(signal: AbortSignal): Promise<void> {
    for (;;) {
      const query = new URLSearchParams({ limit: "1000" });
      if (since) query.set("since", since);
      const headers: Record<string, string> = feedEtag ? { "If-None-Match": feedEtag } : {};
      const response = await authorized(`/api/tasks/changes?${query}`, headers, signal);
      if (response.status === 304) return;
      if (response.status === 410) {
        startOver();
        continue;
      }
      if (!response.ok) throw new Error(`changes feed answered ${response.status}`);
      const { changesPage } = await loadSyncSchemas();
      const page = changesPage.parse(await response.json());
      apply(page.data);
      since = page.next_since;
      feedEtag = page.has_more ? undefined : (response.headers.get("etag") ?? undefined);
      if (!page.has_more) {
        if (!complete) {
          complete = true;
          onUpdate({ changes: [], counts: countsOf(copy) });
        }
        return;
      }
    }
  }

  async function listen(signal: AbortSignal): Promise<void> {
    const headers: Record<string, string> = since ? { "Last-Event-ID": since } : {};
    const response = await authorized("/api/tasks/events", headers, signal);
    const reader = response.body?.getReader();
    if (!response.ok || !reader || !response.headers.get("content-type")?.startsWith("text/event-stream")) {
      throw new StreamUnavailable();
    }
    const { changesPage } = await loadSyncSchemas();
    onLive(true);
    const parser = new ServerEventParser();
    const decoder = new TextDecoder();
    let silence = setTimeout(() => connection?.abort(), SILENCE_MS);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        clearTimeout(silence);
        silence = setTimeout(() => connection?.abort(), SILENCE_MS);
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          if (event.event === "expired") {
            startOver();
            return;
          }
          if (event.event !== "changes") continue;
          apply(changesPage.shape.data.parse(JSON.parse(event.data).data));
          since = event.id ?? since;
          feedEtag = undefined;
        }
      }
    } finally {
      clearTimeout(silence);
      onLive(false);
    }
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (!stopped) {
      connection = new AbortController();
      try {
        await catchUp(connection.signal);
        if (streaming) await listen(connection.signal);
        else await pause(POLL_MS);
        failures = 0;
      } catch (error) {
        if (stopped || error instanceof SessionExpiredError) return;
        if (error instanceof StreamUnavailable) streaming = false;
        else if (!connection.signal.aborted) failures += 1;
        if (failures > 0) await pause(Math.min(1000 * 2 ** failures, MAX_BACKOFF_MS));
      }
    }
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  // Back from sleep or offline: reconnect now rather than after the backoff or a silent timeout.
  const reconnect = () => {
    if (document.visibilityState === "hidden") return;
    connection?.abort();
    wake();
  };
  window.addEventListener("online", reconnect);
  document.addEventListener("visibilitychange", reconnect);
  void run();

  return {
    noteSaved: (change) => apply([change]),
    stop: () => {
      stopped = true;
      window.removeEventListener("online", reconnect);
      document.removeEventListener("visibilitychange", reconnect);
      connection?.abort();
      wake();
    },
  };
}

async function authorized(path: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
  const send = async () =>
    fetch(path, {
      headers: { ...headers, Authorization: `Bearer ${await getApiToken()}` },
      signal,
      cache: "no-store",
    });
  const response = await send();
  if (response.status !== 401) return response;
  forgetApiToken();
  return send();
}

function countsOf(tasks: Map<string, Task>): TaskCounts {
  let completed = 0;
  for (const task of tasks.values()) if (task.completed) completed += 1;
  return { pending: tasks.size - completed, completed };
}
