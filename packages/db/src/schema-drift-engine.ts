// Prisma's own schema engine in its WebAssembly build. `prisma migrate diff`
// runs the native engine, which cannot be downloaded on our machines; this
// build runs wherever Node does, and reads PostgreSQL through a driver adapter.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { schemaEngineAdapter } from "./schema-drift-adapter.ts";

export type SchemaEngine = bindings.SchemaEngine;

const require = createRequire(import.meta.url);
const prismaDir = dirname(require.resolve("prisma/package.json"));
const bindingsDir = dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));

/** The engine build (a prisma-engines commit) the installed `prisma` names in `@prisma/engines-version`. */
export function installedEngineHash(): string {
  // Resolved through prisma's own dependencies: the copy prisma itself uses.
  const engines = createRequire(join(prismaDir, "package.json")).resolve("@prisma/engines/package.json");
  const manifest = readJson(createRequire(engines).resolve("@prisma/engines-version/package.json"));
  const hash = isRecord(manifest.prisma) ? manifest.prisma.enginesVersion : undefined;
  if (typeof hash !== "string") throw new Error("@prisma/engines-version names no prisma.enginesVersion");
  return hash;
}

/** The installed `@prisma/schema-engine-wasm`: its bindings, and a binary of the build its version ends with. */
export function bindingsVersion(): string {
  const { version } = readJson(join(bindingsDir, "package.json"));
  if (typeof version !== "string") throw new Error("@prisma/schema-engine-wasm has no version");
  return version;
}

/**
 * The binary of the build prisma names. @prisma/schema-engine-wasm publishes
 * one per build, but our registry lacks some builds (7.10.1's among them),
 * while prisma ships the binary of its own build in its package: that copy is
 * used whenever the pinned bindings are of another build.
 */
function engineBinaryPath(): string {
  const bindingsBinary = join(bindingsDir, "schema_engine_bg.wasm");
  if (bindingsVersion().endsWith(`.${installedEngineHash()}`)) return bindingsBinary;
  const prismaBinary = join(prismaDir, "build/schema_engine_bg.wasm");
  if (!existsSync(prismaBinary)) {
    throw new Error(
      `prisma ships no schema engine binary: pin @prisma/schema-engine-wasm to the version that ends in .${installedEngineHash()}`,
    );
  }
  return prismaBinary;
}

/** Bindings drive a binary of another build only if both import and export exactly the same functions. */
export function assertBindingsFit(engine: WebAssembly.Module, bindingsBinary: WebAssembly.Module): void {
  const shape = (module: WebAssembly.Module) =>
    JSON.stringify([
      WebAssembly.Module.imports(module)
        .map(({ module: from, name, kind }) => `${from}.${name}:${kind}`)
        .sort(),
      WebAssembly.Module.exports(module)
        .map(({ name, kind }) => `${name}:${kind}`)
        .sort(),
    ]);
  if (shape(engine) !== shape(bindingsBinary)) {
    throw new Error(
      `@prisma/schema-engine-wasm ${bindingsVersion()} does not fit the engine build ${installedEngineHash()} that prisma names: pin the version that ends in .${installedEngineHash()}, or the nearest one that fits`,
    );
  }
}

// The bindings record a Rust panic's message here before the engine traps.
let panic: string | undefined;
let loaded: string | undefined;

/** Instantiates the engine once per process; returns its build, always the one prisma names. */
export function loadSchemaEngine(): string {
  if (loaded) return loaded;
  const engine = new WebAssembly.Module(readFileSync(engineBinaryPath()));
  assertBindingsFit(engine, new WebAssembly.Module(readFileSync(join(bindingsDir, "schema_engine_bg.wasm"))));
  Object.assign(globalThis, { PRISMA_WASM_PANIC_REGISTRY: { set_message: (message: string) => (panic = message) } });
  const instance = new WebAssembly.Instance(engine, { "./schema_engine_bg.js": { ...bindings } });
  bindings.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === "function") start();
  const build = bindings.version();
  if (build !== installedEngineHash()) {
    throw new Error(`The schema engine binary is build ${build}, but prisma names ${installedEngineHash()}`);
  }
  loaded = build;
  return build;
}

/** Runs `work` with an engine connected to the database at `databaseUrl`, then disconnects it. */
export async function withSchemaEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  loadSchemaEngine();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(schemaEngineAdapter(pool));
    const engine = await bindings.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } catch (error) {
    if (panic === undefined) throw error;
    // Nothing may be called on an engine after a panic: the next call starts a new one.
    const message = panic;
    panic = undefined;
    loaded = undefined;
    throw new Error(`Prisma's schema engine panicked: ${message}`, { cause: error });
  } finally {
    await pool.end();
  }
}

function readJson(file: string): Record<string, unknown> {
  const value: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!isRecord(value)) throw new Error(`${file} is not a JSON object`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
