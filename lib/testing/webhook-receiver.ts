// A real HTTP receiver for webhook and WebSub tests (Vitest and Playwright): listens on 127.0.0.1, records every
// request with its raw body, checks the BreakingOn signature when given the secret, and answers as the test scripts
// (a status per request, a delay, a redirect).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SIGNATURE_HEADER, verifySignature } from "../distribution/signature";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Whether the signature header checks out with `secret` (null while no secret is set). */
  signatureValid: boolean | null;
  receivedAt: Date;
}

export interface Reply {
  status: number;
  /** Wait this long before answering (a slow endpoint). */
  delayMs?: number;
  headers?: Record<string, string>;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** The secret signatures are checked with (set it once the endpoint is registered). */
  secret: string | null;
  /** Replies for the next requests, in order; after them, `fallback`. */
  replies: Reply[];
  fallback: Reply;
  /** Resolves once `count` requests have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const waiters: { count: number; resolve: (value: ReceivedRequest[]) => void }[] = [];
  const open = new Set<import("node:net").Socket>();
  const receiver: WebhookReceiver = {
    url: "",
    port: 0,
    received: [],
    secret: null,
    replies: [],
    fallback: { status: 200 },
    waitFor(count, timeoutMs = 15_000) {
      if (receiver.received.length >= count) return Promise.resolve(receiver.received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the receiver got ${receiver.received.length} requests, not ${count}, within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ count, resolve: (value) => (clearTimeout(timer), resolve(value)) });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = request.headers[SIGNATURE_HEADER.toLowerCase()];
      receiver.received.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body,
        signatureValid: receiver.secret === null ? null : verifySignature(receiver.secret, body, typeof header === "string" ? header : null),
        receivedAt: new Date(),
      });
      for (const waiter of waiters.filter((w) => receiver.received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(receiver.received);
      }
      const reply = receiver.replies.shift() ?? receiver.fallback;
      const answer = () => {
        if (response.destroyed) return;
        response.writeHead(reply.status, { "Content-Type": "text/plain", ...reply.headers });
        response.end(`${reply.status}`);
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
      else answer();
    });
  });
  server.on("connection", (socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/hooks`;
  return receiver;
}
