import type { StoryListItem } from "@/lib/dal/story-list";

/** "Breaking" and "Lead" markers beside a headline, in words. */
export function StoryFlags({ story }: { story: Pick<StoryListItem, "breaking" | "featured"> }) {
  if (!story.breaking && !story.featured) return null;
  return (
    <span className="ml-2 inline-flex gap-1 align-middle">
      {story.breaking && <span className="rounded bg-breaking px-1.5 py-0.5 text-[0.7rem] font-bold uppercase tracking-wide text-white">Breaking</span>}
      {story.featured && (
        <span className="rounded border border-neutral-500 px-1.5 py-0.5 text-[0.7rem] font-bold uppercase tracking-wide text-neutral-700 dark:text-neutral-300">Lead</span>
      )}
    </span>
  );
}
