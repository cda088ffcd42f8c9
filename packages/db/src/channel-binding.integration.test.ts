// Neon's connection strings (`sslmode=require&channel_binding=require`) through
// createPrismaClient, against a local PostgreSQL this test puts behind TLS.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client.ts";
import { startTestCluster, type TestCluster } from "./test-cluster.ts";
import { createTestCertificates, type Relay, serveTls, startTlsRelay } from "./tls-test-support.ts";

// First match wins: two roles the server lets in without SCRAM, everyone else
// with SCRAM (which PostgreSQL offers as SCRAM-SHA-256-PLUS too, over TLS).
const HBA = `
hostssl all trusting  127.0.0.1/32 trust
hostssl all cleartext 127.0.0.1/32 password
host    all all       127.0.0.1/32 scram-sha-256
`;

let tls: TestCluster;
let plain: TestCluster;
let relay: Relay;
let caFile: string;

beforeAll(async () => {
  [tls, plain] = await Promise.all([startTestCluster("tls"), startTestCluster("plain")]);
  const certificates = createTestCertificates(tls.folder);
  caFile = certificates.caFile;
  await withClient(tls.postgres.url, (client) =>
    client.query("CREATE ROLE trusting LOGIN; CREATE ROLE cleartext LOGIN PASSWORD 'cleartext-password'"),
  );
  await serveTls(tls.postgres.url, tls.dataDir, certificates.issue("server"), HBA);
  // Another certificate from the same trusted CA: only channel binding tells it apart.
  relay = await startTlsRelay(tls.postgres.port, certificates.issue("impostor"));
});

afterAll(async () => {
  relay?.close();
  await Promise.all([tls?.dispose(), plain?.dispose()]);
});

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The cluster's URL with other credentials, port or parameters. */
function neonStyleUrl(
  base: string,
  options: { user?: string; password?: string; port?: number; params?: Record<string, string> } = {},
): string {
  const url = new URL(base);
  if (options.user !== undefined) url.username = options.user;
  if (options.password !== undefined) url.password = options.password;
  if (options.port !== undefined) url.port = String(options.port);
  const params = options.params ?? { sslmode: "require", channel_binding: "require" };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  // The client verifies the server's certificate; ours comes from the test CA.
  url.searchParams.set("sslrootcert", caFile);
  return url.toString();
}

/** Runs one query through a fresh Prisma client and always disconnects it. */
async function queryThroughPrisma(url: string): Promise<Array<{ ssl: boolean; user: string }>> {
  const prisma = createPrismaClient(url, { max: 1 });
  try {
    return await prisma.$queryRaw<Array<{ ssl: boolean; user: string }>>`
      SELECT ssl, current_user::text AS user FROM pg_stat_ssl WHERE pid = pg_backend_pid()`;
  } finally {
    await prisma.$disconnect();
  }
}

describe("createPrismaClient with sslmode=require&channel_binding=require", () => {
  it("connects over TLS to the server whose certificate it verified", async () => {
    await expect(queryThroughPrisma(neonStyleUrl(tls.postgres.url))).resolves.toEqual([
      { ssl: true, user: "postgres" },
    ]);
  });

  it("binds the login to the server's certificate: a relay holding another trusted certificate is refused", async () => {
    const relayed = { port: relay.port };
    // The relay itself works: without channel binding the same login goes through it.
    await expect(
      queryThroughPrisma(neonStyleUrl(tls.postgres.url, { ...relayed, params: { sslmode: "require" } })),
    ).resolves.toEqual([{ ssl: true, user: "postgres" }]);
    // With it, the server finds the login bound to the relay's certificate, not its own.
    await expect(queryThroughPrisma(neonStyleUrl(tls.postgres.url, relayed))).rejects.toThrow(
      /SCRAM channel binding check failed/,
    );
  });

  it.each([
    ["no authentication at all", { user: "trusting" }],
    ["a cleartext password", { user: "cleartext", password: "cleartext-password" }],
  ])("refuses a server that asks for %s instead of falling back", async (_case, credentials) => {
    // The same server and role are fine when channel binding is only preferred.
    const preferred = neonStyleUrl(tls.postgres.url, {
      ...credentials,
      params: { sslmode: "require", channel_binding: "prefer" },
    });
    await expect(queryThroughPrisma(preferred)).resolves.toEqual([{ ssl: true, user: credentials.user }]);
    await expect(queryThroughPrisma(neonStyleUrl(tls.postgres.url, credentials))).rejects.toThrow(
      /channel_binding=require, but the server/,
    );
  });

  it("fails against a server without TLS rather than connecting in the clear", async () => {
    await withClient(plain.postgres.url, async (client) => {
      expect((await client.query<{ ssl: string }>("SHOW ssl")).rows).toEqual([{ ssl: "off" }]);
    });
    await expect(queryThroughPrisma(neonStyleUrl(plain.postgres.url))).rejects.toThrow(
      /does not support SSL connections/,
    );
  });
});
