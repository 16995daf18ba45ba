"use server";
import { transitionStory, type TransitionResult } from "@/lib/dal/workflow";
import { transitionSchema } from "@/lib/validation/stories";
import { runAction, type ActionState } from "@/lib/actions/result";

const DONE = { DRAFT: "Moved back to draft.", IN_REVIEW: "Submitted for review.", SCHEDULED: "Scheduled.", PUBLISHED: "Published.", ARCHIVED: "Unpublished." } as const;

export async function transitionStoryAction(input: unknown): Promise<ActionState<TransitionResult>> {
  return runAction(transitionSchema, input, async (data) => ({ message: DONE[data.to], data: await transitionStory(data) }));
}
