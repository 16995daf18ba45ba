import { describe, expect, it } from "vitest";
import { STATUSES } from "@/lib/auth/permissions";
import { trashProblem } from "./trash";

describe("trashProblem", () => {
  it("lets drafts, stories in review and unpublished stories go to the trash", () => {
    expect(STATUSES.filter((status) => trashProblem(status) === null)).toEqual(["DRAFT", "IN_REVIEW", "ARCHIVED"]);
  });

  it("names the step the newsroom offers for a live or scheduled story", () => {
    expect(trashProblem("PUBLISHED")).toBe("Unpublish this story before deleting it: readers can still see it.");
    expect(trashProblem("SCHEDULED")).toMatch(/^Unschedule this story before deleting it: it is set to go live\. Unscheduling puts it back in review/);
    // Unscheduling no longer moves a story back to draft (lib/actions/stories/reschedule-story.ts).
    expect(trashProblem("SCHEDULED")).not.toMatch(/draft/i);
  });
});
