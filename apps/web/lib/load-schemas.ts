// The API's zod schemas as the browser gets them: after the page, not with it
// (zod/mini is ~20 KB gzipped, more than a page's own code), shared by every
// caller. A form preloads them when it appears, so that by the time someone
// submits, `loadedTaskSchemas()` has them and the check runs at once.
type TaskSchemas = typeof import("./task-schemas");

let loaded: TaskSchemas | undefined;
let loading: Promise<TaskSchemas> | undefined;

export function loadTaskSchemas(): Promise<TaskSchemas> {
  loading ??= import("./task-schemas").then(
    (schemas) => {
      loaded = schemas;
      return schemas;
    },
    (error: unknown) => {
      loading = undefined; // offline for a moment: the next call tries again
      throw error;
    },
  );
  return loading;
}

export const loadedTaskSchemas = (): TaskSchemas | undefined => loaded;

export const loadSyncSchemas = () => import("./sync-schemas");
