// The files each page of a `next build` (App Router, Turbopack) loads first,
// read from the build's own manifests: Next's runtime (`rootMainFiles` in
// build-manifest.json), then, from the page's client reference manifest, the
// client chunks and style sheets of every segment it renders (root layout,
// group layouts, the page, and the not-found and global-error boundaries that
// wrap every page). Scripts loaded later (dynamic imports, other routes'
// prefetches) are not first-load and are not listed.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { runInNewContext } from "node:vm";
import { type RouteFiles, routeOf } from "./size-budget";

/**
 * Next's own 404 page is the floor: it renders only what wraps every page
 * (the root layout, the not-found and global-error boundaries) and Next's
 * runtime, exactly the files an empty page added to this build would load.
 * Checked once by building the app with an empty page: its list of files was
 * the same.
 */
export const FLOOR_ROUTE = "/_not-found";

/** Next's fallback for errors in the root layout, never a page of its own. */
const NOT_A_PAGE = "/_global-error";

interface ClientReferenceManifest {
  entryJSFiles: Record<string, string[]>;
  entryCSSFiles: Record<string, { path: string }[]>;
}

export function readRouteFiles(distDir: string): { floor: RouteFiles; routes: RouteFiles[] } {
  const buildManifest: { rootMainFiles: string[] } = JSON.parse(
    readFileSync(join(distDir, "build-manifest.json"), "utf8"),
  );
  const all = pageManifests(join(distDir, "server/app")).flatMap((file) =>
    Object.entries(evaluateManifest(file)).map(([pageKey, manifest]) => ({
      route: routeOf(pageKey),
      js: [...buildManifest.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()],
      css: Object.values(manifest.entryCSSFiles).flatMap((sheets) => sheets.map((sheet) => sheet.path)),
    })),
  );
  const floor = all.find((page) => page.route === FLOOR_ROUTE);
  if (!floor)
    throw new Error(`no ${FLOOR_ROUTE} page in ${relative(process.cwd(), distDir)}: is this an App Router build?`);
  const routes = all
    .filter((page) => page.route !== FLOOR_ROUTE && page.route !== NOT_A_PAGE)
    .sort((a, b) => a.route.localeCompare(b.route));
  return { floor, routes };
}

function pageManifests(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("page_client-reference-manifest.js"))
    .map((file) => join(folder, file));
}

// The manifest is a script that assigns globalThis.__RSC_MANIFEST[page]; run
// it in an empty context of its own rather than parse its text.
function evaluateManifest(file: string): Record<string, ClientReferenceManifest> {
  const context: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  context.globalThis = context;
  runInNewContext(readFileSync(file, "utf8"), context, { filename: file });
  return context.__RSC_MANIFEST ?? {};
}
