// The visitor's address, for throttling and the audit log. X-Forwarded-For is only as trustworthy as whoever wrote
// each entry: a client can send any list it likes. So the server stamps every request, as it arrives, with the
// socket's address (lib/auth/peer-address.ts): it appends that address to X-Forwarded-For and repeats it in
// PEER_HEADER, replacing anything the client sent there. The chain's last entry is then always the socket's
// address; each trusted reverse proxy in front of us appended one more entry before it. With TRUST_PROXY_HOPS = n
// the visitor is the entry n places before the last: what the outermost of our own proxies saw.

export const PEER_HEADER = "x-breakingon-peer";
/** Set once the stamp is installed: from then on a request without the stamp arrived before it, and is not trusted. */
export const PEER_STAMP_INSTALLED = Symbol.for("breakingon.peerStampInstalled");

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  const raw = headers instanceof Headers ? headers.get(name) : headers?.[name];
  return Array.isArray(raw) ? raw.join(",") : (raw ?? undefined);
}

function normalise(entry: string): string {
  return entry.trim().replace(/^::ffff:/i, "").slice(0, 64);
}

/**
 * The address `hops` entries before the socket's in the forwarding chain (0: the socket's own). A chain shorter
 * than that (a request that did not pass all the proxies) answers its first entry, which our proxies wrote too.
 */
export function clientAddress(headers: HeaderSource, hops: number): string {
  const chain = (header(headers, "x-forwarded-for") ?? "").split(",").map(normalise).filter(Boolean);
  const peer = header(headers, PEER_HEADER)?.trim();
  if (peer) {
    if (chain.at(-1) !== normalise(peer)) chain.push(normalise(peer));
  } else if ((globalThis as Record<symbol, unknown>)[PEER_STAMP_INSTALLED]) {
    // The server stamps every request; one without the stamp came before start-up finished. Its chain is
    // whatever the client sent, so it shares one address with every other such request.
    return "unknown";
  }
  // Without a stamping server (unit tests, tools), the last entry is the one the Next.js server set from the socket.
  if (chain.length === 0) return "unknown";
  return chain.at(-1 - Math.max(0, Math.trunc(hops))) ?? chain[0];
}
