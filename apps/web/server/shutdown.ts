import "server-only";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { Server, ServerResponse } from "node:http";
import { closeDb } from "./db";
import { endEventStreams } from "./sync/end-event-streams";
import { closeChangeHub } from "./sync/get-change-hub";

// When `next start` (or the server under `next dev`) gets SIGTERM or SIGINT,
// Next closes its port, lets the requests in flight finish, then exits. Three
// things are left to us: closing the database pool once the last request is
// done; not letting keep-alive connections hold the stop up (Node keeps a
// connection that finishes a response after the port closed open until its
// keep-alive timeout, and still serves new requests arriving on it); and,
// under `next dev`, keeping Next from cutting the requests in flight off.

const REQUEST_START = "http.server.request.start";
const RESPONSE_FINISH = "http.server.response.finish";

let server: Server | undefined;
let stopping = false;

// Only the first request is looked at, to learn which server Next runs.
function remember(message: unknown): void {
  unsubscribe(REQUEST_START, remember);
  if (typeof message === "object" && message !== null && "server" in message && message.server instanceof Server) {
    server = message.server;
  }
}

function closeAfterResponse(message: unknown): void {
  if (typeof message === "object" && message !== null && "response" in message) {
    const { response } = message;
    if (response instanceof ServerResponse && !response.headersSent) response.setHeader("connection", "close");
  }
}

function closeWhenIdle(): void {
  setImmediate(() => server?.closeIdleConnections());
}

function onStop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  // Next's own listener (registered before this one) is what stops the server.
  // Without it (NEXT_MANUAL_SIG_HANDLE, another host), we must not swallow
  // the signal: close the pool, then let the signal do what it would have done.
  if (process.listenerCount(signal) === 0) {
    void closeDb().finally(() => process.kill(process.pid, signal));
    return;
  }
  if (!server) {
    void closeDb(); // no request ever started: none is in flight
    return;
  }
  endEventStreams();
  subscribe(REQUEST_START, closeAfterResponse);
  subscribe(RESPONSE_FINISH, closeWhenIdle);
  closePoolBeforeExit(server);
}

// Next exits as soon as its server has closed, without waiting for anything
// we start then: the pool's connections were left for PostgreSQL to find
// closed (it counts them as abandoned). So Next's own "close" listeners (the
// one that goes on to exit among them) run once the pool has closed.
function closePoolBeforeExit(closing: Server): void {
  const nextListeners = closing.rawListeners("close");
  closing.removeAllListeners("close");
  closing.once("close", () => {
    void Promise.all([closeDb(), closeChangeHub()])
      .catch((error: unknown) =>
        console.error(JSON.stringify({ level: "error", message: "closing the database pool", error: String(error) })),
      )
      .finally(() => {
        for (const listener of nextListeners) listener.call(closing);
      });
  });
}

subscribe(REQUEST_START, remember);
// `next dev` closes every connection as it stops, requests in flight
// included; `next start` only the port. Swapped in before Next's listener
// makes that call, the idle ones only: the others then close after their
// response, as under `next start`.
function letRequestsFinish(): void {
  const closing = server;
  if (closing) closing.closeAllConnections = () => closing.closeIdleConnections();
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.prependOnceListener(signal, letRequestsFinish);
  process.once(signal, () => onStop(signal));
}
