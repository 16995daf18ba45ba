import type { Metadata } from "next";
import Link from "@/components/admin/newsroom-link";
import { notFound } from "next/navigation";
import { SitePageEditor } from "@/components/admin/site-page-editor";
import { SiteTime } from "@/components/admin/site-time";
import { can } from "@/lib/auth/permissions";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { getSiteSettings } from "@/lib/dal/settings";
import { getSitePageForEdit } from "@/lib/dal/site-pages";
import { isSitePageSlug, SITE_PAGES, sitePagePath } from "@/lib/validation/site-pages";

export const metadata: Metadata = { title: "Edit site page" };

export default async function EditSitePagePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!isSitePageSlug(slug)) notFound();
  const user = await requireNewsroomPage({ permission: "sitePage.edit", returnTo: `/admin/pages/${slug}` });
  const [page, site] = await Promise.all([getSitePageForEdit(slug), getSiteSettings()]);
  const kind = SITE_PAGES.find((entry) => entry.slug === slug)!;
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/admin/pages" className="underline underline-offset-4">
          ← All site pages
        </Link>
      </p>
      <header className="mb-6 space-y-1">
        <h1 className="text-2xl font-bold">{kind.title}</h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          {kind.hint} {page.status === "PUBLISHED" ? <>Readers find it at <a href={sitePagePath(slug)} className="underline underline-offset-4">{sitePagePath(slug)}</a>.</> : "Not published."}
        </p>
      </header>
      <SitePageEditor page={page} canPublish={can(user.role, "sitePage.publish")} />
      <section aria-labelledby="history-heading" className="mt-10 max-w-3xl">
        <h2 id="history-heading" className="mb-2 text-lg font-bold">
          History
        </h2>
        {page.revisions.length === 0 ? (
          <p className="text-sm text-neutral-700 dark:text-neutral-300">No saves yet.</p>
        ) : (
          <ol className="divide-y divide-neutral-200 text-sm dark:divide-neutral-800">
            {page.revisions.map((revision) => (
              <li key={revision.id} className="flex flex-wrap gap-x-3 py-2">
                <SiteTime iso={revision.createdAt.toISOString()} timeZone={site.timeZone} />
                <span className="font-semibold">{revision.reason}</span>
                <span>version {revision.version}</span>
                <span>{revision.status === "PUBLISHED" ? "published" : "draft"}</span>
                {revision.author && <span>by {revision.author}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
