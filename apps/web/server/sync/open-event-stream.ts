import "server-only";
import { encodeSyncCursor, type SyncCursor } from "@/lib/sync-cursor";
import type { TaskChange } from "@/lib/sync-schemas";
import type { ChangeHub } from "./change-hub";
import { trackEventStream } from "./end-event-streams";
import { purgeExpiredSoon } from "./purge-expired";

/** A comment at least this often keeps proxies from closing an idle stream. */
export const KEEP_ALIVE_MS = 15_000;
/** The stream ends by itself before serverless limits (Vercel: 60 s) end it; the client resumes. */
export const STREAM_MS = 50_000;

const encoder = new TextEncoder();

/**
 * A `text/event-stream` of the user's changes after `since`: `event: changes`
 * with the cursor as its `id` (what a client sends back as Last-Event-ID),
 * a comment every 15 s, and the end after 50 s. A cursor too old for the
 * feed gets one `event: expired` and the end: start again without since.
 */
export function openEventStream(
  hub: ChangeHub,
  userId: string,
  since: SyncCursor | undefined,
  signal: AbortSignal,
): Response {
  purgeExpiredSoon();
  // Ends the stream: closes it unless the client already cancelled it.
  let stop = (_cancelled = false) => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const write = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = hub.subscribe({
        userId,
        cursor: since,
        send: (changes: TaskChange[], next) =>
          write(`event: changes\nid: ${encodeSyncCursor(next)}\ndata: ${JSON.stringify({ data: changes })}\n\n`),
        expire: () => {
          write(
            `event: expired\ndata: ${JSON.stringify({ detail: "Sync cursor expired; start again without since" })}\n\n`,
          );
          stop();
        },
      });
      const keepAlive = setInterval(() => write(": keep-alive\n\n"), KEEP_ALIVE_MS);
      const end = setTimeout(() => stop(), STREAM_MS);
      const untrack = trackEventStream(() => stop());
      stop = (cancelled = false) => {
        if (!open) return;
        open = false;
        untrack();
        clearInterval(keepAlive);
        clearTimeout(end);
        unsubscribe();
        if (!cancelled) controller.close();
      };
      signal.addEventListener("abort", () => stop(true));
      // Tells EventSource clients to come back after a second, and opens the stream at once.
      write("retry: 1000\n: connected\n\n");
    },
    cancel() {
      stop(true);
    },
  });
  return new Response(body, {
    // no-transform: a compressing proxy (or `next start` itself) would hold events back in its gzip buffer.
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
