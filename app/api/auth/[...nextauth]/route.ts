import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { authOptions } from "@/lib/auth/options";
import { isSameSite, sameSiteRedirect } from "@/lib/auth/callback-url";

const handler = NextAuth(authOptions);

interface RouteContext {
  params: Promise<{ nextauth: string[] }>;
}

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

// Credentials are only ever POSTed; next-auth answers any other method on their callback with a 500.
function methodNotAllowed(): Response {
  return Response.json({ message: "Sign in through the form: this address only accepts POST." }, { status: 405, headers: { Allow: "POST" } });
}

/**
 * next-auth refuses a callbackUrl (query or cookie) it cannot parse with a 500, and would otherwise carry an
 * off-site one along. Such a request is sent again to the same address with the callbackUrl made a path on this
 * site and the cookie cleared, before next-auth sees it.
 */
function normaliseCallbackUrls(request: NextRequest): Response | null {
  // On the site's own address: request.nextUrl names the host Next.js listens on, which may not be the public one.
  const target = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, env.SITE_URL);
  const callbackUrl = target.searchParams.get("callbackUrl");
  let response: NextResponse | null = null;
  const redirect = () => (response ??= NextResponse.redirect(target, 307));
  if (callbackUrl !== null && !isSameSite(callbackUrl, env.SITE_URL)) {
    target.searchParams.set("callbackUrl", new URL(sameSiteRedirect(callbackUrl, env.SITE_URL)).pathname);
    redirect();
  }
  for (const name of CALLBACK_COOKIES) {
    const value = request.cookies.get(name)?.value;
    if (value === undefined || isSameSite(value, env.SITE_URL)) continue;
    redirect().cookies.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  return response;
}

async function GET(request: NextRequest, context: RouteContext) {
  const { nextauth = [] } = await context.params;
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") return methodNotAllowed();
  return normaliseCallbackUrls(request) ?? handler(request, context);
}

async function POST(request: NextRequest, context: RouteContext) {
  return normaliseCallbackUrls(request) ?? handler(request, context);
}

export { GET, POST };
