// The preload that tells the app who its TCP peer is, in a real server process.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const preload = fileURLToPath(new URL("./server-preload.cjs", import.meta.url));
const server = `
  require("node:http").createServer((request, response) => {
    response.end(JSON.stringify(request.headers["x-todo-peer-address"] ?? null));
  }).listen(0, "127.0.0.1", function () { console.log(this.address().port); });
`;
const child = spawn(process.execPath, ["--require", preload, "-e", server], { stdio: ["ignore", "pipe", "inherit"] });
let url = "";

beforeAll(async () => {
  const [chunk] = (await once(child.stdout, "data")) as [Buffer];
  url = `http://127.0.0.1:${chunk.toString().trim()}/`;
});
afterAll(() => {
  child.kill();
});

describe("server preload", () => {
  it("puts the socket's address on every request", async () => {
    expect(await (await fetch(url)).json()).toBe("127.0.0.1");
  });

  it("replaces a copy the client sent", async () => {
    const answer = await fetch(url, { headers: { "x-todo-peer-address": "6.6.6.6" } });
    expect(await answer.json()).toBe("127.0.0.1");
  });

  it("answers a method Next cannot route with a JSON 405", async () => {
    const answer = await fetch(url, { method: "PROPFIND" });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    expect(await answer.json()).toEqual({ detail: "Method not allowed" });
  });
});
