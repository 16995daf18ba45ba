import Link from "next/link";
import type { ArticleSummary } from "@/lib/dal/articles";
import { formatDate } from "@/lib/content/dates";

export function ArticleList({ articles, timeZone }: { articles: ArticleSummary[]; timeZone: string }) {
  return (
    <ol className="divide-y divide-neutral-200">
      {articles.map((article) => (
        <li key={article.slug} className="py-6 first:pt-0">
          <article>
            {article.section && (
              <p className="text-xs font-bold uppercase tracking-wider text-neutral-600">{article.section.name}</p>
            )}
            <h2 className="mt-1 font-serif text-2xl font-bold leading-tight">
              <Link href={`/articles/${article.slug}`} className="hover:underline">
                {article.headline}
              </Link>
            </h2>
            <p className="mt-2 max-w-prose text-neutral-700">{article.standfirst}</p>
            <p className="mt-2 text-sm text-neutral-600">
              <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt, timeZone)}</time>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
