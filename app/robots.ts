import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { absoluteUrl, NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH } from "@/lib/seo/urls";

// SITE_URL is read when serving, not baked in at build time.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/api"] },
    sitemap: [absoluteUrl(env.SITE_URL, SITEMAP_INDEX_PATH), absoluteUrl(env.SITE_URL, NEWS_SITEMAP_PATH)],
  };
}
