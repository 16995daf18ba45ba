import type { ArticleDetail } from "@/lib/dal/articles";
import { formatDate } from "@/lib/content/dates";
import { renderMarkdown } from "@/lib/content/markdown";
import { measureReading } from "@/lib/content/reading-time";
import { Bylines } from "./bylines";

export function ArticleView({ article, timeZone }: { article: ArticleDetail; timeZone: string }) {
  const reading = measureReading(article.body);
  return (
    <article className="mx-auto max-w-2xl">
      <header className="border-b border-neutral-200 pb-6">
        {article.section && (
          <p className="text-sm font-bold uppercase tracking-wider text-neutral-700">{article.section.name}</p>
        )}
        <h1 className="mt-2 font-serif text-4xl font-bold leading-tight tracking-tight sm:text-5xl">{article.headline}</h1>
        {article.standfirst && <p className="mt-4 text-xl leading-relaxed text-neutral-700">{article.standfirst}</p>}
        <p className="mt-5 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-neutral-600">
          <Bylines bylines={article.bylines} />
          <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt, timeZone)}</time>
          <span>{reading.minutes} min read</span>
        </p>
      </header>
      <div
        className="prose prose-lg prose-neutral mt-8 max-w-none font-serif prose-headings:font-sans prose-headings:tracking-tight"
        // Sanitised by lib/content/markdown.ts (rehype-sanitize).
        dangerouslySetInnerHTML={{ __html: renderMarkdown(article.body) }}
      />
      {article.tags.length > 0 && (
        <footer className="mt-10 border-t border-neutral-200 pt-4">
          <h2 className="sr-only">Tags</h2>
          <ul className="flex flex-wrap gap-2 text-sm">
            {article.tags.map((tag) => (
              <li key={tag.slug} className="rounded-full border border-neutral-300 px-3 py-1 text-neutral-700">
                {tag.name}
              </li>
            ))}
          </ul>
        </footer>
      )}
    </article>
  );
}
