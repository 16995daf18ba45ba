// One log line and one metrics sample per HTTP request: request id, method, path, route kind, status, duration and,
// for staff, the signed-in user's id.
//
// Why Node's diagnostics channels ("http.server.request.start" / "http.server.response.finish") and not something
// of Next's: a line needs the final status and the time to the last byte, which only the HTTP server sees.
// Next's proxy runs before the route and never sees the response; instrumentation's onRequestError sees only
// failures; a custom server in front of Next would change how every deployment starts (npm start, the e2e server,
// plain `next start`). The channels fire for every request of the Node.js server inside the Next process however it
// was started, before Next reads the request (the same hook lib/auth/peer-address.ts uses), and the finish event
// carries the response. Installed once at start-up from lib/server-start.ts.
import { randomUUID } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { logger } from "./logger";
import { metrics } from "./metrics.mjs";
import { requestContextStorage, type RequestContext, type RouteKind } from "./request-context";

export const REQUEST_ID_HEADER = "x-request-id";

/**
 * What kind of route a request is for, for the metrics' `kind` label: a handful of fixed values, never the path
 * itself (every slug would make a new time series).
 */
export function routeKindOf(method: string, path: string, headers: Record<string, string | string[] | undefined> = {}): RouteKind {
  if (method === "POST" && headers["next-action"]) return "action";
  if (path.startsWith("/_next/image")) return "image";
  if (path.startsWith("/_next/") || path === "/favicon.ico" || path === "/robots.txt" || path.startsWith("/icon") || path.startsWith("/apple-icon")) return "asset";
  if (path.startsWith("/media/")) return "media";
  if (path === "/api/health" || path === "/api/ready" || path === "/api/metrics") return "ops";
  if (path.startsWith("/api/auth/")) return "auth";
  if (path.startsWith("/api/")) return "api";
  if (path === "/admin" || path.startsWith("/admin/")) return "newsroom";
  if (path.startsWith("/feeds/") || path.endsWith(".rss") || path.endsWith(".atom")) return "feed";
  if (path.startsWith("/sitemaps/") || /sitemap[^/]*\.xml$/.test(path)) return "sitemap";
  if (path === "/") return "home";
  if (path.startsWith("/articles/")) return "article";
  if (/^\/(?:sections|tags|authors|corrections)(?:\/|$)/.test(path)) return "listing";
  if (path === "/search" || path.startsWith("/search/")) return "search";
  return "page";
}

const INSTALLED_KEY = Symbol.for("breakingon.request-log-installed");

/** The path without its query string (which may carry search terms, tokens in links, or anything a client adds). */
function pathOf(url: string | undefined): string {
  const raw = url ?? "/";
  const end = raw.search(/[?#]/);
  return (end === -1 ? raw : raw.slice(0, end)).slice(0, 512);
}

/** Called when a request arrives; returns its context (exported for tests). */
export function beginRequest(request: IncomingMessage, response: ServerResponse): RequestContext {
  const method = (request.method ?? "GET").slice(0, 16);
  const path = pathOf(request.url);
  const context: RequestContext = {
    id: randomUUID(),
    method,
    path,
    kind: routeKindOf(method, path, request.headers),
    startedAt: process.hrtime.bigint(),
  };
  // The id is ours, never a client's: a client-sent X-Request-Id is replaced, so log lines cannot be forged together.
  request.headers[REQUEST_ID_HEADER] = context.id;
  if (!response.headersSent) response.setHeader("X-Request-Id", context.id);
  return context;
}

/** Called when the response's last byte is handed to the socket: one line and one sample. */
export function finishRequest(context: RequestContext, status: number, log: Logger = logger()): void {
  const seconds = Number(process.hrtime.bigint() - context.startedAt) / 1e9;
  const { httpRequests, httpDuration } = metrics();
  httpRequests.inc({ kind: context.kind, method: context.method, status: String(status) });
  httpDuration.observe({ kind: context.kind }, seconds);
  const line = {
    requestId: context.id,
    method: context.method,
    path: context.path,
    route: context.kind,
    status,
    durationMs: Math.round(seconds * 10_000) / 10,
    ...(context.userId ? { userId: context.userId } : {}),
  };
  // Static files and probes would drown the rest; they are counted in the metrics and logged only at debug.
  const quiet = context.kind === "asset" || context.kind === "image" || context.kind === "ops";
  if (status >= 500) log.error(line, "request failed");
  else if (quiet) log.debug(line, "request");
  else log.info(line, "request");
}

/** Subscribes once per process. */
export function installRequestLog(): void {
  const global = globalThis as Record<symbol, boolean | undefined>;
  if (global[INSTALLED_KEY]) return;
  global[INSTALLED_KEY] = true;
  const contexts = new WeakMap<IncomingMessage, RequestContext>();
  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const context = beginRequest(request, response);
    contexts.set(request, context);
    // The channel is published synchronously just before the server emits "request", so entering the context here
    // makes it the context of Next's whole handling of this request (and of nothing else: the next request enters its own).
    requestContextStorage().enterWith(context);
  });
  subscribe("http.server.response.finish", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const context = contexts.get(request);
    if (!context) return;
    contexts.delete(request);
    try {
      finishRequest(context, response.statusCode);
    } catch {
      // A log line must never take the server down.
    }
  });
}
