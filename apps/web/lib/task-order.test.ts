import { describe, expect, it } from "vitest";
import { comesBefore } from "./task-order";
import type { TaskSort } from "./task-planning";
import type { Task } from "./task-schemas";

const make = (id: string, fields: Partial<Task>): Task => ({
  id,
  user_id: "u",
  title: id,
  description: null,
  completed: false,
  due_date: null,
  priority: "none",
  position: "a0",
  created_at: "2026-11-01T00:00:00.000Z",
  updated_at: "2026-11-01T00:00:00.000Z",
  version: 1,
  ...fields,
});

// The same tasks as the server's "sorts" integration test, with the order it answers.
const tasks = [
  make("a", { due_date: "2026-12-03", priority: "low", created_at: "2026-11-01T00:00:01.000Z", position: "a5" }),
  make("b", { due_date: null, priority: "high", created_at: "2026-11-01T00:00:02.000Z", position: "a4" }),
  make("c", { due_date: "2026-12-01", priority: "none", created_at: "2026-11-01T00:00:03.000Z", position: "a3" }),
  make("d", { due_date: "2026-12-03", priority: "high", created_at: "2026-11-01T00:00:04.000Z", position: "a2" }),
  make("e", { due_date: null, priority: "medium", created_at: "2026-11-01T00:00:05.000Z", position: "a1" }),
  make("f", { due_date: "2026-12-02", priority: "low", created_at: "2026-11-01T00:00:06.000Z", position: "a0" }),
];

describe("comesBefore", () => {
  it.each<[TaskSort, string]>([
    ["created", "fedcba"],
    ["due", "cfdaeb"],
    ["priority", "dbefac"],
    ["manual", "fedcba"],
  ])("orders by %s as the API does: %s", (sort, expected) => {
    const sorted = [...tasks].sort((x, y) => (comesBefore(x, y, sort) ? -1 : comesBefore(y, x, sort) ? 1 : 0));
    expect(sorted.map((task) => task.id).join("")).toBe(expected);
  });

  it('compares positions by bytes, as PostgreSQL\'s COLLATE "C" does', () => {
    expect(comesBefore(make("x", { position: "aZ" }), make("y", { position: "aa" }), "manual")).toBe(true);
    expect(comesBefore(make("x", { position: "" }), make("y", { position: "A0" }), "manual")).toBe(true);
  });
});
