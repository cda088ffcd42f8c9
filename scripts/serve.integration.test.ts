// npm start's failures that happen before anything is built: each is one line
// naming what to fix, and the process exits 1 without a stack trace.
import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./database";

function start(env: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    [join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/serve.ts", "start"],
    {
      cwd: root,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      timeout: 60_000,
    },
  );
  return { status: result.status, lines: result.stderr.trim().split("\n"), stdout: result.stdout };
}

let busy: Server;
let busyPort: number;
let freePort: string;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const address = server.address();
  return typeof address === "object" && address ? address.port : 0;
}

beforeAll(async () => {
  busy = createServer();
  busyPort = await listen(busy);
  const probe = createServer();
  freePort = String(await listen(probe));
  probe.close();
});

afterAll(() => {
  busy.close();
});

describe("npm start refuses to start, in one line", () => {
  it("when PORT is in use", () => {
    const result = start({ PORT: String(busyPort), BETTER_AUTH_SECRET: "x".repeat(32) });
    expect(result).toMatchObject({
      status: 1,
      lines: [`npm start: port ${busyPort} is in use: stop what uses it or set PORT.`],
    });
  });

  it("when PORT is not a port", () => {
    const result = start({ PORT: "http", BETTER_AUTH_SECRET: "x".repeat(32) });
    expect(result).toMatchObject({
      status: 1,
      lines: ['npm start: PORT must be a port number from 1 to 65535, not "http".'],
    });
  });

  it("when DATABASE_URL cannot be reached", () => {
    const result = start({
      PORT: freePort,
      DATABASE_URL: `postgresql://u:p@127.0.0.1:${freePort}/x`,
      BETTER_AUTH_SECRET: "x".repeat(32),
    });
    expect(result.status).toBe(1);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatch(
      new RegExp(`^npm start: Cannot reach the database in DATABASE_URL \\(127\\.0\\.0\\.1:${freePort}\\): `),
    );
    expect(result.lines[0]).not.toContain("u:p");
  });

  it("in production without BETTER_AUTH_SECRET, instead of generating one", () => {
    const result = start({ NODE_ENV: "production", PORT: freePort, DATABASE_URL: "postgresql://u:p@127.0.0.1:1/x" });
    expect(result).toMatchObject({
      status: 1,
      lines: ["npm start: BETTER_AUTH_SECRET is required in production (at least 32 random bytes)."],
    });
  });
});
