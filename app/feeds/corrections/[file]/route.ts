import { getCorrectionsFeed } from "@/lib/dal/corrections";
import { env } from "@/lib/env";
import { buildCorrectionsFeed, CORRECTIONS_FEED_CONTENT_TYPE } from "@/lib/feeds/corrections-feed";

// /feeds/corrections/rss.xml: rendered on first request and served from the cache until a new note, a publish or
// unpublish, or a settings change expires it (lib/dal/corrections.ts). Nothing at build time: no database then.
export const dynamic = "force-static";
export async function generateStaticParams(): Promise<{ file: string }[]> {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  if (file !== "rss.xml") return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const xml = buildCorrectionsFeed(await getCorrectionsFeed(), { siteUrl: env.SITE_URL });
  return new Response(xml, { headers: { "Content-Type": CORRECTIONS_FEED_CONTENT_TYPE } });
}
