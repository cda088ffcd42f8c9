// npm never re-adds an optional package that went missing from the lockfile:
// `npm ci` on that platform then installs without it (next without its native
// swc on macOS or Windows) and `npm install` there rewrites the lockfile.

export type LockEntry = { optionalDependencies?: Record<string, string> };

// Where node_modules resolution looks for `name` from the package at `path`:
// its own node_modules, then each enclosing package's, then the root's.
export function lookupPaths(path: string, name: string): string[] {
  const own = path === "" ? `node_modules/${name}` : `${path}/node_modules/${name}`;
  if (path === "") return [own];
  const nested = path.lastIndexOf("/node_modules/");
  return [own, ...lookupPaths(nested === -1 ? "" : path.slice(0, nested), name)];
}

/** Optional dependencies (`path → name`) that no lockfile entry provides. */
export function unresolvedOptionalDependencies(packages: Record<string, LockEntry>): string[] {
  return Object.entries(packages).flatMap(([path, entry]) =>
    Object.keys(entry.optionalDependencies ?? {})
      .filter((name) => !lookupPaths(path, name).some((candidate) => candidate in packages))
      .map((name) => `${path || "(root)"} → ${name}`),
  );
}
