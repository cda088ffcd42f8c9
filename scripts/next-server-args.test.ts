import { describe, expect, it } from "vitest";
import { nextBin, nextServerArgs, nextStartArgs, SERVER_PRELOAD, SERVER_V8_FLAGS, serverEnv } from "./next-server-args";

describe("nextServerArgs", () => {
  it("gives next start the server's V8 settings, then the caller's flags, which can override them", () => {
    expect(nextServerArgs("start", 3000, ["--cpu-prof"], ["--hostname", "127.0.0.1"])).toEqual([
      ...SERVER_V8_FLAGS,
      "--cpu-prof",
      "--require",
      SERVER_PRELOAD,
      nextBin(),
      "start",
      "--port",
      "3000",
      "--hostname",
      "127.0.0.1",
    ]);
  });

  it("leaves next dev's heap alone: it compiles in that process", () => {
    expect(nextServerArgs("dev", 3000)).toEqual(["--require", SERVER_PRELOAD, nextBin(), "dev", "--port", "3000"]);
  });
});

describe("nextStartArgs", () => {
  it("runs one next start directly", () => {
    expect(nextStartArgs(3000, 1, ["--cpu-prof"])).toEqual(nextServerArgs("start", 3000, ["--cpu-prof"]));
  });

  it("runs more through the cluster launcher, which gets one server's arguments for each worker", () => {
    const args = nextStartArgs(3000, 2, ["--cpu-prof"]);
    expect(args.slice(0, 2)).toEqual(["--import", "tsx"]);
    expect(args[2]).toMatch(/scripts\/cluster\.ts$/);
    expect(args.slice(3)).toEqual(["2", ...nextServerArgs("start", 3000, ["--cpu-prof"])]);
  });
});

describe("serverEnv", () => {
  it("limits malloc to two arenas unless the environment says otherwise", () => {
    expect(serverEnv({ PORT: "3000" })).toEqual({ PORT: "3000", MALLOC_ARENA_MAX: "2" });
    expect(serverEnv({ MALLOC_ARENA_MAX: "8" }).MALLOC_ARENA_MAX).toBe("8");
  });
});
