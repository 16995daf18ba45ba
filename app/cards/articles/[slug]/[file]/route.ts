import { articleCardHandler } from "@/lib/seo/routes";

// A story's card in the shapes its structured data offers (/cards/articles/<slug>/16x9.png, 4x3.png, 1x1.png):
// rendered on first request, served from the cache until the story or the settings change (lib/dal/feeds.ts).
export const dynamic = "force-static";
export async function generateStaticParams(): Promise<{ slug: string; file: string }[]> {
  return [];
}

export const GET = articleCardHandler;
