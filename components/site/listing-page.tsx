import type { ReactNode } from "react";
import type { ArticleSummary, Page } from "@/lib/dal/articles";
import { ArticleList } from "./article-list";
import { Pagination } from "./pagination";

/** The shared shape of section, tag and author pages: a header, the stories, and pagination. */
export function ListingPage({
  kicker,
  title,
  intro,
  articles,
  basePath,
  timeZone,
  showSection = true,
}: {
  kicker: string;
  title: string;
  intro?: ReactNode;
  articles: Page<ArticleSummary>;
  basePath: string;
  timeZone: string;
  showSection?: boolean;
}) {
  return (
    <div className="mx-auto max-w-3xl">
      <header className="mb-8 border-b border-neutral-900 pb-4 dark:border-neutral-300">
        <p className="text-xs font-black uppercase tracking-widest text-neutral-600 dark:text-neutral-400">{kicker}</p>
        <h1 className="mt-1 font-serif text-4xl font-bold tracking-tight">{title}</h1>
        {intro && <div className="mt-3 max-w-prose text-neutral-700 dark:text-neutral-300">{intro}</div>}
        {articles.page > 1 && <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">Page {articles.page}</p>}
      </header>
      {articles.items.length === 0 ? (
        <p className="py-10 text-neutral-600 dark:text-neutral-400">No stories have been published here yet.</p>
      ) : (
        <ArticleList articles={articles.items} timeZone={timeZone} showSection={showSection} />
      )}
      <Pagination basePath={basePath} page={articles.page} pageCount={articles.pageCount} />
    </div>
  );
}
