"use client";

import { type Dispatch, useRef, useState } from "react";
import { ApiError } from "@/lib/api-client";
import { getApiToken } from "@/lib/api-token";
import type { TaskChange } from "@/lib/sync-schemas";
import { CLEARING, PLACEHOLDER_PREFIX, type TaskListAction } from "@/lib/task-list-state";
import type { CreateTaskInput, Task } from "@/lib/task-schemas";
import {
  clearCompletedRequest,
  completeTaskRequest,
  createTaskRequest,
  deleteTaskRequest,
  moveTaskRequest,
  TaskConflictError,
  updateTaskRequest,
} from "@/lib/tasks-api";
import type { CommitOutcome, Undoable, UnsentOperation } from "./use-undoable";

export type AddTaskResult = { ok: true } | { ok: false; fieldErrors: Record<string, string | undefined> };

export type TaskEdit = Pick<Task, "title" | "description" | "due_date" | "priority">;

/** The version an edit was made on, and what to do when the server has a newer one. */
export interface EditBase {
  version: number;
  onConflict: (theirs: Task) => void;
}

/** What an operation leaves behind: the task as it now is, or null when it is gone. */
type Outcome = Task | null;

/**
 * Adding, completing, editing, moving and deleting, each shown at once and
 * undone (with a message) when the server refuses. Requests for one task run
 * one after another, each starting from the task as the previous one left it,
 * so nothing a person does is ignored or overtaken; new tasks are created in
 * the order they were added. Deleting and clearing wait for their Undo.
 */
/**
 * `onSaved`: each answer the server gave this tab (a task, or a deletion),
 * told before the list settles, so the counts can come from the server's side.
 */
