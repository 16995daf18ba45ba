import { siteCardHandler } from "@/lib/seo/routes";

// The site-wide social card, public at /opengraph-image (rewritten here as /cards/site by next.config.ts): rendered on
// first request with the current site name, served from the cache until the settings change.
export const dynamic = "force-static";
export async function generateStaticParams(): Promise<{ name: string }[]> {
  return [];
}

export const GET = siteCardHandler;
