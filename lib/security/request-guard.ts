// Requests the framework would answer with a bare 500 (it throws on them before any page or action of ours runs),
// recognised up front so the proxy can answer them with a 4xx and a readable reason instead. None of this decides
// access: a request that passes still meets every page's, action's and data-layer call's own checks.

/**
 * The most a request body may hold: the server-action body limit set in next.config.ts
 * (`experimental.serverActions.bodySizeLimit` and `proxyClientMaxBodySize`, "11mb").
 */
export const MAX_BODY_BYTES = 11 * 1024 * 1024;

export interface Refusal {
  status: 400 | 403 | 411 | 413;
  title: string;
  message: string;
}

// C0 controls and DEL: no slug, key or file name of ours holds one, and a NUL breaks file-system cache paths.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why a URL path cannot be routed (a malformed %-escape such as `%ff`, or a control character), or null. */
export function malformedPath(pathname: string): Refusal | null {
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return badAddress("it contains a malformed %-escape");
    }
    if (CONTROL.test(decoded)) return badAddress("it contains a control character");
  }
  return null;
}

function badAddress(reason: string): Refusal {
  return { status: 400, title: "Bad request", message: `This address is not valid: ${reason}. Check the link you followed.` };
}

/** Next.js treats these as server-action posts (its `getServerActionRequestMetadata`). */
export function isPossibleServerAction(method: string, headers: Headers): boolean {
  if (headers.has("next-action")) return true;
  if (method !== "POST") return false;
  const type = headers.get("content-type")?.toLowerCase() ?? "";
  return type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

function firstValue(header: string | null): string | null {
  return header?.split(",")[0]?.trim() || null;
}

/**
 * A server-action post from another site. Next.js refuses it too, the same way (Origin's host against
 * X-Forwarded-Host, else Host), but by throwing, which reaches the client as a 500. A post without Origin is left
 * to Next.js, which lets it through as it does for old browsers.
 */
export function foreignOrigin(headers: Headers): Refusal | null {
  const origin = headers.get("origin");
  if (origin === null) return null;
  const host = firstValue(headers.get("x-forwarded-host")) ?? headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost && host && originHost.toLowerCase() === host.toLowerCase()) return null;
  return {
    status: 403,
    title: "Form not accepted",
    message: "This form was sent from another site, so it was not accepted. Open the page on this site and send it again.",
  };
}

/**
 * A body over the limit (413), or a server-action post of unknown length (411): the proxy would cut it off at the
 * limit and the action would fail to parse it, as a 500. Browsers always send Content-Length for form posts.
 */
export function oversizedBody(method: string, headers: Headers, limit = MAX_BODY_BYTES): Refusal | null {
  const declared = headers.get("content-length");
  if (declared !== null) {
    const bytes = Number(declared);
    if (Number.isFinite(bytes) && bytes <= limit) return null;
    return {
      status: 413,
      title: "Too large",
      message: `What you sent is larger than ${Math.floor(limit / (1024 * 1024))} MB, the most this site accepts. Images can be at most 10 MB: resize or compress it first.`,
    };
  }
  if (headers.has("transfer-encoding") && isPossibleServerAction(method, headers)) {
    return { status: 411, title: "Length required", message: "Send the form again from the page; its size was not given." };
  }
  return null;
}

/** The first reason to refuse a request before routing, or null to let it through. */
export function refuseRequest(request: { method: string; headers: Headers; pathname: string }): Refusal | null {
  const { method, headers, pathname } = request;
  const path = malformedPath(pathname);
  if (path) return path;
  const size = oversizedBody(method, headers);
  if (size) return size;
  // Route handlers (next-auth, the preview switch) are not server actions and check their own requests.
  if (!pathname.startsWith("/api/") && isPossibleServerAction(method, headers)) return foreignOrigin(headers);
  return null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The refusal as a small page for browsers, or as plain text for everything else (fetches, feed readers). */
export function refusalResponse(refusal: Refusal, accept: string | null): Response {
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (accept?.includes("text/html")) {
    const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(refusal.title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem"><h1>${escapeHtml(refusal.title)}</h1><p>${escapeHtml(refusal.message)}</p><p><a href="/">Go to the front page</a></p></body></html>`;
    return new Response(body, { status: refusal.status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
  }
  return new Response(`${refusal.message}\n`, { status: refusal.status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}
