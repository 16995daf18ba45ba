import Link from "next/link";
import { listBreakingNews } from "@/lib/dal/articles";

/** The attribute a page puts on the story it leads with (a front's lead card, an article page's article), naming its slug. */
export const LEAD_STORY_ATTRIBUTE = "data-lead-story";

/**
 * When the page below already leads with a breaking story (a front's lead, or the story's own article page), the banner must not repeat its headline above it. The
 * banner sits in the reader layout, which cannot know the page, and asking for the home page's lead here would tie
 * every page's cache to every publish. So the banner carries, with its own data, a rule that hides a story's entry
 * (and the whole banner, when that is its only story) on any page whose lead card names the same story; without
 * such a lead it shows as before. The rule goes into <head> (React hoists a <style> with a precedence).
 */
function hideWhenLeading(slugs: string[], alone: boolean): string {
  const lead = (slug: string) => `body:has([${LEAD_STORY_ATTRIBUTE}="${slug}"])`;
  const rules = slugs.map((slug) => `${lead(slug)} [data-breaking-story="${slug}"]{display:none}`);
  if (alone) rules.push(`${lead(slugs[0])} [data-breaking-banner]{display:none}`);
  return rules.join("\n");
}

/** Red is reserved for this: shown while a published story is flagged breaking and its expiry has not passed. */
export async function BreakingBanner() {
  const stories = await listBreakingNews();
  if (stories.length === 0) return null;
  // Slugs are [a-z0-9-] (lib/content/slug.ts); anything else is dropped rather than written into CSS.
  const slugs = stories.map((story) => story.slug).filter((slug) => /^[a-z0-9-]+$/.test(slug));
  return (
    <aside aria-label="Breaking news" data-breaking-banner="" className="bg-breaking text-white">
      <style href={`breaking-${slugs.join("+")}`} precedence="breaking">
        {hideWhenLeading(slugs, stories.length === 1 && slugs.length === 1)}
      </style>
      <div className="mx-auto flex max-w-6xl flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2">
        <strong className="text-sm font-black uppercase tracking-widest">Breaking</strong>
        <ul className="flex flex-wrap gap-x-6">
          {stories.map((story) => (
            <li key={story.slug} data-breaking-story={story.slug}>
              <Link href={`/articles/${story.slug}`} className="font-semibold underline-offset-4 hover:underline">
                {story.headline}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </aside>
  );
}
