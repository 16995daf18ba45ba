"use server";
import { rescheduleStory } from "@/lib/dal/workflow";
import { rescheduleSchema } from "@/lib/validation/stories";
import { runAction, type ActionState } from "@/lib/actions/result";
import type { Status } from "@/lib/auth/permissions";

/** Reschedules a scheduled story (a new time) or unschedules it (`scheduledAt: null`: back to review, not to draft). */
export async function rescheduleStoryAction(input: unknown): Promise<ActionState<{ version: number; status: Status; scheduledAt: string | null }>> {
  return runAction(rescheduleSchema, input, async (data) => {
    const done = await rescheduleStory(data);
    return {
      message: data.scheduledAt ? "Rescheduled." : "Unscheduled: the story is back in review.",
      data: { version: done.version, status: done.status, scheduledAt: done.scheduledAt?.toISOString() ?? null },
    };
  });
}
