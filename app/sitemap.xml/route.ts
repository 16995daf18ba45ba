import { sitemapIndexHandler } from "@/lib/seo/routes";

// Read at request time: the build has no database, and feeds and sitemaps must show a publish at once.
export const dynamic = "force-dynamic";

export const GET = sitemapIndexHandler;
