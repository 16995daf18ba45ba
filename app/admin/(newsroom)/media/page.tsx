import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/site/pagination";
import { MediaGrid, MediaSearchForm } from "@/components/admin/media-grid";
import { MediaUploadForm } from "@/components/admin/media-upload-form";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { listMedia } from "@/lib/dal/media";
import { getSiteSettings } from "@/lib/dal/settings";
import { parsePageParam } from "@/lib/validation/params";
import { mediaQuerySchema } from "@/lib/validation/media";

export const metadata: Metadata = { title: "Media library" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MediaLibraryPage({ searchParams }: Props) {
  const user = await requireNewsroomPage({ returnTo: "/admin/media" });
  const params = await searchParams;
  const page = parsePageParam(params.page);
  if (page === null) notFound();
  const query = mediaQuerySchema.parse(typeof params.q === "string" ? params.q : "");
  const [library, { timeZone }] = await Promise.all([listMedia({ page, query }), getSiteSettings()]);
  if (page > library.pageCount) notFound();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Media library</h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">Images for stories and the site. Each one is resized for every screen and stripped of camera metadata.</p>
      </header>
      {params.deleted === "1" && (
        <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">
          Image deleted.
        </p>
      )}
      {can(user.role, "media.upload") && <MediaUploadForm />}
      <MediaSearchForm query={query} />
      {library.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-neutral-400 p-8 text-center text-neutral-700 dark:text-neutral-300">
          {query ? `No images match “${query}”.` : "No images yet. Upload the first one above."}
        </p>
      ) : (
        <>
          <p className="text-sm text-neutral-700 dark:text-neutral-300">{library.total === 1 ? "1 image" : `${library.total} images`}</p>
          <MediaGrid items={library.items} timeZone={timeZone} />
          <Pagination
            basePath="/admin/media"
            params={query ? { q: query } : {}}
            page={library.page}
            pageCount={library.pageCount}
            labels={{ nav: "Media library pages", previous: "← Newer images", next: "Older images →" }}
          />
        </>
      )}
    </div>
  );
}
