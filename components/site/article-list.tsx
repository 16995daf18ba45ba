import type { ArticleSummary } from "@/lib/dal/articles";
import { ArticleCard, type CardVariant } from "./article-card";

/** Stories one under another, each with its thumbnail on the right when it has an image. */
export function ArticleList({
  articles,
  timeZone,
  headingLevel = 2,
  showSection = true,
  variant = "row",
}: {
  articles: ArticleSummary[];
  timeZone: string;
  headingLevel?: 2 | 3;
  showSection?: boolean;
  variant?: Extract<CardVariant, "row" | "river">;
}) {
  return (
    <ol className="divide-y divide-neutral-200 dark:divide-neutral-800">
      {articles.map((article) => (
        <li key={article.slug} className={variant === "river" ? "py-3 first:pt-0" : "py-6 first:pt-0"}>
          <ArticleCard article={article} timeZone={timeZone} variant={variant} headingLevel={headingLevel} showSection={showSection} />
        </li>
      ))}
    </ol>
  );
}
