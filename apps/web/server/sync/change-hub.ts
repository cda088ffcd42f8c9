import "server-only";
import { createClient } from "@todo/db";
import type pg from "pg";
import type { SyncCursor } from "@/lib/sync-cursor";
import { CHANGES_LIMIT_MAX, type TaskChange } from "@/lib/sync-schemas";
import { type ChangesRequest, type ChangesResult, readChanges } from "./read-changes";

/** One open events stream: whose changes, from where, and where to send them. */
export interface ChangeListener {
  userId: string;
  cursor: SyncCursor | undefined;
  send(changes: TaskChange[], next: SyncCursor): void;
  expire(): void;
}

export interface ChangeHubOptions {
  /**
   * A direct connection URL: PgBouncer-style poolers (Neon's -pooler host)
   * cannot LISTEN. Undefined: no LISTEN, every listener is read once a second.
   */
  listenUrl: string | undefined;
  /** Queries at most this often, whatever the number of listeners. */
  minQueryIntervalMs?: number;
  read?: (requests: readonly ChangesRequest[]) => Promise<ChangesResult[]>;
  onError?: (error: unknown) => void;
}

const CHANNEL = "task_changes";
// Also how long closing waits for a connect under way.
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Fans committed task changes out to this process's events streams. A
 * trigger NOTIFYs `task_changes` with the user id at commit; one LISTEN
 * connection per process hears it and marks that user's listeners dirty.
 * Dirty listeners are served together by ONE changes query at most once per
 * interval, so the database sees at most one query per second from a process
 * however many streams it holds. While the LISTEN connection is down, every
 * listener counts as dirty (a poll), so nothing waits for a reconnect.
 */
export class ChangeHub {
  private readonly listeners = new Set<ChangeListener>();
  private readonly dirty = new Set<ChangeListener>();
  private readonly minQueryIntervalMs: number;
  private readonly read: (requests: readonly ChangesRequest[]) => Promise<ChangesResult[]>;
  private connection: pg.Client | undefined;
  /** Settles once the current connection's connect and LISTEN have, either way. */
  private connecting: Promise<unknown> = Promise.resolve();
  private listening = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing = false;
  private lastQueryAt = 0;
  private closed: Promise<void> = Promise.resolve();
  /** Changes queries run so far (for tests and the budget). */
  queries = 0;

  constructor(private readonly options: ChangeHubOptions) {
    this.minQueryIntervalMs = options.minQueryIntervalMs ?? 1000;
    this.read = options.read ?? readChanges;
  }

  /** Starts delivering to `listener` (first its backlog after its cursor); returns the unsubscribe. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    this.dirty.add(listener);
    if (!this.connection && this.options.listenUrl) this.connect(this.options.listenUrl);
    this.schedule();
    return () => {
      this.listeners.delete(listener);
      this.dirty.delete(listener);
      if (this.listeners.size === 0) void this.close();
    };
  }

  /**
   * Stops listening and delivering: when the last listener leaves, at
   * shutdown and in tests. Resolves once every LISTEN connection it ended has
   * closed (a process that exits sooner leaves it for PostgreSQL to find dead).
   */
  close(): Promise<void> {
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.listening = false;
    const connection = this.connection;
    this.connection = undefined;
    if (connection) {
      // pg's end() cuts a connection still logging in or running LISTEN off
      // without a goodbye, which PostgreSQL counts as an abandoned session.
      const ended = this.connecting.then(() => connection.end()).catch(() => {});
      this.closed = Promise.all([this.closed, ended]).then(() => {});
    }
    return this.closed;
  }

  private connect(listenUrl: string): void {
    const connection = createClient(listenUrl, { connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    this.connection = connection;
    const lost = (error: unknown) => {
      if (this.connection !== connection) return;
      this.options.onError?.(error);
      this.listening = false;
      this.connection = undefined;
      connection.end().catch(() => {});
      this.markAllDirty();
      this.reconnectTimer = setTimeout(() => {
        if (this.listeners.size > 0 && !this.connection) this.connect(listenUrl);
      }, 2_000);
    };
    connection.on("error", lost);
    connection.on("end", () => lost(new Error("LISTEN connection ended")));
    connection.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      for (const listener of this.listeners) if (listener.userId === message.payload) this.dirty.add(listener);
      this.schedule();
    });
    const ready = connection.connect().then(() => connection.query(`LISTEN ${CHANNEL}`));
    this.connecting = ready.catch(() => {});
    ready
      .then(() => {
        if (this.connection !== connection) return;
        this.listening = true;
        // Whatever committed while we were not listening is read once now.
        this.markAllDirty();
      })
      .catch(lost);
  }

  private markAllDirty(): void {
    for (const listener of this.listeners) this.dirty.add(listener);
    this.schedule();
  }

  private schedule(): void {
    if (this.flushTimer || this.flushing || this.dirty.size === 0) return;
    const wait = Math.max(0, this.lastQueryAt + this.minQueryIntervalMs - Date.now());
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, wait);
  }

  private async flush(): Promise<void> {
    const batch = [...this.dirty];
    this.dirty.clear();
    if (batch.length === 0) return;
    this.flushing = true;
    this.lastQueryAt = Date.now();
    this.queries += 1;
    try {
      const results = await this.read(
        batch.map((listener) => ({ userId: listener.userId, since: listener.cursor, limit: CHANGES_LIMIT_MAX })),
      );
      for (const [index, listener] of batch.entries()) this.deliver(listener, results[index]);
    } catch (error) {
      this.options.onError?.(error);
      for (const listener of batch) if (this.listeners.has(listener)) this.dirty.add(listener);
    } finally {
      this.flushing = false;
    }
    // Not listening: poll, so changes still arrive within about a second.
    if (!this.listening) this.markAllDirty();
    else this.schedule();
  }

  private deliver(listener: ChangeListener, result: ChangesResult | undefined): void {
    if (!result || !this.listeners.has(listener)) return;
    if (result.expired) {
      listener.expire();
      return;
    }
    // A listener that started from scratch hears at once, even of nothing, to learn its cursor.
    const first = listener.cursor === undefined;
    listener.cursor = result.next;
    if (result.data.length > 0 || first) listener.send(result.data, result.next);
    // More than one page, or committed changes still waiting for an older transaction: read again.
    if (result.hasMore || result.pending) this.dirty.add(listener);
  }
}
