import Image from "next/image";
import Link from "@/components/admin/newsroom-link";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button-styles";
import type { MediaView } from "@/lib/dal/media";
import { StoryTime } from "./story-time";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The library's search: a plain GET form, so the query lives in the URL and works without JavaScript. */
export function MediaSearchForm({ query }: { query: string }) {
  return (
    <form method="get" action="/admin/media" role="search" aria-label="Search images" className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1 space-y-1">
        <label htmlFor="media-q" className="block text-sm font-semibold">
          Search by file name, alt text, caption or credit
        </label>
        <input id="media-q" name="q" type="search" defaultValue={query} maxLength={100} className={inputClass} />
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Search
      </button>
      {query && (
        <Link href="/admin/media" className="self-center text-sm underline underline-offset-4">
          Clear search
        </Link>
      )}
    </form>
  );
}

/** Thumbnails of the library, each linking to its details page. */
export function MediaGrid({ items, timeZone }: { items: MediaView[]; timeZone: string }) {
  return (
    <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" aria-label="Images">
      {items.map((media) => (
        <li key={media.id} className="flex flex-col overflow-hidden rounded-lg border border-neutral-300 bg-white dark:border-neutral-700 dark:bg-neutral-900">
          <Link href={`/admin/media/${media.id}`} className="group block focus-visible:outline-offset-[-4px]">
            <div className="flex aspect-[4/3] items-center justify-center bg-neutral-100 dark:bg-neutral-800">
              {/* Already resized by the upload pipeline; the card's text names the image, so the picture is decorative here. */}
              <Image src={media.thumbnailUrl} alt="" width={media.width} height={media.height} unoptimized className="max-h-full w-auto object-contain" />
            </div>
            <p className="truncate px-3 pt-2 text-sm font-semibold group-hover:underline" title={media.originalName}>
              {media.originalName}
            </p>
          </Link>
          <div className="space-y-1 px-3 pb-3 pt-1 text-xs text-neutral-700 dark:text-neutral-300">
            <p>
              {media.width}×{media.height} · {formatBytes(media.bytes)}
            </p>
            {media.alt ? (
              <p className="line-clamp-2" title={media.alt}>
                Alt: {media.alt}
              </p>
            ) : (
              <p className="font-semibold text-amber-800 dark:text-amber-300">No alt text yet</p>
            )}
            <p>{media.usedBy === 0 ? "Not used" : media.usedBy === 1 ? "Used once" : `Used ${media.usedBy} times`}</p>
            <p>
              {media.uploadedBy ?? "Former staff"}, <StoryTime date={media.createdAt} timeZone={timeZone} />
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
