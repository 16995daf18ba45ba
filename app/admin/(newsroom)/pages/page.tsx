import type { Metadata } from "next";
import Link from "@/components/admin/newsroom-link";
import { SiteTime } from "@/components/admin/site-time";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { getSiteSettings } from "@/lib/dal/settings";
import { listSitePagesForEdit } from "@/lib/dal/site-pages";
import { sitePagePath } from "@/lib/validation/site-pages";

export const metadata: Metadata = { title: "Site pages" };

const STATUS_LABEL = { PUBLISHED: "Published", DRAFT: "Draft" } as const;

export default async function SitePagesPage() {
  await requireNewsroomPage({ permission: "sitePage.edit", returnTo: "/admin/pages" });
  const [pages, site] = await Promise.all([listSitePagesForEdit(), getSiteSettings()]);
  return (
    <div>
      <header className="mb-6 space-y-1">
        <h1 className="text-2xl font-bold">Site pages</h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          The pages that tell readers who you are and how you work. Published pages are linked from every page’s footer and named in search engines’ data about the
          publication.
        </p>
      </header>
      <table className="w-full max-w-4xl text-left text-sm">
        <thead className="border-b border-neutral-300 dark:border-neutral-700">
          <tr>
            <th scope="col" className="py-2 pr-4">
              Page
            </th>
            <th scope="col" className="py-2 pr-4">
              Status
            </th>
            <th scope="col" className="py-2 pr-4">
              Last saved
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">Reader link</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {pages.map((page) => (
            <tr key={page.slug}>
              <td className="py-3 pr-4">
                <Link href={`/admin/pages/${page.slug}`} className="font-semibold underline underline-offset-4">
                  {page.title}
                </Link>
                <p className="text-neutral-600 dark:text-neutral-400">{page.hint}</p>
              </td>
              <td className="py-3 pr-4">{page.status ? STATUS_LABEL[page.status] : "Not written yet"}</td>
              <td className="py-3 pr-4">{page.updatedAt ? <SiteTime iso={page.updatedAt.toISOString()} timeZone={site.timeZone} /> : "—"}</td>
              <td className="py-3">
                {page.status === "PUBLISHED" && (
                  <a href={sitePagePath(page.slug)} className="underline underline-offset-4">
                    View<span className="sr-only"> {page.title} on the site</span>
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
