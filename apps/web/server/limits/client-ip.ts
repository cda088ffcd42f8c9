import { isIP } from "node:net";

/**
 * The header that carries the address of the TCP peer. `npm start` and the
 * other launchers set it in the server process itself (scripts/server-preload.cjs),
 * replacing any copy a client sent; Next gives route handlers no socket.
 */
export const PEER_ADDRESS_HEADER = "x-todo-peer-address";

/** The header Better Auth reads the client address from; set by `headersWithClientIp`, never by a client. */
export const CLIENT_IP_HEADER = "x-todo-client-ip";

export interface ClientIpOptions {
  /** On Vercel its edge sets x-real-ip and overwrites X-Forwarded-For; nothing a client sends survives. */
  onVercel: boolean;
  /** Reverse proxies in front of the app that each append the address they saw to X-Forwarded-For. */
  trustedProxyHops: number;
}

/**
 * The client's address as far as this deployment can vouch for it: on Vercel
 * its header; otherwise the peer's address, or with N trusted proxies in front
 * the Nth address from the right of X-Forwarded-For + peer (what the outermost
 * trusted proxy saw). Never an address only the client asserted.
 */
export function clientIp(headers: Headers, { onVercel, trustedProxyHops }: ClientIpOptions): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (onVercel) return valid(headers.get("x-real-ip")?.trim()) ?? valid(forwarded.at(-1));
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  // Without the launcher's peer header (plain `next start`), Next itself put
  // the socket's address into X-Forwarded-For unless the client sent one.
  const chain = peer ? [...forwarded, peer] : forwarded;
  return valid(chain[Math.max(0, chain.length - 1 - trustedProxyHops)]);
}

const valid = (address: string | undefined) => (address && isIP(stripMapped(address)) ? stripMapped(address) : null);

// An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d.
const stripMapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

/** The request's headers, with CLIENT_IP_HEADER set to the vouched-for address (or absent). */
export function headersWithClientIp(request: Request, options: ClientIpOptions): Headers {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_IP_HEADER);
  const address = clientIp(request.headers, options);
  if (address) headers.set(CLIENT_IP_HEADER, address);
  return headers;
}
