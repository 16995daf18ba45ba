import { getMediaStorage } from "@/lib/media/storage";
import { renditionCandidates } from "@/lib/media/variants";

// A rendition's name never changes what it holds (new uploads get new keys), so browsers and CDNs may keep it for good.
const IMMUTABLE = "public, max-age=31536000, immutable";

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" } });
}

/** `/media/<storageKey>` (the default rendition) and `/media/<storageKey>/<file>` (w640.webp, social.jpg, …). */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const candidates = renditionCandidates((await params).key);
  if (!candidates) return notFound();
  const storage = getMediaStorage();
  for (const { objectKey, contentType } of candidates) {
    const object = await storage.open(objectKey);
    if (!object) continue;
    return new Response(object.stream, {
      headers: {
        "Content-Type": contentType,
        "Content-Length": String(object.size),
        "Cache-Control": IMMUTABLE,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  }
  return notFound();
}
