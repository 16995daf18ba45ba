import type { ReactNode } from "react";
import Image from "next/image";
import Link from "next/link";
import type { ArticlePageData } from "@/lib/dal/articles";
import { WORK_TYPE_LABELS } from "@/lib/validation/stories";
import { Bylines } from "./bylines";
import { ArticleCard } from "./article-card";
import { LEAD_STORY_ATTRIBUTE } from "./breaking-banner";
import { ShareLinks } from "./share-links";
import { TimeStamp } from "./time-stamp";

// A table of contents helps only on long stories.
const TOC_MIN_HEADINGS = 3;
// The article column is max-w-3xl (768px).
const HERO_SIZES = "(min-width: 768px) 768px, 100vw";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * The dateline ("WASHINGTON —") opens the first paragraph, in small caps, as in print. The body is sanitised HTML,
 * so the dateline is escaped and put inside its first <p>; a body that starts without one gets its own paragraph.
 */
export function bodyWithDateline(html: string, dateline: string | null): string {
  const place = dateline?.trim();
  if (!place) return html;
  const span = `<span class="dateline font-sans font-semibold tracking-wide [font-variant-caps:all-small-caps]">${place.replace(/[&<>"]/g, (c) => ESCAPES[c])} —</span> `;
  const first = html.indexOf("<p>");
  return first === -1 ? `<p>${span}</p>${html}` : `${html.slice(0, first + 3)}${span}${html.slice(first + 3)}`;
}

