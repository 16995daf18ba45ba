import "server-only";
import { randomBytes } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signPayload } from "./signature";
import { isPrivateAddress, privateAddressesAllowed, webhookUrlProblem } from "./url-check";

// Outgoing HTTP for webhooks and WebSub pings: signed, short, and never anywhere the publication's own network could
// be reached from. Node's http/https is used (not fetch) because a request must resolve its host through our own
// `lookup`, which refuses private and loopback addresses at connection time: a name that resolves to a public
// address when the admin registers it and to 127.0.0.1 later (DNS rebinding) is still refused. Redirects are never
// followed (http.request does not), and are recorded as failures, so a 3xx cannot point a delivery inwards either.

/** How long one try may take, connect to last byte. A slow endpoint costs the job this, never a request. */
export const DELIVERY_TIMEOUT_MS = 5000;
const RESPONSE_BODY_LIMIT = 64 * 1024;

export { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, SIGNATURE_TOLERANCE_S, signPayload, verifySignature } from "./signature";
export { isPrivateAddress, privateAddressesAllowed, webhookUrlProblem, WEBHOOK_URL_MAX } from "./url-check";

/** A fresh signing secret: 32 random bytes, shown once to the admin who registers the endpoint. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export class PrivateAddressError extends Error {
  override name = "PrivateAddressError";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that answers only public addresses (Node calls it with or without `all`, depending on the family selection). */
export function safeLookup(hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true } as { all: true }, (error, addresses) => {
    if (error) return callback(error, options.all ? [] : "");
    const allowed = addresses.filter((entry) => !isPrivateAddress(entry.address));
    if (allowed.length === 0) return callback(new PrivateAddressError(`${hostname} resolves to a private address; webhooks only go to public addresses.`), options.all ? [] : "");
    if (options.all) return callback(null, allowed);
    callback(null, allowed[0].address, allowed[0].family);
  });
}

export interface PostResult {
  /** The HTTP status, or null when no response came (refused, timed out, unreachable). */
  status: number | null;
  durationMs: number;
  /** Set when the try failed: the reason, for the delivery log. */
  error: string | null;
  /** The address itself is refused (private, malformed): trying again cannot help. */
  refused?: boolean;
}

export interface PostOptions {
  headers?: Record<string, string>;
  timeoutMs?: number;
  allowPrivate?: boolean;
  signal?: AbortSignal;
}

/**
 * POSTs once. Never throws: a 2xx is success; anything else (a redirect, 4xx, 5xx, timeout, refused or private
 * address) comes back with its reason. The response body is read (up to 64 KB) and dropped.
 */
export function postOnce(target: string, body: string, { headers = {}, timeoutMs = DELIVERY_TIMEOUT_MS, allowPrivate = privateAddressesAllowed(), signal }: PostOptions = {}): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = webhookUrlProblem(target, { allowPrivate });
  if (problem) return Promise.resolve({ status: null, durationMs: 0, error: problem, refused: true });
  const url = new URL(target);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), "User-Agent": "BreakingOn-Webhooks/1", ...headers },
        ...(!allowPrivate && { lookup: safeLookup as unknown as typeof dnsLookup }),
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > RESPONSE_BODY_LIMIT) response.destroy();
        });
        const done = () =>
          finish({
            status,
            error:
              status >= 200 && status < 300
                ? null
                : status >= 300 && status < 400
                  ? `Redirect (${status}) not followed${response.headers.location ? ` (to ${String(response.headers.location).slice(0, 200)})` : ""}; register the final address.`
                  : `The endpoint answered ${status}.`,
          });
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      finish({ status: null, error: `No answer within ${timeoutMs} ms.` });
      request.destroy();
    }, timeoutMs);
    const onAbort = () => {
      finish({ status: null, error: "Stopped (the server is shutting down)." });
      request.destroy();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    request.on("error", (error: NodeJS.ErrnoException) =>
      finish(error instanceof PrivateAddressError ? { status: null, error: error.message, refused: true } : { status: null, error: `Could not connect: ${error.code ?? error.message}` }),
    );
    request.end(body);
  });
}

/** POSTs a signed JSON event: the signature covers this try's timestamp and the exact bytes sent. */
export function deliverSigned(
  target: string,
  secret: string,
  delivery: { id: string; event: string; body: string },
  options: Omit<PostOptions, "headers"> & { now?: () => Date } = {},
): Promise<PostResult> {
  const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  return postOnce(target, delivery.body, {
    ...options,
    headers: { [SIGNATURE_HEADER]: signPayload(secret, delivery.body, timestamp), [EVENT_HEADER]: delivery.event, [DELIVERY_HEADER]: delivery.id },
  });
}
