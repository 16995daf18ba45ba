import Link from "next/link";
import type { CorrectionsPage } from "@/lib/dal/corrections";
import { noteLabel } from "@/lib/feeds/corrections-feed";
import { articlePath } from "@/lib/seo/urls";
import { Pagination } from "./pagination";
import { TimeStamp } from "./time-stamp";

const CORRECTION_LABELS = { nav: "Pagination", previous: "← Newer", next: "Older →" };

export function correctionsPagePath(page: number): string {
  return page <= 1 ? "/corrections" : `/corrections/page/${page}`;
}

/** Every correction and update note, newest first, each with a link to the notes on its story. */
export function CorrectionsList({ corrections, timeZone }: { corrections: CorrectionsPage; timeZone: string }) {
  const { items, page, pageCount } = corrections;
  return (
    <>
      {items.length === 0 ? (
        <p className="text-neutral-700 dark:text-neutral-300">No corrections or updates have been published yet.</p>
      ) : (
        <ol className="divide-y divide-neutral-200 border-y border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
          {items.map((note) => (
            <li key={note.id} className="py-4">
              <p className="text-sm text-neutral-700 dark:text-neutral-300">
                <span className="font-bold uppercase tracking-wide">{noteLabel(note.kind)}</span>, <TimeStamp date={note.publishedAt} timeZone={timeZone} withTime />
              </p>
              <p className="mt-1 font-serif text-lg font-semibold">
                <Link href={`${articlePath(note.article.slug)}#corrections-heading`} className="underline-offset-4 hover:underline">
                  {note.article.headline}
                </Link>
              </p>
              <p className="mt-1 whitespace-pre-line">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <Pagination hrefFor={correctionsPagePath} page={page} pageCount={pageCount} labels={CORRECTION_LABELS} />
    </>
  );
}
