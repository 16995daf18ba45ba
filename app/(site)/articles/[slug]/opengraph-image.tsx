import { z } from "zod";
import { getArticleCard } from "@/lib/dal/feeds";
import { isSlug } from "@/lib/content/slug";
import { env } from "@/lib/env";
import { articleOgImage, OG_IMAGE_CONTENT_TYPE, OG_IMAGE_SIZE } from "@/lib/seo/og-image";

// Rendered on first request and served from the cache until the story or the settings change (lib/dal/feeds.ts).
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export const alt = "The story's headline and section";
export const size = OG_IMAGE_SIZE;
export const contentType = OG_IMAGE_CONTENT_TYPE;

const params = z.object({ slug: z.string().refine(isSlug) });

export default async function Image(props: { params: Promise<{ slug: string }> }) {
  const parsed = params.safeParse(await props.params);
  // Drafts, scheduled and archived stories have no card: getArticleCard only reads published ones.
  const card = parsed.success ? await getArticleCard(parsed.data.slug) : null;
  if (!card) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return articleOgImage({ siteName: card.siteName, section: card.section, headline: card.headline, host: new URL(env.SITE_URL).host });
}
