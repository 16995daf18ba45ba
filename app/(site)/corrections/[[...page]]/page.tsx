import type { Metadata } from "next";
import { NotFoundPage } from "@/components/site/not-found-page";
import Link from "next/link";
import { correctionsPagePath, CorrectionsList } from "@/components/site/corrections-list";
import { getCorrectionsPage } from "@/lib/dal/corrections";
import { getSiteSettings } from "@/lib/dal/settings";
import { listPublishedSitePages } from "@/lib/dal/site-pages";
import { CORRECTIONS_FEED_PATH } from "@/lib/feeds/corrections-feed";
import { notFoundMetadata, pageMetadata } from "@/lib/seo/metadata";
import { sitePagePath } from "@/lib/validation/site-pages";
import { parsePageParam } from "@/lib/validation/params";

// /corrections and /corrections/page/N: each page a path of its own, rendered on first request and served whole from
// the cache until a new note, a publish or unpublish, or an edit of a listed story expires it (lib/dal/corrections.ts).
type Props = { params: Promise<{ page?: string[] }> };

export async function generateStaticParams(): Promise<{ page: string[] }[]> {
  return [];
}

/** The page number from the path: none for page 1, ["page", "N"] for N ≥ 2; anything else is null (a 404). */
function pageFromPath(segments: string[] | undefined): number | null {
  if (!segments || segments.length === 0) return 1;
  if (segments.length !== 2 || segments[0] !== "page") return null;
  const page = parsePageParam(segments[1]);
  return page !== null && page >= 2 ? page : null;
}

async function find({ params }: Props) {
  const page = pageFromPath((await params).page);
  if (page === null) return null;
  const corrections = await getCorrectionsPage(page);
  return page > corrections.pageCount ? null : corrections;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const corrections = await find(props);
  if (!corrections) return notFoundMetadata();
  const site = await getSiteSettings();
  const title = corrections.page > 1 ? `Corrections and updates (page ${corrections.page})` : "Corrections and updates";
  const metadata = pageMetadata({ title, description: `Every correction and update note published by ${site.name}, newest first.`, path: correctionsPagePath(corrections.page) }, site);
  return { ...metadata, alternates: { ...metadata.alternates, types: { "application/rss+xml": [{ url: CORRECTIONS_FEED_PATH, title: `${site.name}: corrections and updates (RSS)` }] } } };
}

export default async function CorrectionsPage(props: Props) {
  const [corrections, site, pages] = await Promise.all([find(props), getSiteSettings(), listPublishedSitePages()]);
  if (!corrections) return <NotFoundPage />;
  const policy = pages.find((page) => page.slug === "corrections-policy");
  return (
    <div className="mx-auto max-w-3xl">
      <header className="mb-6 space-y-2">
        <h1 className="font-serif text-3xl font-bold sm:text-4xl">Corrections and updates</h1>
        <p className="text-neutral-700 dark:text-neutral-300">
          Every correction and update note {site.name} has published, newest first. Each links to the story it belongs to.{" "}
          {policy && (
            <>
              How errors are handled is set out in the{" "}
              <Link href={sitePagePath(policy.slug)} className="underline underline-offset-4">
                corrections policy
              </Link>
              .{" "}
            </>
          )}
          <a href={CORRECTIONS_FEED_PATH} className="underline underline-offset-4">
            Follow them by RSS
          </a>
          .
        </p>
      </header>
      <CorrectionsList corrections={corrections} timeZone={site.timeZone} />
    </div>
  );
}
