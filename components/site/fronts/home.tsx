import type { Metadata } from "next";
import Link from "next/link";
import { ArticleCard } from "@/components/site/article-card";
import { JsonLd } from "@/components/site/json-ld";
import type { ArticleSummary, HomePageData } from "@/lib/dal/articles";
import { getHomePage } from "@/lib/dal/articles";
import { getSiteSettings } from "@/lib/dal/settings";
import { listPublishedSitePages } from "@/lib/dal/site-pages";
import { homeJsonLd } from "@/lib/seo/json-ld";
import { homeMetadata } from "@/lib/seo/metadata";

// The front page (`/`, served by app/(site)/fronts/[front]).
export async function homeMetadataNow(): Promise<Metadata> {
  return homeMetadata(await getSiteSettings());
}

const BLOCK_HEADING = "font-sans text-xs font-black uppercase tracking-widest";

function SecondaryStories({ articles, timeZone, beside }: { articles: ArticleSummary[]; timeZone: string; beside: boolean }) {
  return (
    <ul
      className={
        beside
          ? "grid gap-8 sm:grid-cols-2 lg:grid-cols-1"
          : "mt-10 grid gap-8 sm:grid-cols-2"
      }
    >
      {articles.map((article) => (
        <li key={article.slug}>
          <ArticleCard article={article} timeZone={timeZone} variant="secondary" />
        </li>
      ))}
    </ul>
  );
}

/**
 * The top of the front, in three shapes: the lead over two columns with the "latest" river beside it and the
 * secondary stories under it; with no river (a young site) the secondary stories beside the lead; and a lead with
 * nothing beside it across the whole row (ArticleCard `wide`), so no column stands empty.
 */
export function TopStories({ home, timeZone }: { home: Pick<HomePageData, "lead" | "secondary" | "latest">; timeZone: string }) {
  const lead = home.lead;
  if (!lead) return null;
  const hasRiver = home.latest.length > 0;
  const alone = !hasRiver && home.secondary.length === 0;
  const side = "border-neutral-200 lg:border-l lg:pl-8 dark:border-neutral-800";
  return (
    <div className="grid gap-8 lg:grid-cols-3">
      <section aria-labelledby="top-heading" className={alone ? "lg:col-span-3" : "lg:col-span-2"}>
        <h2 id="top-heading" className="sr-only">
          Top stories
        </h2>
        <ArticleCard article={lead} timeZone={timeZone} variant="lead" priority wide={alone} />
        {hasRiver && home.secondary.length > 0 && <SecondaryStories articles={home.secondary} timeZone={timeZone} beside={false} />}
      </section>
      {hasRiver ? (
        <section aria-labelledby="latest-heading" className={side}>
          <h2 id="latest-heading" className={`mb-4 border-t-2 border-neutral-900 pt-3 lg:border-t-0 lg:pt-0 dark:border-neutral-300 ${BLOCK_HEADING}`}>
            Latest
          </h2>
          <ol className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {home.latest.map((article) => (
              <li key={article.slug} className="py-3 first:pt-0">
                <ArticleCard article={article} timeZone={timeZone} variant="river" />
              </li>
            ))}
          </ol>
        </section>
      ) : (
        !alone && (
          <section aria-label="More top stories" className={side}>
            <SecondaryStories articles={home.secondary} timeZone={timeZone} beside />
          </section>
        )
      )}
    </div>
  );
}

/**
 * The front: the lead with a large image, secondary stories with smaller ones, the "latest" river with times, and a
 * block per section; the data layer hands over each story once (lib/dal/articles.ts getHomePage).
 */
export default async function HomePage() {
  const [home, site, pages] = await Promise.all([getHomePage(), getSiteSettings(), listPublishedSitePages()]);
  const tz = site.timeZone;
  if (!home.lead) {
    return (
      <>
        <h1 className="sr-only">{site.name}</h1>
        <div className="py-20 text-center">
          <p className="font-serif text-2xl font-semibold">No stories yet.</p>
          <p className="mt-3 text-neutral-600 dark:text-neutral-400">
            The newsroom hasn&apos;t published anything. Check back soon.
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      <JsonLd data={homeJsonLd({ ...site, sitePages: pages.map((page) => page.slug) })} />
      <h1 className="sr-only">{site.name}: latest news</h1>
      <TopStories home={home} timeZone={tz} />

      {home.sections.map(({ section, articles }) => (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`} className="mt-12 border-t-2 border-neutral-900 pt-3 dark:border-neutral-300">
          <div className="mb-5 flex items-baseline justify-between gap-4">
            <h2 id={`section-${section.slug}`} className={BLOCK_HEADING}>
              <Link href={`/sections/${section.slug}`} className="hover:underline">
                {section.name}
              </Link>
            </h2>
            <Link href={`/sections/${section.slug}`} className="font-sans text-sm text-neutral-700 underline-offset-4 hover:underline dark:text-neutral-300">
              More {section.name} <span aria-hidden="true">→</span>
            </Link>
          </div>
          <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
            {articles.map((article) => (
              <li key={article.slug}>
                <ArticleCard article={article} timeZone={tz} variant="standard" showSection={false} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
