import { scopedFeedHandler } from "@/lib/seo/routes";

// JSON Feed 1.1 beside the author's RSS and Atom; cached like them until a write expires a tag it carries.
export const dynamic = "force-static";
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export const GET = scopedFeedHandler("author", "json");
