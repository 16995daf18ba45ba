import type { Metadata } from "next";
import { StoryCompactList } from "@/components/admin/story-compact-list";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { getSiteSettings } from "@/lib/dal/settings";
import { openNotesFor } from "@/lib/dal/story-comments";
import { listReviewQueue } from "@/lib/dal/story-list";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  await requireNewsroomPage({ permission: "review.queue", returnTo: "/admin/review" });
  const [queue, { timeZone }] = await Promise.all([listReviewQueue(), getSiteSettings()]);
  const notes = Object.fromEntries(await openNotesFor(queue.map((story) => story.id)));
  return (
    <div className="max-w-4xl">
      <header className="mb-6">
        <h1 className="text-2xl font-bold">Review queue</h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          Stories submitted for review, the longest-waiting first. Open one to edit, publish, schedule or send it back.
        </p>
      </header>
      {queue.length === 0 ? (
        <p role="status" className="rounded-lg border border-dashed border-neutral-400 px-6 py-10 text-center text-lg font-semibold dark:border-neutral-600">
          Nothing is waiting for review.
        </p>
      ) : (
        <div className="rounded-lg border border-neutral-300 bg-white p-4 dark:border-neutral-700 dark:bg-neutral-900">
          <StoryCompactList stories={queue} meta="submitted" timeZone={timeZone} label="Stories waiting for review, oldest first" showStatus={false} notes={notes} />
        </div>
      )}
    </div>
  );
}
