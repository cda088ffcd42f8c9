import "server-only";

// The live event streams open in this process, so that a stopping server can
// end them: each would otherwise hold the stop up for up to 50 s, as Next
// waits for every response to finish. Kept on globalThis: Next bundles the
// route that opens streams apart from instrumentation (shutdown.ts), each
// with its own copy of this module.
const registry = globalThis as typeof globalThis & {
  todoEventStreams?: { ending: boolean; open: Set<() => void> };
};
registry.todoEventStreams ??= { ending: false, open: new Set() };
const streams = registry.todoEventStreams;

/**
 * Registers a stream's `end`; returns the function that forgets it. Once the
 * server is stopping, a new stream ends at once.
 */
export function trackEventStream(end: () => void): () => void {
  if (streams.ending) {
    queueMicrotask(end);
    return () => {};
  }
  streams.open.add(end);
  return () => streams.open.delete(end);
}

/** Ends every open stream, and any opened from now on; clients come back after their retry delay. */
export function endEventStreams(): void {
  streams.ending = true;
  for (const end of streams.open) end();
}
