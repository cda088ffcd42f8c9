import { describe, expect, it } from "vitest";
import { formatMemory, megabytes, parseVmRss, rss } from "./process-memory";

describe("parseVmRss", () => {
  it("reads the resident set from /proc/<pid>/status, in bytes", () => {
    const status = "Name:\tnode\nVmHWM:\t  527872 kB\nVmRSS:\t  469616 kB\nRssAnon:\t  400000 kB\n";
    expect(parseVmRss(status)).toBe(469_616 * 1024);
  });

  it("is undefined where the line is missing (a kernel thread, a zombie)", () => {
    expect(parseVmRss("Name:\tkthreadd\nState:\tS (sleeping)\n")).toBeUndefined();
  });
});

describe("rss", () => {
  it("reads a live process's memory, and nothing for a process that is gone", () => {
    const own = rss(process.pid);
    expect(own).toBeGreaterThan(process.memoryUsage().heapUsed);
    expect(rss(2 ** 22 + 1)).toBeUndefined(); // above the kernel's pid limit
  });
});

describe("megabytes", () => {
  it("rounds to whole MiB and shows a missing figure as a dash", () => {
    expect(megabytes(300 * 1024 * 1024 + 400_000)).toBe("300 MB");
    expect(megabytes(undefined)).toBe("–");
  });
});

describe("formatMemory", () => {
  const mb = (value: number) => value * 1024 * 1024;

  it("shows one process alone", () => {
    expect(formatMemory({ servers: [mb(290)], launcher: 0 })).toBe("RSS after the load: server process 290 MB");
  });

  it("adds up a cluster's workers and shows its primary apart", () => {
    expect(formatMemory({ servers: [mb(280), mb(300)], launcher: mb(70) })).toBe(
      "RSS after the load: server processes 280 MB + 300 MB = 580 MB; the cluster's primary 70 MB",
    );
  });
});
