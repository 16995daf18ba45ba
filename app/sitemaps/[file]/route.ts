import { sitemapFileHandler } from "@/lib/seo/routes";

// /sitemaps/articles-N.xml and /sitemaps/pages-N.xml, plus /sitemap.xml and /news-sitemap.xml (rewritten here as
// index.xml and news.xml by next.config.ts): rendered on first request, served from the cache until a story changes.
export const dynamic = "force-static";
export async function generateStaticParams(): Promise<{ file: string }[]> {
  return [];
}

export const GET = sitemapFileHandler;
