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

// Bytes a multipart part header may not hold (busboy, which Next.js parses action forms with, throws "Malformed part
// header" on them, a 500): the C0 controls but tab, CR and LF, and DEL.
const HEADER_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const HEADER_END = Buffer.from("\r\n\r\n");
// busboy's own cap on one part's header block.
const MAX_PART_HEADER_BYTES = 16 * 1024;
// How much is searched, or how many part headers are read, between two turns of the event loop: each step is well
// under a millisecond, even on bodies built to make the search slow.
const SLICE_BYTES = 256 * 1024;
const PARTS_PER_TURN = 64;

function multipartBoundary(contentType: string | null): string | null {
  const match = /^multipart\/form-data\s*;.*?boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType ?? "");
  return match ? (match[1] ?? match[2]) : null;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function badPartHeader(): Refusal {
  return {
    status: 400,
    title: "Bad request",
    message: "A file name or form field in what you sent holds a control character or a malformed header. Rename the file and send it again.",
  };
}

/**
 * A multipart form whose part headers hold a control character (such as a file name with a NUL in it) or are
 * malformed, or null. Only part headers are read; the body is searched a slice at a time, giving the event loop a
 * turn between slices, so an 11 MB body of any shape never holds up other requests.
 */
export async function malformedMultipart(contentType: string | null, body: Uint8Array): Promise<Refusal | null> {
  const boundary = multipartBoundary(contentType);
  if (!boundary) return null;
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${boundary}`);
  let from = 0;
  let parts = 0;
  while (from < bytes.length) {
    const window = bytes.subarray(from, from + SLICE_BYTES + delimiter.length);
    const found = window.indexOf(delimiter);
    if (found === -1) {
      from += SLICE_BYTES;
      await nextTurn();
      continue;
    }
    const start = from + found + delimiter.length;
    // "--" after the delimiter closes the form.
    if (bytes[start] === 0x2d && bytes[start + 1] === 0x2d) return null;
    const headerEnd = bytes.subarray(start, start + MAX_PART_HEADER_BYTES + HEADER_END.length).indexOf(HEADER_END);
    if (headerEnd === -1) return badPartHeader();
    if (HEADER_CONTROL.test(bytes.toString("latin1", start, start + headerEnd))) return badPartHeader();
    from = start + headerEnd + HEADER_END.length;
    if (++parts % PARTS_PER_TURN === 0) await nextTurn();
  }
  return null;
}

interface GuardedRequest {
  method: string;
  headers: Headers;
  pathname: string;
}

function isActionPost({ method, headers, pathname }: GuardedRequest): boolean {
  // Route handlers (next-auth, the preview switch) are not server actions and check their own requests.
  return !pathname.startsWith("/api/") && isPossibleServerAction(method, headers);
}

/** The first reason to refuse a request before routing, or null to let it through. */
export function refuseRequest(request: GuardedRequest): Refusal | null {
  const { method, headers, pathname } = request;
  const path = malformedPath(pathname);
  if (path) return path;
  const size = oversizedBody(method, headers);
  if (size) return size;
  if (isActionPost(request)) return foreignOrigin(headers);
  return null;
}

/** Whether refuseBody needs to read this request's body: a multipart server-action post. */
export function needsBodyCheck(request: GuardedRequest): boolean {
  return isActionPost(request) && multipartBoundary(request.headers.get("content-type")) !== null;
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
