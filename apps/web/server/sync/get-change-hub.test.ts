import { describe, expect, it } from "vitest";
import { isPooled } from "./get-change-hub";

describe("isPooled", () => {
  it.each([
    ["postgresql://u:p@ep-cool-darkness-123456-pooler.eu-central-1.aws.neon.tech/db?sslmode=require", true],
    ["postgresql://u:p@ep-cool-darkness-123456.eu-central-1.aws.neon.tech/db?sslmode=require", false],
    ["postgresql://postgres@127.0.0.1:5432/todo", false],
    ["not a url", false],
  ])("%s → %s", (url, pooled) => {
    expect(isPooled(url)).toBe(pooled);
  });
});
