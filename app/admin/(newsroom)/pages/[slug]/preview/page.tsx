import type { Metadata } from "next";
import Link from "@/components/admin/newsroom-link";
import { notFound } from "next/navigation";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { previewSitePage } from "@/lib/dal/site-pages";
import { isSitePageSlug } from "@/lib/validation/site-pages";

export const metadata: Metadata = { title: "Preview site page", robots: { index: false, follow: false } };

export default async function PreviewSitePagePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!isSitePageSlug(slug)) notFound();
  await requireNewsroomPage({ permission: "sitePage.edit", returnTo: `/admin/pages/${slug}/preview` });
  const page = await previewSitePage(slug);
  if (!page) notFound();
  return (
    <div>
      <p className="mb-4 rounded border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50">
        Preview of the saved version ({page.status === "PUBLISHED" ? "published" : "a draft readers do not see"}).{" "}
        <Link href={`/admin/pages/${slug}`} className="underline underline-offset-4">
          Back to the editor
        </Link>
      </p>
      <article className="prose prose-lg prose-neutral dark:prose-invert">
        <h1 className="font-serif">{page.title}</h1>
        {/* Sanitised by the stories' pipeline (lib/content/markdown-worker.mjs). */}
        <div dangerouslySetInnerHTML={{ __html: page.html }} />
      </article>
    </div>
  );
}
