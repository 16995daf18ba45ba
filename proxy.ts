import { NextResponse, type NextRequest } from "next/server";
import { currentSlugOf } from "@/lib/dal/moved-articles";
import { isSlug } from "@/lib/content/slug";
import { malformedMultipart, needsBodyCheck, refusalResponse, refuseRequest } from "@/lib/security/request-guard";
import { articleSlugOf, oldSlugRedirect, rememberMisses } from "@/lib/seo/old-slugs";

const PUBLIC_ADMIN_PATHS = ["/admin/login", "/admin/setup"];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

// Where next.config.ts rewrites public paths so they are cached whole (/ → /fronts/home, ?page=N → …/p/N): not
// addresses of their own. The proxy sees the path before rewrites, so only direct requests for them land here.
const INTERNAL_PATH = /^\/(?:fronts(?:\/|$)|(?:sections|tags|authors)\/[^/]+\/p(?:\/|$))/;

// Most article requests are for a current slug: that answer is remembered for a few seconds, so a cached page stays
// one query per slug every few seconds, not one per request.
const movedTo = rememberMisses(currentSlugOf, { ttlMs: 5_000, max: 10_000 });

function isNewsroomPath(pathname: string): boolean {
  return pathname === "/admin" || pathname.startsWith("/admin/");
}

// Two jobs, neither of which decides access (CVE-2025-29927): every page, action and data-layer call checks the
// session itself.
// 1. Malformed requests (bad %-escapes, oversized bodies, server-action posts from other sites, control characters
//    in a multipart part header) are answered with a 4xx here, where Next.js would otherwise throw and send a 500 (lib/security/request-guard.ts).
// 2. A convenience redirect: an anonymous visitor asking for the newsroom goes to the sign-in page.
// 3. An old slug of a published story: one 308 to its current address (lib/seo/old-slugs.ts says why it is here).
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const guarded = { method: request.method, headers: request.headers, pathname };
  const refusal =
    refuseRequest(guarded) ??
    // The proxy holds the whole body already (proxyClientMaxBodySize); a clone leaves it for the action.
    (needsBodyCheck(guarded) ? await malformedMultipart(request.headers.get("content-type"), new Uint8Array(await request.clone().arrayBuffer())) : null);
  if (refusal) return refusalResponse(refusal, request.headers.get("accept"));
  // The reader 404, like any other address with nothing there (app/(site)/[...missing]).
  if (INTERNAL_PATH.test(pathname)) return NextResponse.rewrite(new URL("/not-found", request.url));
  const slug = request.method === "GET" || request.method === "HEAD" ? articleSlugOf(pathname) : null;
  if (slug !== null && isSlug(slug)) {
    // A database that cannot answer leaves the question to the page, which asks it again.
    const current = await movedTo(slug).catch(() => null);
    if (current) return oldSlugRedirect(current, request.url);
  }
  if (!isNewsroomPath(pathname)) return carryOn(request);
  if (PUBLIC_ADMIN_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return carryOn(request);
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
  if (hasSession) return carryOn(request);
  const login = new URL("/admin/login", request.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

/**
 * On to the route. A request without a User-Agent gets one: Next streams a page's metadata into <body> for those
 * whatever next.config.ts htmlLimitedBots says, and a reader page rendered for such a request is cached for everyone.
 */
function carryOn(request: NextRequest): NextResponse {
  if (request.headers.has("user-agent")) return NextResponse.next();
  const headers = new Headers(request.headers);
  headers.set("user-agent", "unknown");
  return NextResponse.next({ request: { headers } });
}

// Everything but the build's static files, which no request of ours can make malformed.
export const config = { matcher: ["/((?!_next/static/).*)"] };