/** `liveStatus` and `children` are a live coverage's badge (above the headline) and entries (after the body). */
export function ArticleView({ data, timeZone, url, liveStatus, children }: { data: ArticlePageData; timeZone: string; url: string; liveStatus?: ReactNode; children?: ReactNode }) {
  const { article, headings, related } = data;
  const opinion = article.workType === "OPINION";
  const sponsored = article.workType === "SPONSORED";
  // Plain news carries no label: the label marks what is not straight reporting.
  const label = article.workType === "NEWS" ? null : WORK_TYPE_LABELS[article.workType];
  return (
    // Marks the story this page leads with, so the breaking banner does not repeat its headline above it.
    <article className="mx-auto max-w-3xl" {...{ [LEAD_STORY_ATTRIBUTE]: article.slug }}>
      <header
        className={`border-b pb-4 sm:pb-6 ${
          opinion
            ? "border-rose-900/30 bg-stone-100 px-4 pt-4 sm:px-6 sm:pt-6 dark:border-rose-200/30 dark:bg-stone-900"
            : sponsored
              ? "border-amber-600 bg-amber-50 px-4 pt-4 sm:px-6 sm:pt-6 dark:border-amber-400 dark:bg-amber-950/40"
              : "border-neutral-200 dark:border-neutral-800"
        }`}
      >
        {(article.section || label) && (
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm font-bold tracking-wider uppercase">
            {label && (
              <span
                data-work-type={article.workType}
                className={
                  sponsored
                    ? "bg-amber-300 px-2 py-0.5 text-neutral-950"
                    : opinion
                      ? "text-rose-800 dark:text-rose-300"
                      : "text-sky-800 dark:text-sky-300"
                }
              >
                {label}
              </span>
            )}
            {article.section && (
              <Link href={`/sections/${article.section.slug}`} className="hover:underline">
                {article.section.name}
              </Link>
            )}
          </p>
        )}
        {liveStatus}
        {sponsored && (
          <p className="mt-2 text-sm text-neutral-800 dark:text-neutral-200">Paid content: produced for an advertiser, not by the newsroom.</p>
        )}
        <h1
          className={`mt-1 font-serif text-[2rem] leading-[1.15] tracking-tight text-balance sm:mt-2 sm:text-5xl sm:leading-tight ${
            opinion ? "font-normal italic" : "font-bold"
          }`}
        >
          {article.headline}
        </h1>
        {article.standfirst && (
          <p className="mt-3 font-serif text-lg leading-snug text-neutral-700 sm:mt-4 sm:text-xl sm:leading-relaxed dark:text-neutral-300">{article.standfirst}</p>
        )}
        <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-neutral-600 sm:mt-5 dark:text-neutral-400">
          <Bylines bylines={article.bylines} />
          <span>
            Published <TimeStamp date={article.publishedAt} timeZone={timeZone} withTime />
          </span>
          {article.updatedAt && (
            <span>
              Updated <TimeStamp date={article.updatedAt} timeZone={timeZone} withTime />
            </span>
          )}
          <span>{data.readingMinutes} min read</span>
        </div>
      </header>

      {article.hero && (
        <figure className="mt-6">
          {article.hero.srcSet ? (
            // The upload pipeline already made these widths; next/image would resize them a second time.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={article.hero.src}
              srcSet={article.hero.srcSet}
              sizes={HERO_SIZES}
              alt={article.hero.alt}
              width={article.hero.width}
              height={article.hero.height}
              fetchPriority="high"
              decoding="async"
              className="h-auto w-full"
            />
          ) : (
            <Image
              src={article.hero.src}
              alt={article.hero.alt}
              width={article.hero.width}
              height={article.hero.height}
              sizes={HERO_SIZES}
              priority
              className="h-auto w-full"
            />
          )}
          {(article.hero.caption || article.hero.credit) && (
            // The same caption-then-credit layout as figures in the body (.credit in app/globals.css).
            <figcaption className="mt-2 text-sm leading-snug text-neutral-700 dark:text-neutral-300">
              {article.hero.caption}
              {article.hero.credit && <span className="credit">{article.hero.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}

      {headings.length >= TOC_MIN_HEADINGS && (
        <nav aria-labelledby="toc-heading" className="mt-6 border-l-4 border-neutral-300 pl-4 sm:mt-8 print:hidden dark:border-neutral-700">
          {/* Folded on a phone, so the story itself starts on the first screen; always open on wider screens. */}
          <details className="group sm:hidden">
            <summary className="cursor-pointer text-sm font-bold tracking-wider uppercase">
              <span id="toc-heading">In this story</span>
              <span className="font-normal tracking-normal normal-case text-neutral-600 dark:text-neutral-400"> · {headings.length} sections</span>
            </summary>
            <TocList headings={headings} />
          </details>
          <div className="hidden sm:block">
            <h2 className="text-sm font-bold tracking-wider uppercase">In this story</h2>
            <TocList headings={headings} />
          </div>
        </nav>
      )}

      <div
        className="article-body prose prose-lg prose-neutral mt-6 max-w-none font-serif sm:mt-8 dark:prose-invert prose-h2:scroll-mt-4 prose-h3:scroll-mt-4"
        // Sanitised by lib/content/markdown.ts (rehype-sanitize).
        dangerouslySetInnerHTML={{ __html: bodyWithDateline(data.bodyHtml, article.dateline) }}
      />

      {children}

      {article.corrections.length > 0 && (
        <section aria-labelledby="corrections-heading" className="mt-10 border border-neutral-300 bg-neutral-50 p-4 dark:border-neutral-700 dark:bg-neutral-900">
          <h2 id="corrections-heading" className="font-sans text-base font-bold">
            Corrections and updates
          </h2>
          <ul className="mt-2 space-y-3 text-sm">
            {article.corrections.map((note) => (
              <li key={note.publishedAt.toISOString() + note.body}>
                <p className="font-semibold">
                  {note.kind === "CORRECTION" ? "Correction" : "Update"}, <TimeStamp date={note.publishedAt} timeZone={timeZone} withTime />
                </p>
                <p className="mt-1">{note.body}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <footer className="mt-10 space-y-6 border-t border-neutral-200 pt-6 dark:border-neutral-800">
        {article.tags.length > 0 && (
          <nav aria-label="Tags">
            <ul className="flex flex-wrap gap-2 text-sm">
              {article.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link href={`/tags/${tag.slug}`} className="inline-block rounded-full border border-neutral-300 px-3 py-1 hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800">
                    {tag.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <ShareLinks url={url} headline={article.headline} />
      </footer>

      {related.length > 0 && (
        <section aria-labelledby="related-heading" className="mt-12 border-t border-neutral-900 pt-4 print:hidden dark:border-neutral-300">
          <h2 id="related-heading" className="mb-4 text-xs font-black uppercase tracking-widest">
            Related stories
          </h2>
          <ul className="grid gap-6 sm:grid-cols-3">
            {related.map((story) => (
              <li key={story.slug}>
                <ArticleCard article={story} timeZone={timeZone} variant="compact" />
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function TocList({ headings }: { headings: ArticlePageData["headings"] }) {
  return (
    <ol className="mt-2 space-y-1 text-sm">
      {headings.map((heading) => (
        <li key={heading.id} className={heading.depth === 3 ? "ml-4" : undefined}>
          <a href={`#${heading.id}`} className="underline-offset-4 hover:underline">
            {heading.text}
          </a>
        </li>
      ))}
    </ol>
  );
}
