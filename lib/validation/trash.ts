import type { Status } from "@/lib/auth/permissions";

// The trash's rules, shared by the data layer (which enforces them, lib/dal/trash.ts) and the editor (which says them
// before anyone presses a button that would be refused).

/** How long a story stays restorable in the trash before the purge job deletes it for good. */
export const TRASH_DAYS = 30;

/**
 * Why a story in this state cannot go to the trash, or null when it can. Each reason names the step the newsroom
 * offers: "Unpublish" archives a live story; "Unschedule" takes a scheduled one off the schedule, back to review.
 */
export function trashProblem(status: Status): string | null {
  if (status === "PUBLISHED") return "Unpublish this story before deleting it: readers can still see it.";
  if (status === "SCHEDULED") return "Unschedule this story before deleting it: it is set to go live. Unscheduling puts it back in review, and then it can be deleted.";
  return null;
}
