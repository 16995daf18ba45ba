import type { ReactNode } from "react";
import type { ArticleSummary, Page } from "@/lib/dal/articles";
import { ArticleCard } from "./article-card";
import { ArticleList } from "./article-list";
import { Pagination } from "./pagination";

/** How many stories after the lead get a card of their own on a section front's first page: beside a lead with a
 * picture, or in a row of three under a text-only one. */
const SECONDARY = { beside: 2, below: 3 };

/**
 * The shared shape of section, tag and author pages: a header, the stories, and pagination. A section's first page
 * is laid out as a front (a lead with a large image, secondary stories beside it, then the rest as a river); later
 * pages, and tag and author pages, are a list with thumbnails.
 */
export function ListingPage({
  kicker,
  title,
  intro,
  articles,
  basePath,
  timeZone,
  showSection = true,
  layout = "list",
}: {
  kicker: string;
  title: string;
  intro?: ReactNode;
  articles: Page<ArticleSummary>;
  basePath: string;
  timeZone: string;
  showSection?: boolean;
  layout?: "front" | "list";
}) {
  const front = layout === "front" && articles.page === 1 && articles.items.length > 0;
  return (
    <div className={front ? "" : "mx-auto max-w-3xl"}>
      <header className="mb-8 border-b border-neutral-900 pb-4 dark:border-neutral-300">
        <p className="font-sans text-xs font-black uppercase tracking-widest text-neutral-600 dark:text-neutral-400">{kicker}</p>
        <h1 className="mt-1 font-serif text-4xl font-bold tracking-tight">{title}</h1>
        {intro && <div className="mt-3 max-w-prose text-neutral-700 dark:text-neutral-300">{intro}</div>}
        {articles.page > 1 && <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">Page {articles.page}</p>}
      </header>
      {articles.items.length === 0 ? (
        <p className="py-10 text-neutral-600 dark:text-neutral-400">No stories have been published here yet.</p>
      ) : front ? (
        <SectionFront title={title} articles={articles.items} timeZone={timeZone} showSection={showSection} />
      ) : (
        <ArticleList articles={articles.items} timeZone={timeZone} showSection={showSection} />
      )}
      <div className={front ? "lg:w-2/3" : ""}>
        <Pagination basePath={basePath} page={articles.page} pageCount={articles.pageCount} />
      </div>
    </div>
  );
}

function SectionFront({ title, articles, timeZone, showSection }: { title: string; articles: ArticleSummary[]; timeZone: string; showSection: boolean }) {
  const [lead, ...rest] = articles;
  // A lead with a picture stands beside the secondary stories; a text-only lead would leave a hole under it there,
  // so it spans the width as a big headline with the secondary stories in a row beneath.
  const beside = lead.hero !== null;
  const count = beside ? SECONDARY.beside : SECONDARY.below;
  const secondary = rest.slice(0, count);
  const river = rest.slice(count);
  return (
    <>
      <div className={beside ? "grid gap-8 lg:grid-cols-3" : ""}>
        <div className={beside ? "lg:col-span-2" : "max-w-4xl"}>
          <ArticleCard article={lead} timeZone={timeZone} variant="lead" headingLevel={2} showSection={showSection} priority />
        </div>
        {secondary.length > 0 && (
          <ul
            className={`grid gap-8 sm:grid-cols-2 ${beside ? "lg:grid-cols-1 lg:border-l lg:border-neutral-200 lg:pl-8 dark:lg:border-neutral-800" : "mt-10 lg:grid-cols-3"}`}
          >
            {secondary.map((article) => (
              <li key={article.slug}>
                <ArticleCard article={article} timeZone={timeZone} variant="secondary" headingLevel={2} showSection={showSection} />
              </li>
            ))}
          </ul>
        )}
      </div>
      {river.length > 0 && (
        <section aria-labelledby="river-heading" className="mt-10 border-t-2 border-neutral-900 pt-3 lg:w-2/3 dark:border-neutral-300">
          <h2 id="river-heading" className="mb-5 font-sans text-xs font-black uppercase tracking-widest">
            More in {title}
          </h2>
          <ArticleList articles={river} timeZone={timeZone} headingLevel={3} showSection={showSection} />
        </section>
      )}
    </>
  );
}
