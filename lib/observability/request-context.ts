// The request being answered, as seen by any code running for it: its id (also in the X-Request-Id header) and, once
// the data layer has found one, the signed-in user. Kept on globalThis, so Next's bundles and the request hook
// (lib/observability/request-log.ts, which creates a context per request) share one store.
import { AsyncLocalStorage } from "node:async_hooks";

export type RouteKind =
  | "asset"
  | "image"
  | "media"
  | "ops"
  | "auth"
  | "api"
  | "action"
  | "newsroom"
  | "feed"
  | "sitemap"
  | "home"
  | "article"
  | "listing"
  | "search"
  | "page";

export interface RequestContext {
  id: string;
  method: string;
  path: string;
  kind: RouteKind;
  startedAt: bigint;
  /** Set by the data layer when a signed-in user is found (noteRequestUser). */
  userId?: string;
}

const CONTEXT_KEY = Symbol.for("breakingon.request-context");

export function requestContextStorage(): AsyncLocalStorage<RequestContext> {
  const global = globalThis as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>;
  return (global[CONTEXT_KEY] ??= new AsyncLocalStorage<RequestContext>());
}

/** The request being answered, if any. */
export function currentRequest(): RequestContext | undefined {
  return requestContextStorage().getStore();
}

/** The data layer names the signed-in user (lib/dal/session.ts requireUser), so staff actions are logged with it. */
export function noteRequestUser(userId: string): void {
  const context = currentRequest();
  if (context) context.userId = userId;
}
