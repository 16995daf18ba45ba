import type { Metadata } from "next";
import { draftMode } from "next/headers";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/site/article-view";
import { getSiteSettings } from "@/lib/dal/settings";
import { getCurrentUser } from "@/lib/dal/session";
import { getStoryPreview } from "@/lib/dal/stories";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

// The story as readers will see it, in the reader site's own layout, including changes not yet published. Only
// with draft mode on (set by /api/preview) and only for signed-in staff who may see the story.
export default async function PreviewPage({ params }: Props) {
  const { id } = await params;
  if (!(await draftMode()).isEnabled || !(await getCurrentUser())) notFound();
  const [data, site] = await Promise.all([getStoryPreview(id), getSiteSettings()]);
  if (!data) notFound();
  return (
    <>
      <p role="status" className="mx-auto mt-4 max-w-3xl rounded bg-amber-100 px-3 py-2 text-center text-sm text-amber-950">
        Preview — this is how readers will see the story. It is not necessarily published.
      </p>
      <ArticleView data={data} timeZone={site.timeZone} url={`${env.SITE_URL}/articles/${data.article.slug}`} />
    </>
  );
}
