// Loaded into the Next server process (`node --require`) by every launcher:
// puts the TCP peer's address into a header on each request, replacing any
// copy the client sent, because Next gives route handlers no socket. The app
// derives the client's address from it (apps/web/server/limits/client-ip.ts).
const http = require("node:http");

const HEADER = "x-todo-peer-address";
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithPeerAddress(event, request, ...rest) {
  if (event === "request" && request instanceof http.IncomingMessage) {
    request.headers[HEADER] = request.socket.remoteAddress ?? "";
  }
  return emit.call(this, event, request, ...rest);
};