export function useTaskMutations(
  dispatch: Dispatch<TaskListAction>,
  undoable: Undoable,
  onSaved: (change: TaskChange) => void,
) {
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const queues = useRef(new Map<string, Promise<Outcome>>());
  const creates = useRef<Promise<unknown>>(Promise.resolve());
  const placeholders = useRef(0);

  /** Runs `operation` once earlier operations on the task have finished, on the task as they left it. */
  function afterEarlier(task: Task, operation: (current: Task) => Promise<Outcome>): Promise<Outcome> {
    const earlier = queues.current.get(task.id) ?? Promise.resolve(task);
    const queued = earlier.then((current) => (current ? operation(current) : null));
    queues.current.set(task.id, queued);
    void queued.then(() => {
      if (queues.current.get(task.id) === queued) queues.current.delete(task.id);
    });
    return queued;
  }

  function fail(message: string, error: unknown) {
    setProblem(`${message} ${describeError(error)}`);
  }

  function addTask(input: CreateTaskInput): Promise<AddTaskResult> {
    setProblem(null);
    placeholders.current += 1;
    const now = new Date().toISOString();
    const placeholder: Task = {
      id: `${PLACEHOLDER_PREFIX}${placeholders.current}`,
      user_id: "",
      title: input.title,
      description: input.description ?? null,
      completed: false,
      due_date: input.due_date ?? null,
      priority: input.priority ?? "none",
      // New tasks go to the top; "" sorts before every real position.
      position: "",
      created_at: now,
      updated_at: now,
      version: 1,
    };
    dispatch({ type: "inserted", task: placeholder, saving: true });
    const created = creates.current.then(() => createTaskRequest(input));
    creates.current = created.catch(() => null);
    return created.then(
      (saved): AddTaskResult => {
        onSaved(saved);
        dispatch({ type: "replaced", id: placeholder.id, task: saved });
        setAnnouncement(`Added “${saved.title}”.`);
        return { ok: true };
      },
      (error: unknown): AddTaskResult => {
        dispatch({ type: "removed", task: placeholder });
        if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
          return { ok: false, fieldErrors: error.fieldErrors };
        }
        fail(`Couldn't add “${input.title}”.`, error);
        return { ok: false, fieldErrors: {} };
      },
    );
  }

  function changeTask(
    task: Task,
    change: (current: Task) => Partial<Task>,
    save: (current: Task) => Promise<Task>,
    onConflict?: (theirs: Task) => void,
  ) {
    setProblem(null);
    return afterEarlier(task, async (current) => {
      const optimistic = { ...current, ...change(current) };
      dispatch({ type: "changed", from: current, to: optimistic, saving: true });
      try {
        const saved = await save(optimistic);
        onSaved(saved);
        dispatch({ type: "changed", from: optimistic, to: saved, saving: false });
        return saved;
      } catch (error) {
        // Changed elsewhere: show their version, and let the person choose (nothing is overwritten).
        if (error instanceof TaskConflictError) {
          dispatch({ type: "changed", from: optimistic, to: error.theirs, saving: false });
          onConflict?.(error.theirs);
          return error.theirs;
        }
        if (error instanceof ApiError && error.status === 404) {
          dispatch({ type: "removed", task: optimistic });
          setProblem(`“${current.title}” no longer exists. It may have been deleted in another window.`);
          return null;
        }
        dispatch({ type: "changed", from: optimistic, to: current, saving: false });
        fail(`Couldn't save “${current.title}”.`, error);
        return current;
      }
    });
  }

  const toggleTask = (task: Task) => {
    // A pending clear deletes what is completed when it is sent: send it before completion changes.
    undoable.settle("clear");
    return changeTask(
      task,
      (current) => ({ completed: !current.completed }),
      (next) => completeTaskRequest(next.id, next.completed),
    );
  };

  const editTask = (task: Task, edit: TaskEdit, base: EditBase) =>
    changeTask(
      task,
      () => edit,
      (next) => updateTaskRequest(next.id, edit, base.version),
      base.onConflict,
    );

  /** `position` is where it shows until the server answers with the real one. */
  const moveTask = (task: Task, afterId: string | null, position: string) =>
    changeTask(
      task,
      () => ({ position }),
      (next) => moveTaskRequest(next.id, afterId),
    );

  /** A deletion the server has done: the sync's copy first, then the task is no longer in flight. */
  function deleted(id: string) {
    onSaved({ id, deleted: true });
    dispatch({ type: "settled", id });
  }

  function deleteTask(task: Task) {
    setProblem(null);
    return afterEarlier(
      task,
      (current) =>
        new Promise<Outcome>((resolve) => {
          dispatch({ type: "removed", task: current, held: true });
          // A fresh token now, so a deletion sent as the page closes needs no token request first.
          getApiToken().catch(() => {});
          undoable.schedule({
            kind: "delete",
            id: current.id,
            message: `Deleted “${current.title}”.`,
            undo: () => {
              dispatch({ type: "inserted", task: current, saving: false });
              setAnnouncement(`Restored “${current.title}”.`);
              resolve(current);
            },
            commit: async (keepalive) => {
              try {
                await deleteTaskRequest(current.id, { keepalive });
              } catch (error) {
                // Already gone is what the person wanted.
                if (!(error instanceof ApiError && error.status === 404)) {
                  dispatch({ type: "inserted", task: current, saving: false });
                  fail(`Couldn't delete “${current.title}”.`, error);
                  resolve(current);
                  return outcomeOf(error);
                }
              }
              deleted(current.id);
              resolve(null);
              return "done";
            },
          });
        }),
    );
  }

  /** Clears every completed task; `loaded` are the ones on screen, `completed` how many there are in all. */
  function clearCompleted(loaded: Task[], completed: number) {
    setProblem(null);
    dispatch({ type: "cleared" });
    getApiToken().catch(() => {});
    undoable.schedule({
      kind: "clear",
      message: `Cleared ${completed} completed ${completed === 1 ? "task" : "tasks"}.`,
      undo: () => {
        dispatch({ type: "restored", tasks: loaded, completed });
        setAnnouncement("Completed tasks restored.");
      },
      commit: async (keepalive) => {
        try {
          await clearCompletedRequest({ keepalive });
        } catch (error) {
          dispatch({ type: "restored", tasks: loaded, completed });
          fail("Couldn't clear completed tasks.", error);
          return outcomeOf(error);
        }
        for (const task of loaded) onSaved({ id: task.id, deleted: true });
        dispatch({ type: "settled", id: CLEARING });
        return "done";
      },
    });
  }

  /** Sends again, and shows, a deletion that the previous page may not have got through (takeUnsent). */
  function resend(unsent: UnsentOperation, tasks: Task[]) {
    if (unsent.kind === "clear") {
      dispatch({ type: "cleared" });
      clearCompletedRequest()
        .catch((error: unknown) => fail("Couldn't clear completed tasks.", error))
        .finally(() => dispatch({ type: "settled", id: CLEARING }));
      return;
    }
    const shown = tasks.find((task) => task.id === unsent.id);
    if (shown) dispatch({ type: "removed", task: shown, held: true });
    deleteTaskRequest(unsent.id).then(
      () => deleted(unsent.id),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return deleted(unsent.id);
        if (shown) dispatch({ type: "inserted", task: shown, saving: false });
        fail("Couldn't delete a task.", error);
      },
    );
  }

  return {
    resend,
    problem,
    reportProblem: fail,
    dismissProblem: () => setProblem(null),
    announcement,
    addTask,
    announce: setAnnouncement,
    toggleTask,
    editTask,
    moveTask,
    deleteTask,
    clearCompleted,
  };
}

/** Only the server's own refusal says nothing was done; a lost connection (status 0) may have come after it was. */
const outcomeOf = (error: unknown): CommitOutcome =>
  error instanceof ApiError && error.status >= 400 ? "refused" : "unknown";

export function describeError(error: unknown): string {
  return error instanceof ApiError ? error.detail : "Something went wrong. Please try again.";
}
