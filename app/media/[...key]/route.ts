import { cropImage } from "@/lib/media/process";
import { getMediaStorage, type MediaStorage } from "@/lib/media/storage";
import { contentTypeOf, cropOf, DEFAULT_RENDITIONS, IMMUTABLE_CACHE_CONTROL, renditionCandidates } from "@/lib/media/variants";

// Images are streamed through the app from whichever store is configured (disk or S3), never redirected to the
// store: the bucket stays private (no public-read policy to get wrong), every rendition keeps our nosniff and sandbox
// CSP headers, `/media/<key>` still finds the default rendition whether it is JPEG or PNG, and URLs do not change
// when the store does. The cost is small: the URLs are immutable, so nginx in front (deploy/nginx.conf) and browsers
// keep each rendition for a year and the app sees it about once per cache.

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { ...TEXT, "Cache-Control": "public, max-age=60" } });
}

/** The store is down, too slow or misconfigured: a retryable answer that no cache keeps, never a stack trace. */
function unavailable(): Response {
  return new Response("Images are temporarily unavailable. Try again shortly.", {
    status: 503,
    headers: { ...TEXT, "Cache-Control": "no-store", "Retry-After": "10" },
  });
}

const SERVED_HEADERS = {
  "Cache-Control": IMMUTABLE_CACHE_CONTROL,
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
};

/**
 * A structured-data crop not stored yet: cut from the image's default rendition and stored, so this happens once
 * per crop. Null when the image does not exist. Two first requests at once both cut it and store the same bytes.
 */
async function makeCrop(storage: MediaStorage, storageKey: string, file: string): Promise<Buffer | null> {
  const crop = cropOf(file);
  if (!crop) return null;
  for (const name of DEFAULT_RENDITIONS) {
    const source = await storage.get(`${storageKey}/${name}`);
    if (!source) continue;
    const data = await cropImage(source, crop);
    await storage.put(`${storageKey}/${file}`, data);
    return data;
  }
  return null;
}

/**
 * `/media/<storageKey>` (the default rendition) and `/media/<storageKey>/<file>` (w640.webp, social.jpg, …, and the
 * crop-16x9.jpg, crop-4x3.jpg and crop-1x1.jpg that are made on first request).
 */
export async function GET(request: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const candidates = renditionCandidates((await params).key);
  if (!candidates) return notFound();
  try {
    const storage = getMediaStorage();
    for (const { objectKey, contentType } of candidates) {
      const object = await storage.open(objectKey, { signal: request.signal });
      if (!object) continue;
      return new Response(object.stream, { headers: { "Content-Type": contentType, "Content-Length": String(object.size), ...SERVED_HEADERS } });
    }
    const [storageKey, file] = (await params).key;
    const made = file ? await makeCrop(storage, storageKey, file) : null;
    if (made) return new Response(new Uint8Array(made), { headers: { "Content-Type": contentTypeOf(file), "Content-Length": String(made.length), ...SERVED_HEADERS } });
  } catch (error) {
    // A reader who left while we waited needs no answer and is no fault worth logging.
    if (!request.signal.aborted) console.error(`media: ${(error as Error).message}`);
    return unavailable();
  }
  return notFound();
}

/** The same answer without the bytes; the object's stream is dropped at once rather than read to the end. */
export async function HEAD(request: Request, context: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const response = await GET(request, context);
  await response.body?.cancel();
  return new Response(null, { status: response.status, headers: response.headers });
}
