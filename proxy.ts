import { NextResponse, type NextRequest } from "next/server";
import { malformedMultipart, needsBodyCheck, refusalResponse, refuseRequest } from "@/lib/security/request-guard";

const PUBLIC_ADMIN_PATHS = ["/admin/login", "/admin/setup"];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

// Where next.config.ts rewrites public paths so they are cached whole (/ → /fronts/home, ?page=N → …/p/N): not
// addresses of their own. The proxy sees the path before rewrites, so only direct requests for them land here.
const INTERNAL_PATH = /^\/(?:fronts(?:\/|$)|(?:sections|tags|authors)\/[^/]+\/p(?:\/|$))/;

function isNewsroomPath(pathname: string): boolean {
  return pathname === "/admin" || pathname.startsWith("/admin/");
}

// Two jobs, neither of which decides access (CVE-2025-29927): every page, action and data-layer call checks the
// session itself.
// 1. Malformed requests (bad %-escapes, oversized bodies, server-action posts from other sites, control characters
//    in a multipart part header) are answered with a 4xx here, where Next.js would otherwise throw and send a 500 (lib/security/request-guard.ts).
// 2. A convenience redirect: an anonymous visitor asking for the newsroom goes to the sign-in page.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const guarded = { method: request.method, headers: request.headers, pathname };
  const refusal =
    refuseRequest(guarded) ??
    // The proxy holds the whole body already (proxyClientMaxBodySize); a clone leaves it for the action.
    (needsBodyCheck(guarded) ? await malformedMultipart(request.headers.get("content-type"), new Uint8Array(await request.clone().arrayBuffer())) : null);
  if (refusal) return refusalResponse(refusal, request.headers.get("accept"));
  if (INTERNAL_PATH.test(pathname)) return new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!isNewsroomPath(pathname)) return NextResponse.next();
  if (PUBLIC_ADMIN_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
  if (hasSession) return NextResponse.next();
  const login = new URL("/admin/login", request.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

// Everything but the build's static files, which no request of ours can make malformed.
export const config = { matcher: ["/((?!_next/static/).*)"] };
