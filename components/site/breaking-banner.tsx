import Link from "next/link";
import { listBreakingNews } from "@/lib/dal/articles";

/** Red is reserved for this: shown while a published story is flagged breaking and its expiry has not passed. */
export async function BreakingBanner() {
  const stories = await listBreakingNews();
  if (stories.length === 0) return null;
  return (
    <aside aria-label="Breaking news" className="bg-breaking text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2">
        <strong className="text-sm font-black uppercase tracking-widest">Breaking</strong>
        <ul className="flex flex-wrap gap-x-6">
          {stories.map((story) => (
            <li key={story.slug}>
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
