import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { PEER_HEADER, PEER_STAMP_INSTALLED } from "./client-address";

/**
 * Stamps every incoming request with its socket's address (see lib/auth/client-address.ts), through Node's
 * "http.server.request.start" diagnostics channel, which fires before the Next.js server sees the request. Next.js
 * itself only fills X-Forwarded-For when the client sent none, so without this a client's own list would stand.
 * Installed once at start-up (lib/server-start.ts).
 */
export function stampPeerAddresses(): void {
  const global = globalThis as Record<symbol, unknown>;
  if (global[PEER_STAMP_INSTALLED]) return;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    stampRequest(request, socket.remoteAddress);
  });
  global[PEER_STAMP_INSTALLED] = true;
}

export function stampRequest(request: Pick<IncomingMessage, "headers">, socketAddress: string | undefined): void {
  const peer = socketAddress || "unknown";
  const forwarded = request.headers["x-forwarded-for"];
  const sent = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
  request.headers["x-forwarded-for"] = sent ? `${sent}, ${peer}` : peer;
  request.headers[PEER_HEADER] = peer;
}
