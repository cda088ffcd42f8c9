// Test support for TLS connections: a throw-away certificate authority, a
// PostgreSQL cluster that serves TLS, and a relay that terminates TLS in the
// middle the way an attacker with a trusted certificate would.
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Socket, connect as tcpConnect } from "node:net";
import { join } from "node:path";
import { TLSSocket, connect as tlsConnect } from "node:tls";
import pg from "pg";

export interface Identity {
  key: string;
  cert: string;
}

export interface TestCertificates {
  /** Path of the CA certificate, for a connection string's sslrootcert. */
  caFile: string;
  /** Signed by the CA for 127.0.0.1: a server's, or an impostor's. */
  issue(name: string): Identity;
}

/** A CA made with openssl, and certificates for 127.0.0.1 signed by it. */
export function createTestCertificates(folder: string): TestCertificates {
  const caKey = join(folder, "ca.key");
  const caFile = join(folder, "ca.crt");
  openssl(["-x509", "-days", "1", "-subj", "/CN=todo test CA", "-keyout", caKey, "-out", caFile]);
  return {
    caFile,
    issue(name) {
      const keyFile = join(folder, `${name}.key`);
      const certFile = join(folder, `${name}.crt`);
      openssl([
        ...["-x509", "-days", "1", "-subj", `/CN=${name}`, "-keyout", keyFile, "-out", certFile],
        ...[
          "-CA",
          caFile,
          "-CAkey",
          caKey,
          "-addext",
          "subjectAltName=IP:127.0.0.1",
          "-addext",
          "basicConstraints=CA:FALSE",
        ],
      ]);
      return { key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8") };
    },
  };
}

function openssl(args: string[]): void {
  execFileSync("openssl", ["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", ...args], {
    stdio: "pipe",
  });
}

/**
 * Turns TLS on in a running cluster and replaces its pg_hba.conf. The server
 * reads its key as the user that owns the data folder (the "postgres" user
 * when the tests run as root), and refuses a key others can read.
 */
export async function serveTls(adminUrl: string, dataDir: string, identity: Identity, hba: string): Promise<void> {
  const owner = statSync(dataDir);
  for (const [file, content] of [
    ["server.crt", identity.cert],
    ["server.key", identity.key],
    ["pg_hba.conf", hba],
  ] as const) {
    const path = join(dataDir, file);
    writeFileSync(path, content);
    chmodSync(path, 0o600);
    chownSync(path, owner.uid, owner.gid);
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("ALTER SYSTEM SET ssl = on");
    await admin.query("SELECT pg_reload_conf()");
  } finally {
    await admin.end();
  }
}

export interface Relay {
  port: number;
  close(): void;
}

/**
 * A man in the middle for PostgreSQL's TLS: it answers the client's
 * SSLRequest with its own certificate, opens its own TLS connection to the
 * server and passes the decrypted bytes along. Only channel binding can tell.
 */
export async function startTlsRelay(serverPort: number, identity: Identity): Promise<Relay> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    return socket;
  };
  const relay = createServer((client) => {
    track(client);
    client.once("data", (sslRequest) => {
      const upstream = track(tcpConnect(serverPort, "127.0.0.1", () => upstream.write(sslRequest)));
      upstream.once("data", () => {
        const toServer = track(
          tlsConnect({ socket: upstream, rejectUnauthorized: false }, () => {
            client.write("S");
            const toClient = track(new TLSSocket(client, { isServer: true, ...identity }));
            toClient.pipe(toServer).pipe(toClient);
          }),
        );
      });
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const address = relay.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    close: () => {
      for (const socket of sockets) socket.destroy();
      relay.close();
    },
  };
}
