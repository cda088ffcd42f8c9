import { describe, expect, it } from "vitest";
import { stoppedOnRequest } from "./stop";

describe("stoppedOnRequest: how Next's exit reads", () => {
  it.each([
    [0, null, true],
    [130, null, true], // SIGINT, handled by Next
    [143, null, true], // SIGTERM, handled by Next
    [null, "SIGTERM", true], // before Next installed its handler
    [null, "SIGINT", true],
    [1, null, false], // a crash
    [137, null, false],
    [null, "SIGKILL", false],
    [null, "SIGSEGV", false],
  ] as const)("exit code %s, signal %s: %s", (code, signal, stopped) => {
    expect(stoppedOnRequest(code, signal)).toBe(stopped);
  });
});
