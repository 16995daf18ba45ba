import "server-only";
import { ArticleStatus, getDb, type Prisma } from "@/lib/db";
import { formatNewsroomTime } from "@/lib/content/dates";
import { ValidationError } from "./errors";
import { requireUser } from "./session";
import { visibleWhere } from "./stories";

// An embargo: until `embargoUntil` a story may be edited and reviewed, but nothing publishes it or schedules it to
// go live before then, by any path. The rule is enforced once, in the one story write path
// (lib/dal/story-writer.ts writeStory calls assertEmbargoAllows and adds embargoGuard to its write statement), so
// the editor's save, workflow steps, reschedules, restores, bulk actions, imports' follow-up saves and the
// scheduler all meet it. The scheduler also leaves an embargoed story where it is until the embargo lifts
// (lib/dal/scheduling.ts), so a schedule left earlier than a later embargo never publishes it early.

type Tx = Prisma.TransactionClient;

/** What the rule looks at, before and after a write. */
export interface EmbargoState {
  status: string;
  scheduledAt: Date | null;
  embargoUntil: Date | null;
}

/**
 * How a write would break an embargo: "publish" (made live before it), "schedule" (set to go live before it),
 * "live" (an embargo set on a story that is already live), or null. A write that touches none of the status, the
 * schedule or the embargo is never refused, so an edit of a story left inconsistent by hand still saves.
 */
export function embargoBreach(before: EmbargoState, after: EmbargoState, now: Date): "publish" | "schedule" | "live" | null {
  const embargo = after.embargoUntil;
  if (!embargo || embargo.getTime() <= now.getTime()) return null;
  const moved = sameTime(before.embargoUntil, embargo) === false;
  if (after.status === ArticleStatus.PUBLISHED) {
    if (before.status !== ArticleStatus.PUBLISHED) return "publish";
    return moved ? "live" : null;
  }
  if (after.status === ArticleStatus.SCHEDULED && after.scheduledAt && after.scheduledAt.getTime() < embargo.getTime()) {
    const touched = before.status !== ArticleStatus.SCHEDULED || moved || !sameTime(before.scheduledAt, after.scheduledAt);
    return touched ? "schedule" : null;
  }
  return null;
}

function sameTime(a: Date | null | undefined, b: Date | null | undefined): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}

/** "Aug 9, 2025, 2:00 PM GMT+1 (Europe/London)": the site's clock, with the zone named as the settings name it. */
export function embargoTimeText(at: Date, timeZone: string): string {
  const text = formatNewsroomTime(at, timeZone);
  return timeZone === "UTC" ? text : `${text} (${timeZone})`;
}

/** The refusal for a publish before the embargo, worded for the person at the form. */
export function embargoPublishMessage(at: Date, timeZone: string): string {
  return `Embargoed until ${embargoTimeText(at, timeZone)}: it cannot be published before then.`;
}

/** The refusal for a schedule before the embargo. */
export function embargoScheduleMessage(at: Date, timeZone: string): string {
  return `Embargoed until ${embargoTimeText(at, timeZone)}: it cannot be scheduled to go live before then.`;
}

async function siteTimeZone(tx: Tx): Promise<string> {
  const settings = await tx.siteSettings.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  return settings?.timeZone || "UTC";
}

/** Refuses (ValidationError, nothing written) a write that would break the story's embargo; see embargoBreach. */
export async function assertEmbargoAllows(tx: Tx, before: EmbargoState, after: EmbargoState, now: Date): Promise<void> {
  const breach = embargoBreach(before, after, now);
  if (!breach) return;
  const at = after.embargoUntil!;
  const timeZone = await siteTimeZone(tx);
  const when = embargoTimeText(at, timeZone);
  if (breach === "publish") {
    const message = embargoPublishMessage(at, timeZone);
    throw new ValidationError(message, { embargoUntil: ["Lift or move the embargo to publish it sooner."] });
  }
  if (breach === "live") {
    throw new ValidationError("This story is already live, so it cannot be put under embargo.", {
      embargoUntil: ["This story is already live. Unpublish it first if it must wait for an embargo."],
    });
  }
  // Scheduling (or rescheduling) before the embargo, or an embargo moved past the story's schedule.
  const scheduledAt = after.scheduledAt!;
  const scheduledText = embargoTimeText(scheduledAt, timeZone);
  const schedulingNow = before.status !== ArticleStatus.SCHEDULED || !sameTime(before.scheduledAt, scheduledAt);
  throw new ValidationError(
    embargoScheduleMessage(at, timeZone),
    schedulingNow
      ? { scheduledAt: [`Choose ${when} or later: the story is embargoed until then.`] }
      : { embargoUntil: [`The story is scheduled for ${scheduledText}, before this embargo. Reschedule it to ${when} or later first.`] },
  );
}

/**
 * What the stored row must still hold when the write that makes a story live (limit: now) or schedules it (limit:
 * its time) runs: no embargo after the limit. Checked by the write statement itself.
 */
export function embargoGuard(limit: Date): Prisma.ArticleWhereInput {
  return { OR: [{ embargoUntil: null }, { embargoUntil: { lte: limit } }] };
}

export interface EmbargoedStory {
  id: string;
  headline: string;
  status: string;
  embargoUntil: Date;
  scheduledAt: Date | null;
}

export const EMBARGO_LIST_SIZE = 10;

/** Stories still under embargo that this person may see, soonest lifted first (the dashboard's list). */
export async function listEmbargoedStories(now: Date = new Date()): Promise<EmbargoedStory[]> {
  const user = await requireUser();
  const rows = await getDb().article.findMany({
    where: { AND: [{ deletedAt: null, embargoUntil: { gt: now } }, visibleWhere(user)] },
    orderBy: [{ embargoUntil: "asc" }, { id: "asc" }],
    take: EMBARGO_LIST_SIZE,
    select: { id: true, headline: true, status: true, embargoUntil: true, scheduledAt: true },
  });
  return rows.map((row) => ({ ...row, embargoUntil: row.embargoUntil! }));
}
