// The node-postgres pool behind the Prisma client. node-postgres reads most of
// libpq's URL parameters, but not all of them the way libpq does: this file
// makes Neon's `sslmode=require&channel_binding=require` mean what it says.
import { TLSSocket } from "node:tls";
import pg from "pg";

export interface PoolOptions {
  /** Most connections this process opens (keep it small on serverless). */
  max?: number;
  /** How long an idle connection is kept before it is closed. */
  idleTimeoutMs?: number;
  /**
   * The server cancels any statement that runs longer (SQLSTATE 57014), so no
   * query holds a connection for minutes. Sent as a startup parameter of each
   * connection, so it costs no round trip; 0 sends none, and the server's own
   * setting applies (poolers and proxies that drop startup parameters: see README).
   */
  statementTimeoutMs?: number;
  /**
   * How long to wait for a connection, whether a new one or a free one from a
   * full pool, before the query fails: a database that is gone fails requests
   * quickly instead of queueing them.
   */
  connectTimeoutMs?: number;
}

/** A DATABASE_URL that cannot be honoured as written. */
export class ConnectionStringError extends Error {}

/** A server that would not let this client authenticate with channel binding. */
export class ChannelBindingError extends Error {}

export type ChannelBinding = "disable" | "prefer" | "require";

export interface ConnectionSettings {
  /** The URL to hand to node-postgres. */
  url: string;
  channelBinding?: ChannelBinding;
}

const CHANNEL_BINDINGS: readonly string[] = ["disable", "prefer", "require"] satisfies ChannelBinding[];
const SCRAM_PLUS = "SCRAM-SHA-256-PLUS";

/**
 * Reads the libpq parameters node-postgres would get wrong:
 * - `channel_binding` is ignored by node-postgres (pg-connection-string 2.x
 *   copies it into the config, where nothing reads it); it is returned here.
 * - `sslmode=require` is treated by node-postgres 8 as `verify-full` (the
 *   certificate is checked, more than libpq's `require` does) with a security
 *   warning on every start, and will turn into libpq's unverified `require` in
 *   node-postgres 9. Neon's certificates are publicly trusted, so we keep the
 *   verification and say so explicitly.
 */
export function readConnectionString(connectionString: string): ConnectionSettings {
  if (!/[?&](sslmode|channel_binding)=/.test(connectionString)) return { url: connectionString };
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new ConnectionStringError("DATABASE_URL is not a valid URL");
  }
  const params = url.searchParams;
  const channelBinding = params.get("channel_binding") ?? undefined;
  if (channelBinding !== undefined && !isChannelBinding(channelBinding)) {
    throw new ConnectionStringError(
      `DATABASE_URL has channel_binding=${channelBinding}: use disable, prefer or require`,
    );
  }
  const sslmode = params.get("sslmode");
  if (channelBinding === "require" && (sslmode === null || sslmode === "disable")) {
    throw new ConnectionStringError("DATABASE_URL has channel_binding=require, which needs TLS: add sslmode=require");
  }
  if (sslmode === "require" && params.get("uselibpqcompat") !== "true") params.set("sslmode", "verify-full");
  params.delete("channel_binding");
  return { url: url.toString(), channelBinding };
}

function isChannelBinding(value: string): value is ChannelBinding {
  return CHANNEL_BINDINGS.includes(value);
}

/** A pool for one database URL; see readConnectionString for what the URL may say. */
export function createPool(connectionString: string, options: PoolOptions = {}): pg.Pool {
  const { url, channelBinding } = readConnectionString(connectionString);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000,
    statement_timeout: options.statementTimeoutMs ?? 5_000,
    // node-postgres uses SCRAM-SHA-256-PLUS when the server offers it, but only
    // with this flag, and falls back silently when it is not offered.
    enableChannelBinding: channelBinding === "prefer" || channelBinding === "require",
    ...(channelBinding === "require" ? { Client: ChannelBoundClient } : {}),
  });
  // A connection the server ends (a restart: 57P01) emits "error". The pool
  // listens only while the connection is idle; one that is checked out and
  // between statements would otherwise throw an uncaught exception and take
  // the whole server process down. Its holder still sees the failure on its
  // next query, and the pool then discards the connection.
  pool.on("connect", (client) => client.on("error", noteConnectionError));
  // An idle connection's error, and one that comes after a holder released a
  // broken connection, are re-emitted by the pool: unheard, that throws too.
  pool.on("error", noteConnectionError);
  return pool;
}

function noteConnectionError(error: Error): void {
  console.warn(JSON.stringify({ level: "warn", message: "database connection ended", error: error.message }));
}

/** A single connection (migrations, scripts) honouring the same URL parameters as createPool. */
export function createClient(connectionString: string, options: { connectionTimeoutMillis?: number } = {}): pg.Client {
  const { url, channelBinding } = readConnectionString(connectionString);
  const config: pg.ClientConfig = {
    connectionString: url,
    enableChannelBinding: channelBinding === "prefer" || channelBinding === "require",
    ...options,
  };
  return channelBinding === "require" ? new ChannelBoundClient(config) : new pg.Client(config);
}

/**
 * libpq's `channel_binding=require`, which node-postgres lacks: the client
 * authenticates only with SCRAM-SHA-256-PLUS over TLS, which ties the login to
 * the server's certificate, so a man in the middle holding another certificate
 * cannot relay it. Anything else the server asks for (plain SCRAM, an MD5 or
 * cleartext password, or nothing at all) closes the connection before the
 * password is sent: these listeners run before the client's own, which are
 * attached later, in connect().
 */
class ChannelBoundClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super(config);
    const connection = this.connection;
    let bound = false;
    const refuse = (reason: string) =>
      connection.stream.destroy(new ChannelBindingError(`channel_binding=require, but ${reason}`));
    connection.on("authenticationSASL", (message: { mechanisms: string[] }) => {
      if (connection.stream instanceof TLSSocket && message.mechanisms.includes(SCRAM_PLUS)) bound = true;
      else refuse(`the server offers only ${message.mechanisms.join(", ")}`);
    });
    connection.on("authenticationCleartextPassword", () => refuse("the server asks for a cleartext password"));
    connection.on("authenticationMD5Password", () => refuse("the server asks for an MD5 password"));
    connection.on("authenticationOk", () => {
      if (!bound) refuse("the server let us in without SCRAM authentication");
    });
  }
}
