import { describe, expect, it } from "vitest";
import { ConnectionStringError, readConnectionString } from "./pool.ts";

const NEON = "postgresql://alex:p%40ss%2Fw0rd@ep-example-1234-pooler.region.neon.invalid/neondb";

describe("readConnectionString", () => {
  it("leaves a URL without TLS or channel binding parameters exactly as it is", () => {
    const local = "postgresql://postgres:secret@127.0.0.1:5432/todo";
    expect(readConnectionString(local)).toEqual({ url: local });
  });

  it("reads channel_binding, which node-postgres would ignore, and keeps certificate checks on", () => {
    const { url, channelBinding } = readConnectionString(`${NEON}?sslmode=require&channel_binding=require`);
    expect(channelBinding).toBe("require");
    const parsed = new URL(url);
    expect(parsed.searchParams.get("sslmode")).toBe("verify-full");
    expect(parsed.searchParams.has("channel_binding")).toBe(false);
    expect(decodeURIComponent(parsed.password)).toBe("p@ss/w0rd");
    expect(parsed.hostname).toBe("ep-example-1234-pooler.region.neon.invalid");
  });

  it("keeps libpq's meaning of sslmode=require when the URL asks for libpq compatibility", () => {
    const { url } = readConnectionString(`${NEON}?sslmode=require&uselibpqcompat=true`);
    expect(new URL(url).searchParams.get("sslmode")).toBe("require");
  });

  it.each([
    ["channel_binding=require without TLS", "?channel_binding=require", /needs TLS/],
    ["channel_binding=require with TLS disabled", "?sslmode=disable&channel_binding=require", /needs TLS/],
    ["an unknown channel_binding", "?sslmode=require&channel_binding=always", /use disable, prefer or require/],
  ])("refuses %s", (_case, query, message) => {
    expect(() => readConnectionString(`${NEON}${query}`)).toThrow(ConnectionStringError);
    expect(() => readConnectionString(`${NEON}${query}`)).toThrow(message);
  });
});
