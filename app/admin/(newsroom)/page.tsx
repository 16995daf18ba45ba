import type { Metadata } from "next";
import { DashboardEmbargoes } from "@/components/admin/dashboard-embargoes";
import { DashboardCounts } from "@/components/admin/dashboard-counts";
import { DashboardPanel } from "@/components/admin/dashboard-panel";
import { DashboardSchedule } from "@/components/admin/dashboard-schedule";
import { StoryCompactList } from "@/components/admin/story-compact-list";
import { NewStoryLink } from "@/components/admin/story-links";
import { requireNewsroomPage } from "@/lib/auth/page-guard";
import { listEmbargoedStories } from "@/lib/dal/embargo";
import { getSiteSettings } from "@/lib/dal/settings";
import { getDashboard } from "@/lib/dal/story-list";
import { storyListHref } from "@/lib/validation/story-list";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireNewsroomPage();
  const [dashboard, { timeZone }, embargoed] = await Promise.all([getDashboard(), getSiteSettings(), listEmbargoedStories()]);
  const waiting = dashboard.counts.IN_REVIEW;
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Dashboard</h1>
          <p className="text-neutral-700 dark:text-neutral-300">Welcome, {user.name}.</p>
        </div>
        <NewStoryLink />
      </header>

      <DashboardCounts counts={dashboard.counts} total={dashboard.total} ownOnly={!dashboard.reviews} />

      <div className="grid items-start gap-6 lg:grid-cols-2">
        {dashboard.reviews && (
          <DashboardPanel
            id="review"
            title="Waiting for review"
            more={waiting > 0 ? { href: "/admin/review", label: `Review queue (${waiting})` } : undefined}
            empty="Nothing is waiting for review."
            isEmpty={dashboard.reviewQueue.length === 0}
          >
            <StoryCompactList stories={dashboard.reviewQueue} meta="submitted" timeZone={timeZone} label="Waiting for review, oldest first" showStatus={false} />
          </DashboardPanel>
        )}
        <DashboardPanel
          id="mine"
          title="My stories"
          more={dashboard.mine.length > 0 ? { href: storyListHref({ mine: true }), label: "All my stories" } : undefined}
          empty="You have not started a story yet."
          isEmpty={dashboard.mine.length === 0}
        >
          <StoryCompactList stories={dashboard.mine} meta="updated" timeZone={timeZone} label="My stories, most recently updated first" />
        </DashboardPanel>
        <DashboardPanel
          id="schedule"
          title="Coming up"
          more={dashboard.counts.SCHEDULED > 0 ? { href: storyListHref({ status: "SCHEDULED", sort: "scheduled-asc" }), label: "All scheduled" } : undefined}
          empty="Nothing is scheduled."
          isEmpty={dashboard.scheduled.length === 0}
        >
          <DashboardSchedule entries={dashboard.scheduled} timeZone={timeZone} />
        </DashboardPanel>
        <DashboardPanel id="embargoes" title="Under embargo" empty="No story is under embargo." isEmpty={embargoed.length === 0}>
          <DashboardEmbargoes stories={embargoed} timeZone={timeZone} />
        </DashboardPanel>
        <DashboardPanel
          id="published"
          title="Recently published"
          more={dashboard.counts.PUBLISHED > 0 ? { href: storyListHref({ status: "PUBLISHED", sort: "published-desc" }), label: "All published" } : undefined}
          empty="Nothing published yet."
          isEmpty={dashboard.recentlyPublished.length === 0}
        >
          <StoryCompactList stories={dashboard.recentlyPublished} meta="published" timeZone={timeZone} label="Recently published" showStatus={false} />
        </DashboardPanel>
      </div>
    </div>
  );
}
