import { describe, expect, it } from "vitest";
import { ServerEventParser } from "./server-events";

describe("ServerEventParser", () => {
  it("returns events once complete, across chunks, skipping comments", () => {
    const parser = new ServerEventParser();
    expect(parser.push("retry: 1000\n: connected\n\nevent: chan")).toEqual([]);
    expect(parser.push('ges\nid: abc\ndata: {"data":[]}\n\n: keep-alive\n\ndata: x\r\n\r\n')).toEqual([
      { event: "changes", id: "abc", data: '{"data":[]}' },
      { event: "message", id: undefined, data: "x" },
    ]);
  });
});
