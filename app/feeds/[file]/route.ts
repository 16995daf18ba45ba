import { siteFeedHandler } from "@/lib/seo/routes";

// /feeds/rss.xml, /feeds/atom.xml and /feeds/feed.json, rendered on first request and served from the cache until a publish, an edit
// of a story in them or a settings change expires them (lib/dal/feeds.ts). Nothing at build time: no database then.
export const dynamic = "force-static";
export async function generateStaticParams(): Promise<{ file: string }[]> {
  return [];
}

export const GET = siteFeedHandler;
