import type { LiveEntryView } from "@/lib/dal/live-entries";
import { entryAnchor } from "@/lib/seo/live-json-ld";
import { Bylines } from "../bylines";
import { TimeStamp } from "../time-stamp";
import { LiveTime } from "./live-time";

/** One entry of the river (or the pinned one above it): time, title, bylines, body, its notes, and its permalink. */
export function LiveEntry({ entry, timeZone, pinned = false }: { entry: LiveEntryView; timeZone: string; pinned?: boolean }) {
  const anchor = entryAnchor(entry.id);
  const id = pinned ? `pinned-${anchor}` : anchor;
  return (
    <article
      id={id}
      aria-labelledby={`${id}-title`}
      data-entry-id={entry.id}
      className={`scroll-mt-4 border-t-2 py-5 ${pinned ? "border-sky-700 bg-sky-50 px-4 dark:border-sky-400 dark:bg-sky-950/40" : entry.keyEvent ? "border-red-700 dark:border-red-400" : "border-neutral-200 dark:border-neutral-800"}`}
    >
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <a href={`#${anchor}`} className="font-sans text-base font-bold tabular-nums text-red-800 hover:underline dark:text-red-300" aria-label="Link to this entry">
          <LiveTime date={entry.publishedAt} timeZone={timeZone} />
        </a>
        {pinned && <span className="text-xs font-bold tracking-wider text-sky-800 uppercase dark:text-sky-300">Pinned</span>}
        {entry.keyEvent && <span className="text-xs font-bold tracking-wider text-red-800 uppercase dark:text-red-300">Key event</span>}
        {entry.editedAt && (
          <span className="text-neutral-600 dark:text-neutral-400">
            Updated <LiveTime date={entry.editedAt} timeZone={timeZone} />
          </span>
        )}
      </header>
      <h2 id={`${id}-title`} className="mt-2 font-serif text-xl leading-snug font-bold text-balance sm:text-2xl">
        {entry.title || <span className="sr-only">Update at {entry.publishedAt.toISOString().slice(11, 16)} UTC</span>}
      </h2>
      {entry.bylines.length > 0 && (
        <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
          <Bylines bylines={entry.bylines} />
        </p>
      )}
      <div
        className="article-body prose prose-neutral mt-3 max-w-none font-serif dark:prose-invert"
        // Sanitised by lib/content/markdown.ts (rehype-sanitize), like a story's body.
        dangerouslySetInnerHTML={{ __html: entry.html }}
      />
      {entry.corrections.length > 0 && (
        <ul className="mt-3 space-y-2 border-l-4 border-amber-600 pl-3 text-sm" aria-label="Corrections to this entry">
          {entry.corrections.map((note) => (
            <li key={note.publishedAt.toISOString() + note.body}>
              <span className="font-semibold">{note.kind === "CORRECTION" ? "Correction" : "Update"}, <TimeStamp date={note.publishedAt} timeZone={timeZone} withTime />:</span> {note.body}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
