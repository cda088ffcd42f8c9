/** What one request learns from the limiter; the wrapper turns it into headers. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  windowSeconds: number;
  /** Requests left in this window after this one. */
  remaining: number;
  /** Whole seconds until the window resets (at least 1). */
  resetSeconds: number;
}

/** One key's requests counted locally since the last sync, for one window. */
export interface RateLimitDelta {
  key: string;
  windowStart: number;
  /** When the window ends (epoch ms): its row may be deleted after that. */
  windowEnd: number;
  count: number;
}

/**
 * Adds each delta to the shared count of its key and window and resolves to
 * the new shared totals, in the same order (all processes' requests included).
 */
export type RateLimitSync = (deltas: RateLimitDelta[]) => Promise<number[]>;

export interface RateLimiterOptions {
  max: number;
  windowSeconds: number;
  sync: RateLimitSync;
  /** How often pending counts are synced at the latest. */
  syncIntervalMs?: number;
  /** A key with this many unsynced requests is synced at once (in the background). */
  flushThreshold?: number;
  /**
   * Deletes the shared counts of windows that ended by `endedBy`, as
   * one bounded statement; resolves to whether it hit its bound (more may be
   * left). Run after a sync, at most once per window unless it hit its bound.
   */
  purge?: (endedBy: number) => Promise<boolean>;
  onSyncError?: (error: unknown) => void;
  now?: () => number;
}

interface Entry {
  windowStart: number;
  /** The shared count as of the last sync (this process's synced requests included). */
  shared: number;
  /** Requests admitted here and not yet synced. */
  pending: number;
  /** Requests being synced right now. */
  inFlight: number;
}

/**
 * A fixed-window request limit shared by several processes without a database
 * round trip on the request path: each process decides from the last known
 * shared count plus what it admitted since, and syncs its counts in the
 * background (every interval, or at once when a key collects `flushThreshold`
 * unsynced requests). A burst spread over P processes can overshoot the limit
 * by at most about P × (flushThreshold + what one process admits during one
 * sync round trip); see the README.
 */
export class RateLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly max: number;
  private readonly windowMs: number;
  private readonly flushThreshold: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;
  private flushAgain = false;
  /** Whether some entry has requests that no sync has taken yet. */
  private hasPending = false;
  /** The sync on its way, and the one that will carry the counts pending now. */
  private currentRound: Round | undefined;
  private nextRound: Round | undefined;
  /** The window in which ended rows were last purged (unset again when a purge hit its bound). */
  private purgedIn: number | undefined;

  constructor(private readonly options: RateLimiterOptions) {
    this.max = options.max;
    this.windowMs = options.windowSeconds * 1000;
    this.flushThreshold = options.flushThreshold ?? Math.max(1, Math.floor(options.max / 100));
    this.now = options.now ?? Date.now;
  }

  /** Counts one request for `key` and says whether it may go ahead. */
  consume(key: string): RateLimitDecision {
    const time = this.now();
    const windowStart = time - (time % this.windowMs);
    let entry = this.entries.get(key);
    if (!entry || entry.windowStart !== windowStart) {
      entry = { windowStart, shared: 0, pending: 0, inFlight: 0 };
      this.entries.set(key, entry);
    }
    const used = entry.shared + entry.pending + entry.inFlight;
    const allowed = used < this.max;
    if (allowed) {
      entry.pending += 1;
      this.hasPending = true;
      this.schedule(entry.pending >= this.flushThreshold);
    }
    return {
      allowed,
      limit: this.max,
      windowSeconds: this.options.windowSeconds,
      remaining: Math.max(0, this.max - used - (allowed ? 1 : 0)),
      resetSeconds: Math.max(1, Math.ceil((windowStart + this.windowMs - time) / 1000)),
    };
  }

  /**
   * Resolves once the sync that carries every count admitted so far has
   * answered (or failed): what a serverless function waits for before it may
   * be frozen. Never rejects.
   */
  settled(): Promise<void> {
    if (this.hasPending) {
      this.nextRound ??= newRound();
      return this.nextRound.done;
    }
    return this.currentRound?.done ?? Promise.resolve();
  }

  /** Syncs every pending count now; resolves once the shared counts are known. */
  async flush(): Promise<void> {
    this.kick();
    while (this.syncing !== undefined) await this.syncing;
  }

  private schedule(now: boolean): void {
    if (now) {
      this.kick();
    } else if (!this.timer && this.syncing === undefined) {
      this.timer = setTimeout(() => this.kick(), this.options.syncIntervalMs ?? 1_000);
      this.timer.unref();
    }
  }

  // One sync at a time; a request for another while one runs is folded into a single follow-up.
  private kick(): void {
    if (this.syncing !== undefined) {
      this.flushAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.syncing = this.syncOnce().finally(() => {
      this.syncing = undefined;
      if (this.flushAgain) {
        this.flushAgain = false;
        this.kick();
      } else if ([...this.entries.values()].some((entry) => entry.pending > 0)) {
        this.schedule(false);
      }
    });
  }

  private async syncOnce(): Promise<void> {
    const round = this.nextRound ?? newRound();
    this.nextRound = undefined;
    this.currentRound = round;
    try {
      await this.syncPending();
    } finally {
      this.currentRound = undefined;
      round.resolve();
    }
  }

  private async syncPending(): Promise<void> {
    const time = this.now();
    const current = time - (time % this.windowMs);
    const batch: Array<[string, Entry]> = [];
    for (const [key, entry] of this.entries) {
      // A past window can no longer change any decision.
      if (entry.windowStart < current) this.entries.delete(key);
      else if (entry.pending > 0) batch.push([key, entry]);
    }
    this.hasPending = false;
    if (batch.length === 0) return;
    for (const [, entry] of batch) {
      entry.inFlight = entry.pending;
      entry.pending = 0;
    }
    try {
      const totals = await this.options.sync(
        batch.map(([key, entry]) => ({
          key,
          windowStart: entry.windowStart,
          windowEnd: entry.windowStart + this.windowMs,
          count: entry.inFlight,
        })),
      );
      batch.forEach(([, entry], index) => {
        entry.shared = Math.max(entry.shared + entry.inFlight, totals[index] ?? 0);
        entry.inFlight = 0;
      });
    } catch (error) {
      // The database is away: keep counting locally and try again later.
      for (const [, entry] of batch) {
        entry.pending += entry.inFlight;
        entry.inFlight = 0;
      }
      this.hasPending = true;
      this.options.onSyncError?.(error);
      return;
    }
    await this.purgeEnded(current);
  }

  // Rows of ended windows would otherwise stay forever (one per user per
  // window). One window of grace: a process whose clock is a little behind
  // may still be counting in the previous one.
  private async purgeEnded(current: number): Promise<void> {
    const { purge } = this.options;
    if (!purge || this.purgedIn === current) return;
    this.purgedIn = current;
    try {
      if (await purge(current - this.windowMs)) this.purgedIn = undefined;
    } catch (error) {
      this.options.onSyncError?.(error);
    }
  }
}

interface Round {
  done: Promise<void>;
  resolve: () => void;
}

function newRound(): Round {
  let resolve = () => {};
  const done = new Promise<void>((resolved) => {
    resolve = resolved;
  });
  return { done, resolve };
}

/** The IETF draft-ietf-httpapi-ratelimit-headers fields for a decision. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    "RateLimit-Policy": `"default";q=${decision.limit};w=${decision.windowSeconds}`,
    RateLimit: `"default";r=${decision.remaining};t=${decision.resetSeconds}`,
  };
}
