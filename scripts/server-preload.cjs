// Loaded into the Next server process (`node --require`) by every launcher,
// for what only the HTTP server itself can do:
// - put the TCP peer's address into a header on each request, replacing any
//   copy the client sent, because Next gives route handlers no socket (the
//   app derives the client's address from it: apps/web/server/limits/client-ip.ts);
// - answer methods Next cannot route (TRACE, WebDAV's…), on which it fails
//   with a plain-text 500 before any handler runs, with the API's JSON 405.
const http = require("node:http");

const HEADER = "x-todo-peer-address";
const ROUTED = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithPeerAddress(event, request, response, ...rest) {
  if (event === "request" && request instanceof http.IncomingMessage) {
    if (!ROUTED.has(request.method ?? "")) {
      response.writeHead(405, {
        Allow: [...ROUTED].join(", "),
        "Cache-Control": "no-store",
        "Content-Type": "application/json",
      });
      response.end(JSON.stringify({ detail: "Method not allowed" }));
      return true;
    }
    request.headers[HEADER] = request.socket.remoteAddress ?? "";
  }
  return emit.call(this, event, request, response, ...rest);
};
