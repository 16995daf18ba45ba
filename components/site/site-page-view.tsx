import type { PublishedSitePage } from "@/lib/dal/site-pages";
import { TimeStamp } from "./time-stamp";

/** A site page (About, Contact, a policy): its title and its sanitised Markdown body, with when it last changed. */
export function SitePageView({ page, timeZone }: { page: Pick<PublishedSitePage, "title" | "html" | "updatedAt">; timeZone: string }) {
  return (
    <article className="prose prose-lg prose-neutral mx-auto dark:prose-invert">
      <h1 className="font-serif">{page.title}</h1>
      {/* Sanitised by the stories' pipeline (lib/content/markdown-worker.mjs). */}
      <div dangerouslySetInnerHTML={{ __html: page.html }} />
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Last updated <TimeStamp date={page.updatedAt} timeZone={timeZone} />
      </p>
    </article>
  );
}
