import { scopedFeedHandler } from "@/lib/seo/routes";

// Rendered on first request and served from the cache until a write expires a tag it carries (lib/dal/feeds.ts).
export const dynamic = "force-static";
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export const GET = scopedFeedHandler("section", "atom");
