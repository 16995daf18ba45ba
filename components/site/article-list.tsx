import type { ArticleSummary } from "@/lib/dal/articles";
import { ArticleCard } from "./article-card";

export function ArticleList({
  articles,
  timeZone,
  headingLevel = 2,
  showSection = true,
}: {
  articles: ArticleSummary[];
  timeZone: string;
  headingLevel?: 2 | 3;
  showSection?: boolean;
}) {
  return (
    <ol className="divide-y divide-neutral-200 dark:divide-neutral-800">
      {articles.map((article) => (
        <li key={article.slug} className="py-6 first:pt-0">
          <ArticleCard article={article} timeZone={timeZone} headingLevel={headingLevel} showSection={showSection} />
        </li>
      ))}
    </ol>
  );
}
